package keys

import (
	"testing"
	"time"

	"floordesk/app/apptest"
)

// TestPeriodReportCountsThePeriodsSignOuts: a key signed out every day
// for three weeks (each back an hour late on Wednesdays) and reported
// lost on the last day; the middle week's report counts that week only.
func TestPeriodReportCountsThePeriodsSignOuts(t *testing.T) {
	f := newFixture(t)
	setupKeys(f)
	monday := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	for d := range 21 {
		day := monday.AddDate(0, 0, d)
		f.Clock.Set(day.Add(9 * time.Hour))
		f.Must(f.Svc.SignOutKey(apptest.AttID, KeySignOut{Tag: "STORE-1", Holder: apptest.Att2ID, Purpose: "linen", Due: day.Add(10 * time.Hour)}))
		back := day.Add(9*time.Hour + 30*time.Minute)
		if day.Weekday() == time.Wednesday {
			back = day.Add(11 * time.Hour)
		}
		f.Clock.Set(back)
		if d == 20 {
			f.Must(f.Svc.ReportKeyLost(apptest.AttID, "STORE-1", "not found"))
			continue
		}
		f.Must(f.Svc.SignInKey(apptest.AttID, "STORE-1"))
	}
	week := monday.AddDate(0, 0, 7)
	rep, err := f.Svc.PeriodReport(week, week.AddDate(0, 0, 7), f.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if rep.SignOuts != 7 || rep.Overdue != 1 || rep.Lost != 0 || len(rep.OverdueBy) != 1 || rep.OverdueBy[0] != (StaffCount{apptest.Att2ID, 1}) {
		t.Errorf("middle week: %+v, want 7 sign-outs, 1 back late (A002), none lost", rep)
	}
	last := monday.AddDate(0, 0, 14)
	if rep, _ := f.Svc.PeriodReport(last, last.AddDate(0, 0, 7), f.Clock.Now()); rep.SignOuts != 7 || rep.Overdue != 2 || rep.Lost != 1 {
		t.Errorf("last week: %+v, want 7 sign-outs, 2 late (a Wednesday and the lost one), 1 lost", rep)
	}
}

// BenchmarkKeyPeriodReport: a week's key report on keys signed out four
// times a day for a year, beside folding the keys' whole streams:
//
//	go test -tags migrated_fynedo ./app/keys -run XXX -bench KeyPeriodReport -benchtime 20x
func BenchmarkKeyPeriodReport(b *testing.B) {
	f := apptest.New(b, New)
	setupKeys(f)
	start := apptest.Start.AddDate(0, 0, 1) // after the staff were added: stamps follow the clock
	for d := range 365 {
		for h := range 4 {
			at := start.AddDate(0, 0, d).Add(time.Duration(8+3*h) * time.Hour)
			f.Clock.Set(at)
			f.Must(f.Svc.SignOutKey(apptest.AttID, KeySignOut{Tag: "STORE-1", Holder: apptest.Att2ID, Purpose: "linen", Due: at.Add(time.Hour)}))
			f.Clock.Set(at.Add(30 * time.Minute))
			f.Must(f.Svc.SignInKey(apptest.AttID, "STORE-1"))
		}
	}
	week := start.AddDate(0, 0, 358)
	b.Run("period", func(b *testing.B) {
		for b.Loop() {
			if rep, err := f.Svc.PeriodReport(week, week.AddDate(0, 0, 7), f.Clock.Now()); err != nil || rep.SignOuts != 28 {
				b.Fatalf("%+v %v", rep, err)
			}
		}
	})
	b.Run("whole-history", func(b *testing.B) {
		for b.Loop() {
			if _, err := f.Svc.KeyLoansOut(week, week.AddDate(0, 0, 7)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
