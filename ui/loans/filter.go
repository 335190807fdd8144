package loans

import (
	"time"

	"fyne.io/fyne/v2/lang"

	apploans "floordesk/app/loans"
)

// filter is one choice of the list's filter.
type filter int

const (
	filterOpen filter = iota
	filterDueToday
	filterOverdue
	filterRoom
	filterReturned
)

var filterKeys = []string{"loans.filter.open", "loans.filter.due_today", "loans.filter.overdue",
	"loans.filter.room", "loans.filter.returned"}

func filterNames() []string {
	out := make([]string, len(filterKeys))
	for i, k := range filterKeys {
		out[i] = lang.L(k)
	}
	return out
}

func (sc *Screen) currentFilter() filter {
	if i := sc.filter.SelectedIndex(); i > 0 {
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
