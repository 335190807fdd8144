package reports

import (
	"strconv"
	"time"

	"floordesk/app"
)

// MaxDays is the longest period a report covers: a year, leap day
// included. A longer custom range is refused (it would read, and chart, more
// than a screen can show day by day).
const MaxDays = 366

// Span names how a period was picked.
type Span string

// The periods a supervisor picks from.
const (
	ThisWeek  Span = "this_week"
	LastWeek  Span = "last_week"
	ThisMonth Span = "this_month"
	LastMonth Span = "last_month"
	Custom    Span = "custom"
)

// Spans lists the periods in the order the screen offers them.
var Spans = []Span{ThisWeek, LastWeek, ThisMonth, LastMonth, Custom}

// Period is [From, To): whole days on the hotel's clock (From at
// midnight, To the midnight after the last day).
type Period struct {
	Span     Span
	From, To time.Time
}

// Days is how many days the period covers.
func (p Period) Days() int {
	n := 0
	for d := p.From; d.Before(p.To); d = d.AddDate(0, 0, 1) {
		n++
	}
	return n
}

// Last is the period's last day (its midnight).
func (p Period) Last() time.Time { return p.To.AddDate(0, 0, -1) }

// Previous is the period of the same number of days just before p.
func (p Period) Previous() Period {
	return Period{Span: p.Span, From: p.From.AddDate(0, 0, -p.Days()), To: p.From}
}

// PeriodOf is the period span names, as seen at now on the hotel's clock
// loc: weeks start on Monday; this week and this month run to the end of
// today. Custom is refused here: use CustomPeriod.
func PeriodOf(span Span, now time.Time, loc *time.Location) (Period, error) {
	today := midnight(now.In(loc))
	tomorrow := today.AddDate(0, 0, 1)
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, loc)
	switch span {
	case ThisWeek:
		return Period{span, monday, tomorrow}, nil
	case LastWeek:
		return Period{span, monday.AddDate(0, 0, -7), monday}, nil
	case ThisMonth:
		return Period{span, first, tomorrow}, nil
	case LastMonth:
		return Period{span, first.AddDate(0, -1, 0), first}, nil
	}
	return Period{}, app.Choice("period", string(span), string(ThisWeek), string(LastWeek), string(ThisMonth), string(LastMonth))
}

// CustomPeriod is the days first to last (both included, dates on the
// hotel's clock loc). It refuses a last day before the first
// ("report.range_backwards") and a range of more than MaxDays days
// ("report.range_too_long"), naming the field "to".
func CustomPeriod(first, last time.Time, loc *time.Location) (Period, error) {
	p := Period{Span: Custom, From: midnight(first.In(loc)), To: midnight(last.In(loc)).AddDate(0, 0, 1)}
	if !p.From.Before(p.To) {
		return Period{}, app.Invalid("to", "report.range_backwards")
	}
	if p.Days() > MaxDays {
		return Period{}, app.Invalid("to", "report.range_too_long", "max", strconv.Itoa(MaxDays))
	}
	return p, nil
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
