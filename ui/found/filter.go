package found

import (
	"time"

	"fyne.io/fyne/v2/lang"

	appfound "floordesk/app/found"
)

// A filter picks the items the list shows.
type filter struct {
	key  string
	keep func(f appfound.FoundItem, now time.Time) bool
}

func held(f appfound.FoundItem) bool { return f.Status == appfound.FoundHeld }

// filters in the order the filter menu shows them; the first is the
// default.
var filters = []filter{
	{"found.filter.awaiting", func(f appfound.FoundItem, _ time.Time) bool { return held(f) }},
	{"found.filter.valuables", func(f appfound.FoundItem, _ time.Time) bool { return held(f) && f.Valuable }},
	{"found.filter.police", func(f appfound.FoundItem, _ time.Time) bool { return held(f) && f.Police }},
	{"found.filter.past_holding", func(f appfound.FoundItem, now time.Time) bool { return held(f) && !now.Before(f.HoldUntil) }},
	{"found.filter.claimed", func(f appfound.FoundItem, _ time.Time) bool { return f.Status == appfound.FoundClaimed }},
	{"found.filter.disposed", func(f appfound.FoundItem, _ time.Time) bool { return f.Status == appfound.FoundDisposed }},
	{"found.filter.all", func(appfound.FoundItem, time.Time) bool { return true }},
}

func filterNames() []string {
	out := make([]string, len(filters))
	for i, f := range filters {
		out[i] = lang.L(f.key)
	}
	return out
}

// filterNamed returns the filter shown as name, the default when none.
func filterNamed(name string) filter {
	for _, f := range filters {
		if lang.L(f.key) == name {
			return f
		}
	}
	return filters[0]
}
