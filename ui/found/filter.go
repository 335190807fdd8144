package found

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"floordesk/app"
)

// A filter picks the items the list shows.
type filter struct {
	key  string
	keep func(f app.FoundItem, now time.Time) bool
}

func held(f app.FoundItem) bool { return f.Status == app.FoundHeld }

// filters in the order the filter menu shows them; the first is the
// default.
var filters = []filter{
	{"found.filter.awaiting", func(f app.FoundItem, _ time.Time) bool { return held(f) }},
	{"found.filter.valuables", func(f app.FoundItem, _ time.Time) bool { return held(f) && f.Valuable }},
	{"found.filter.police", func(f app.FoundItem, _ time.Time) bool { return held(f) && f.Police }},
	{"found.filter.past_holding", func(f app.FoundItem, now time.Time) bool { return held(f) && !now.Before(f.HoldUntil) }},
	{"found.filter.claimed", func(f app.FoundItem, _ time.Time) bool { return f.Status == app.FoundClaimed }},
	{"found.filter.disposed", func(f app.FoundItem, _ time.Time) bool { return f.Status == app.FoundDisposed }},
	{"found.filter.all", func(app.FoundItem, time.Time) bool { return true }},
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
