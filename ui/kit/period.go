package kit

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// HistoryQuery is what a list's history choice (Filter.Search) is asked:
// the search text and the period picked beside it.
type HistoryQuery struct {
	Text string
	// From and To bound the records' times, To excluded; zero: open.
	From, To time.Time
}

// A period is one choice of the period menu a history list shows: its
// translation key, and its bounds for a time in the hotel's zone.
type period struct {
	name   string
	bounds func(now time.Time) (from, to time.Time)
}

// periods are the period menu's choices, the first the default: any time,
// then from the shortest back.
var periods = []period{
	{"kit.period.any", func(time.Time) (time.Time, time.Time) { return time.Time{}, time.Time{} }},
	{"kit.period.today", func(now time.Time) (time.Time, time.Time) { return dayStart(now), dayStart(now).AddDate(0, 0, 1) }},
	{"kit.period.yesterday", func(now time.Time) (time.Time, time.Time) {
		return dayStart(now).AddDate(0, 0, -1), dayStart(now)
	}},
	{"kit.period.days7", func(now time.Time) (time.Time, time.Time) { return dayStart(now).AddDate(0, 0, -6), time.Time{} }},
	{"kit.period.days30", func(now time.Time) (time.Time, time.Time) { return dayStart(now).AddDate(0, 0, -29), time.Time{} }},
	{"kit.period.this_month", func(now time.Time) (time.Time, time.Time) { return monthStart(now, 0), monthStart(now, 1) }},
	{"kit.period.last_month", func(now time.Time) (time.Time, time.Time) { return monthStart(now, -1), monthStart(now, 0) }},
	{"kit.period.this_year", func(now time.Time) (time.Time, time.Time) { return yearStart(now, 0), yearStart(now, 1) }},
	{"kit.period.last_year", func(now time.Time) (time.Time, time.Time) { return yearStart(now, -1), yearStart(now, 0) }},
}

func dayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

func monthStart(t time.Time, months int) time.Time {
	y, m, _ := t.Date()
	return time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, t.Location())
}

func yearStart(t time.Time, years int) time.Time {
	return time.Date(t.Year()+years, 1, 1, 0, 0, 0, 0, t.Location())
}

// NewPeriodMenu is the period menu of a history list, on "any time",
// calling changed when another is picked.
func NewPeriodMenu(changed func()) *widget.Select {
	names := make([]string, len(periods))
	for i, p := range periods {
		names[i] = lang.L(p.name)
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	sel.OnChanged = func(string) { changed() }
	return sel
}

// PeriodOf is the bounds of the period picked in sel (NewPeriodMenu) at
// now, a time in the hotel's zone.
func PeriodOf(sel *widget.Select, now time.Time) (from, to time.Time) {
	i := sel.SelectedIndex()
	if i < 0 || i >= len(periods) {
		return time.Time{}, time.Time{}
	}
	return periods[i].bounds(now)
}
