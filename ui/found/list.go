package found

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appfound "floordesk/app/found"
	"floordesk/ui/kit"
)

// itemList is what the screen lists: the items awaiting claim (the others
// when a filter asks for them, see withHistory), the latest found first, found by tag, place, finder, category, description, storage and
// claimant; an item's detail names staff and the loss reports it may
// match.
func (sc *Screen) itemList() kit.ListConfig[appfound.FoundItem] {
	return kit.ListConfig[appfound.FoundItem]{
		Kind: kit.KindFound, Reads: []string{kit.KindStaff, kit.KindLostReport},
		ID:  func(f appfound.FoundItem) string { return f.Tag },
		All: func() ([]appfound.FoundItem, error) { return sc.svc.FoundItems(appfound.FoundHeld) },
		One: sc.svc.FoundItem, Names: sc.names.Load,
		Words: words, Filters: sc.withHistory(filters), Compare: latestFirst,
		Row: sc.fillRow, Detail: sc.detailView, Act: sc.act,
		Export: "found.export_name", Columns: sc.columns(),
	}
}

// words are what the search finds an item by.
func words(f appfound.FoundItem) []string {
	return []string{f.Tag, f.Place, f.Finder, categoryName(f.Category), f.Description,
		f.Location().Location, claimant(f)}
}

// latestFirst orders items by when they were found, the latest first.
func latestFirst(a, b appfound.FoundItem) int {
	if c := b.FoundAt.Compare(a.FoundAt); c != 0 {
		return c
	}
	return strings.Compare(b.Tag, a.Tag)
}

func claimant(f appfound.FoundItem) string {
	if len(f.Claims) == 0 {
		return ""
	}
	return kit.Personal(f.Claims[len(f.Claims)-1].Claimant, f.Personal)
}

// fillRow shows an item: tag and category, description and place, and
// when it was found or where it stands.
func (sc *Screen) fillRow(f appfound.FoundItem, r *kit.Row) {
	now := sc.s.Now()
	imp := widget.MediumImportance
	note := kit.When(f.FoundAt, now)
	switch {
	case f.HasConflict():
		imp = widget.DangerImportance
	case held(f) && !now.Before(f.HoldUntil):
		imp, note = widget.WarningImportance, statusText(f, now)
	case held(f) && f.Police:
		imp, note = widget.WarningImportance, lang.L("found.filter.police")
	case !held(f):
		imp, note = widget.LowImportance, statusText(f, now)
	}
	title := f.Tag + "  " + categoryName(f.Category)
	if f.Valuable {
		title += " · " + lang.L("found.valuable_short")
	}
	r.Set(title, f.Description+" · "+sc.placeText(f), note, imp)
}
