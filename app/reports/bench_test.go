package reports_test

import (
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/demo"
	"floordesk/app/reports"
	"floordesk/app/requests"
)

// BenchmarkWeekReport reports last week on a demo hotel with a year of
// history, beside reading every request once (what a report without the
// by-time indexes would at least do):
//
//	go test -tags migrated_fynedo ./app/reports -run XXX -bench WeekReport -benchtime 5x
func BenchmarkWeekReport(b *testing.B) {
	f := apptest.Open(b, "desk-a", apptest.NewClock(apptest.Start), registers.New)
	if err := demo.Demo(f.Core, demo.DemoOptions{Seed: 5, Size: 20000, Days: 365}); err != nil {
		b.Fatal(err)
	}
	p, err := reports.PeriodOf(reports.LastWeek, apptest.Start, time.UTC)
	if err != nil {
		b.Fatal(err)
	}
	r := reports.New(f.Core)
	b.Run("report", func(b *testing.B) {
		for b.Loop() {
			if _, err := r.Report(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("every-request", func(b *testing.B) {
		for b.Loop() {
			if _, err := app.ListViews[requests.Request](f.Core, requests.KindRequest, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
