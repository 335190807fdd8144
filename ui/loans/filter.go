package loans

import (
	"time"

	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

// filter is one choice of the list's filter.
type filter int

const (
	filterOpen filter = iota
	filterDueToday
	filterOverdue
	filterRoom
	filterReturned
	filterHistory
)

var filterKeys = []string{"loans.filter.open", "loans.filter.due_today", "loans.filter.overdue",
	"loans.filter.room", "loans.filter.returned", "loans.filter.history"}

// filters are the filter menu's choices; the room filter brings in the
// room's returned loans; the returned and every loan ever are searched
// in the store's history, in the period picked beside them.
func (sc *Screen) filters() []kit.Filter[apploans.Loan] {
	out := make([]kit.Filter[apploans.Loan], len(filterKeys))
	for i, key := range filterKeys {
		out[i] = kit.Filter[apploans.Loan]{Name: key, Keep: func(l apploans.Loan, query string, now time.Time) bool {
			return filter(i).keep(l, query, now.In(sc.s.Location()))
		}}
	}
	out[filterRoom].More = sc.roomLoans
	out[filterReturned].Search = sc.searchHistory(apploans.LoanStatusReturned)
	out[filterHistory].Search = sc.searchHistory("")
	return out
}

// searchHistory searches every loan ever made in status ("" for any) for
// what is typed, by room, guest, tag, item or staff name, in the period
// picked.
func (sc *Screen) searchHistory(status apploans.LoanStatus) func(kit.HistoryQuery) ([]apploans.Loan, bool, error) {
	return func(q kit.HistoryQuery) ([]apploans.Loan, bool, error) {
		page, err := sc.svc.SearchLoans(apploans.LoanQuery{Text: q.Text, Status: status, From: q.From, To: q.To,
			Items: sc.names.itemsByCode(), Staff: sc.names.staffByID()})
		return page.Items, page.More, err
	}
}

func (sc *Screen) currentFilter() filter {
	if i := sc.Filter().SelectedIndex(); i > 0 {
		return filter(i)
	}
	return filterOpen
}

// keep tells whether a loan passes the filter; query is the search text
// (the room for filterRoom).
func (f filter) keep(l apploans.Loan, query string, now time.Time) bool {
	switch f {
	case filterDueToday:
		return l.IsOpen() && !l.DueAt.After(endOfDay(now))
	case filterOverdue:
		return l.Overdue(now)
	case filterRoom:
		return query != "" && l.Room == query
	case filterReturned:
		return !l.IsOpen()
	case filterHistory:
		return true
	}
	return l.IsOpen()
}

// dueToday tells whether an open loan falls due later today (hotel time).
func dueToday(l apploans.Loan, now time.Time, loc *time.Location) bool {
	return l.IsOpen() && !l.DueAt.After(endOfDay(now.In(loc)))
}

// endOfDay is the last instant of t's day in t's location.
func endOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, t.Location()).Add(-time.Nanosecond)
}
