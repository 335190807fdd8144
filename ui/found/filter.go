package found

import (
	"time"

	"floordesk/app"
	"floordesk/ui/kit"
)

func held(f app.FoundItem) bool { return f.Status == app.FoundHeld }

// keep makes a filter's Keep from a test of an item at a time.
func keep(test func(f app.FoundItem, now time.Time) bool) func(app.FoundItem, string, time.Time) bool {
	return func(f app.FoundItem, _ string, now time.Time) bool { return test(f, now) }
}

// filters in the order the filter menu shows them; the first is the
// default.
var filters = []kit.Filter[app.FoundItem]{
	{Name: "found.filter.awaiting", Keep: keep(func(f app.FoundItem, _ time.Time) bool { return held(f) })},
	{Name: "found.filter.valuables", Keep: keep(func(f app.FoundItem, _ time.Time) bool { return held(f) && f.Valuable })},
	{Name: "found.filter.police", Keep: keep(func(f app.FoundItem, _ time.Time) bool { return held(f) && f.Police })},
	{Name: "found.filter.past_holding", Keep: keep(func(f app.FoundItem, now time.Time) bool { return held(f) && !now.Before(f.HoldUntil) })},
	{Name: "found.filter.claimed", Keep: keep(func(f app.FoundItem, _ time.Time) bool { return f.Status == app.FoundClaimed })},
	{Name: "found.filter.disposed", Keep: keep(func(f app.FoundItem, _ time.Time) bool { return f.Status == app.FoundDisposed })},
	{Name: "found.filter.all"},
}
