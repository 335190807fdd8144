package reports_test

import (
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/demo"
	"floordesk/app/found"
	"floordesk/app/loans"
	"floordesk/app/reports"
	"floordesk/app/requests"
)

// TestReportReadsEveryRecordOfItsPeriod checks the figures read through
// the by-time indexes against a count, by this test, of every view of a
// demo hotel in a zone eight hours from UTC: no record of the period is
// missed, none from outside it counted.
func TestReportReadsEveryRecordOfItsPeriod(t *testing.T) {
	f := apptest.Open(t, "desk-a", apptest.NewClock(apptest.Start), registers.New)
	if err := demo.Demo(f.Core, demo.DemoOptions{Seed: 3, Size: 2500, Days: 60}); err != nil {
		t.Fatal(err)
	}
	loc := time.FixedZone("CST", 8*3600)
	f.Core.Location = loc
	p, err := reports.PeriodOf(reports.LastMonth, apptest.Start, loc)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := reports.New(f.Core).Report(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, period := range []struct {
		name string
		p    reports.Period
		got  reports.Figures
	}{{"period", rep.Period, rep.Now}, {"period before", rep.Prior, rep.Before}} {
		in := func(at time.Time) bool { return !at.Before(period.p.From) && at.Before(period.p.To) }
		var opened, complaints, lent, logged, claimed, disposed int
		rs, _ := app.ListViews[requests.Request](f.Core, requests.KindRequest, nil)
		for _, r := range rs {
			if in(r.OpenedAt) {
				opened++
				if r.Kind == requests.RequestComplaint {
					complaints++
				}
			}
		}
		ls, _ := app.ListViews[loans.Loan](f.Core, loans.KindLoan, nil)
		for _, l := range ls {
			if in(l.OpenedAt) {
				lent++
			}
		}
		fs, _ := app.ListViews[found.FoundItem](f.Core, found.KindFound, nil)
		for _, it := range fs {
			if in(it.LoggedAt) {
				logged++
			}
			if it.Status == found.FoundClaimed && in(it.Claims[len(it.Claims)-1].At) {
				claimed++
			}
			if it.Status == found.FoundDisposed && in(it.Disposal.At) {
				disposed++
			}
		}
		g := period.got
		if opened < 50 || lent < 20 || logged < 10 {
			t.Fatalf("%s: the demo has too few records to check (%d requests, %d loans, %d items)", period.name, opened, lent, logged)
		}
		if g.Requests.Opened != opened || g.Requests.Complaints.Total != complaints || g.Loans.Loans != lent ||
			g.Found.Logged != logged || g.Found.Claimed != claimed || g.Found.Disposed != disposed {
			t.Errorf("%s: report says requests %d, complaints %d, loans %d, found %d logged %d claimed %d disposed; the views say %d, %d, %d, %d, %d, %d",
				period.name, g.Requests.Opened, g.Requests.Complaints.Total, g.Loans.Loans, g.Found.Logged, g.Found.Claimed, g.Found.Disposed,
				opened, complaints, lent, logged, claimed, disposed)
		}
		days := 0
		for _, d := range g.Requests.Days {
			days += d.Service + d.Inquiry + d.Complaint
		}
		if days != opened {
			t.Errorf("%s: the days add up to %d requests, want %d", period.name, days, opened)
		}
	}
}
