package found

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	appfound "floordesk/app/found"
	"floordesk/ui/kit"
)

// Names shown for the domain's codes.

func categoryName(c app.Category) string { return lang.L("found.cat." + string(c)) }

// categoryOptions are the category names in display order.
func categoryOptions() []string {
	out := make([]string, len(app.Categories))
	for i, c := range app.Categories {
		out[i] = categoryName(c)
	}
	return out
}

// categoryNames are the categories' names, for the search.
func categoryNames() map[app.Category]string {
	out := make(map[app.Category]string, len(app.Categories))
	for _, c := range app.Categories {
		out[c] = categoryName(c)
	}
	return out
}

// categoryOf turns a shown name back into its category, "" when none.
func categoryOf(name string) app.Category {
	for _, c := range app.Categories {
		if categoryName(c) == name {
			return c
		}
	}
	return ""
}

// idTypes are the identity documents a claimant may show.
var idTypes = []string{"id_card", "passport", "hk_macau_permit", "taiwan_permit", "residence_permit", "other"}

// codeOptions names codes with a translation prefix.
func codeOptions(prefix string, codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = lang.L(prefix + c)
	}
	return out
}

// codeOf turns a shown name back into its code, "" when none.
func codeOf(prefix string, codes []string, name string) string {
	for _, c := range codes {
		if lang.L(prefix+c) == name {
			return c
		}
	}
	return ""
}

// statusText says where an item stands, for its row and detail.
func statusText(f appfound.FoundItem, now time.Time) string {
	switch {
	case f.Status == appfound.FoundClaimed:
		return lang.L("found.status.claimed")
	case f.Status == appfound.FoundDisposed:
		return lang.L("found.status.disposed")
	case !now.Before(f.HoldUntil):
		return lang.L("found.status.past_holding")
	}
	return lang.L("found.status.held", map[string]string{"Until": holdText(f)})
}

// holdText is when an item's hold ends: its date, with the time for a
// hold shorter than three days (perishables, held in hours).
func holdText(f appfound.FoundItem) string {
	if f.HoldUntil.Sub(f.FoundAt) < 72*time.Hour {
		return kit.DateTime(f.HoldUntil)
	}
	return kit.Date(f.HoldUntil)
}
