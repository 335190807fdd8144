package found

import (
	"slices"
	"time"

	appfound "floordesk/app/found"
	"floordesk/ui/kit"
)

func held(f appfound.FoundItem) bool { return f.Status == appfound.FoundHeld }

// keep makes a filter's Keep from a test of an item at a time.
func keep(test func(f appfound.FoundItem, now time.Time) bool) func(appfound.FoundItem, string, time.Time) bool {
	return func(f appfound.FoundItem, _ string, now time.Time) bool { return test(f, now) }
}

// filters in the order the filter menu shows them; the first is the
// default.
var filters = []kit.Filter[appfound.FoundItem]{
	{Name: "found.filter.awaiting", Keep: keep(func(f appfound.FoundItem, _ time.Time) bool { return held(f) })},
	{Name: "found.filter.valuables", Keep: keep(func(f appfound.FoundItem, _ time.Time) bool { return held(f) && f.Valuable })},
	{Name: "found.filter.police", Keep: keep(func(f appfound.FoundItem, _ time.Time) bool { return held(f) && f.Police })},
	{Name: "found.filter.past_holding", Keep: keep(func(f appfound.FoundItem, now time.Time) bool { return held(f) && !now.Before(f.HoldUntil) })},
	{Name: "found.filter.claimed"}, // these three search the history: withHistory
	{Name: "found.filter.disposed"},
	{Name: "found.filter.all"},
}

// withHistory answers the choices that list items no longer held from
// the store's search over the whole history: the screen holds only the
// items awaiting claim, and the claimed, the disposed or all of them are
// the latest page that matches what is typed.
func (sc *Screen) withHistory(fs []kit.Filter[appfound.FoundItem]) []kit.Filter[appfound.FoundItem] {
	history := map[string]appfound.FoundStatus{"found.filter.claimed": appfound.FoundClaimed,
		"found.filter.disposed": appfound.FoundDisposed, "found.filter.all": ""}
	out := slices.Clone(fs)
	for i := range out {
		status, ok := history[out[i].Name]
		if !ok {
			continue
		}
		out[i].Search = func(q kit.HistoryQuery) ([]appfound.FoundItem, bool, error) {
			page, err := sc.svc.SearchFound(appfound.FoundQuery{Text: q.Text, Status: status, Categories: categoryNames(),
				From: q.From, To: q.To})
			return page.Items, page.More, err
		}
	}
	return out
}
