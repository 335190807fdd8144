package reports_test

import (
	"errors"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/reports"
)

func TestPeriodsOnTheHotelsClock(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	// Sunday 1 March 2026, 23:30 in Shanghai (15:30 UTC).
	now := time.Date(2026, 3, 1, 15, 30, 0, 0, time.UTC)
	d := func(m time.Month, day int) time.Time { return time.Date(2026, m, day, 0, 0, 0, 0, shanghai) }
	tests := []struct {
		span     reports.Span
		from, to time.Time
		days     int
	}{
		{reports.ThisWeek, d(2, 23), d(3, 2), 7},
		{reports.LastWeek, d(2, 16), d(2, 23), 7},
		{reports.ThisMonth, d(3, 1), d(3, 2), 1},
		{reports.LastMonth, d(2, 1), d(3, 1), 28},
	}
	for _, tt := range tests {
		t.Run(string(tt.span), func(t *testing.T) {
			p, err := reports.PeriodOf(tt.span, now, shanghai)
			if err != nil || !p.From.Equal(tt.from) || !p.To.Equal(tt.to) || p.Days() != tt.days {
				t.Fatalf("%v to %v (%d days), %v; want %v to %v (%d days)", p.From, p.To, p.Days(), err, tt.from, tt.to, tt.days)
			}
			prev := p.Previous()
			if !prev.To.Equal(p.From) || prev.Days() != p.Days() {
				t.Errorf("previous %v to %v, want %d days ending %v", prev.From, prev.To, p.Days(), p.From)
			}
		})
	}
}

func TestCustomPeriodAtItsLimit(t *testing.T) {
	first := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		last time.Time
		code string
	}{
		{"one day", first, ""},
		{"366 days", first.AddDate(0, 0, reports.MaxDays-1), ""},
		{"367 days", first.AddDate(0, 0, reports.MaxDays), "report.range_too_long"},
		{"backwards", first.AddDate(0, 0, -1), "report.range_backwards"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := reports.CustomPeriod(first, tt.last, time.UTC)
			var r *app.Refusal
			switch {
			case tt.code == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.code == "" && p.Days() != int(tt.last.Sub(first).Hours()/24)+1:
				t.Errorf("%d days", p.Days())
			case tt.code != "" && (!errors.As(err, &r) || r.Code != tt.code || !errors.Is(err, app.ErrInvalid)):
				t.Errorf("err %v, want the refusal %s", err, tt.code)
			}
		})
	}
}
