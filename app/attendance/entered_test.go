package attendance_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/attendance"
)

func ptr(t time.Time) *time.Time { return &t }

// TestASupervisorEntersAMissedClockIn: Chen Jing worked 07:12–15:00
// yesterday but never clocked in. An attendant may not enter it; the
// supervisor does, with a note. Her day holds one stint entered by the
// supervisor, 7 h 48 worked, 12 minutes late — as entered, not measured,
// in the month's sheet too. The same time again overlaps and is refused;
// an evening stint that day goes in after the first.
func TestASupervisorEntersAMissedClockIn(t *testing.T) {
	d := newDesk(t)
	at(d, 1, 9, 0)
	note := "badge left at home; the floor supervisor saw her start at 07:12"
	missed := attendance.EnterInput{Staff: A3, In: clock(7, 12), Out: ptr(clock(15, 0)), Note: note}
	_, err := d.Svc.EnterMissed(apptest.AttID, missed)
	apptest.WantRefusal(t, err, app.ErrForbidden, "role.required")
	day := must(t)(d.Svc.EnterMissed(apptest.SupID, missed))
	if day.ID != "2026-03-03/"+A3 || len(day.Stints) != 1 || day.Open() {
		t.Fatalf("her day: %+v", day)
	}
	in := day.Stints[0].In
	if in.How != attendance.HowSupervisor || in.By != apptest.SupID || in.Note != note || !day.Stints[0].Entered() {
		t.Errorf("the entered clock-in: %+v", in)
	}
	if day.Worked() != 7*time.Hour+48*time.Minute || day.LateBy(d.Svc.Grace()) != 12*time.Minute || !day.LateEntered() {
		t.Errorf("worked %v, late %v (entered %v)", day.Worked(), day.LateBy(d.Svc.Grace()), day.LateEntered())
	}

	_, err = d.Svc.EnterMissed(apptest.SupID, attendance.EnterInput{Staff: A3, In: clock(14, 0), Out: ptr(clock(16, 0)), Note: "again"})
	apptest.WantRefusal(t, err, app.ErrConflict, "attendance.overlap")
	d.Must(d.Svc.EnterMissed(apptest.SupID, attendance.EnterInput{Staff: A3, In: clock(15, 0), Out: ptr(clock(17, 0)), Note: "stayed for the banquet"}))

	rows, err := d.Svc.AttendanceMonth(d.Clock.Now())
	if err != nil || len(rows) != 1 {
		t.Fatalf("the month: %+v, %v", rows, err)
	}
	r := rows[0]
	if !r.Entered || !r.LateEntered || r.LateMin != 12 || r.Closed || r.Worked != 9*time.Hour+48*time.Minute ||
		r.Notes != note+"; stayed for the banquet" || !r.Out.Equal(clock(17, 0)) {
		t.Errorf("her row in the month: %+v", r)
	}
}

// TestAClockInEnteredWhileAtWork: Zhao Min came at 07:00 and is still at
// work at 09:00; the supervisor enters her clock-in without a clock-out.
// She is on duty, cannot clock in again, and clocks out herself; the
// handover lists her clock-in as entered by the supervisor.
func TestAClockInEnteredWhileAtWork(t *testing.T) {
	d := newDesk(t)
	at(d, 0, 9, 0)
	d.Must(d.Svc.EnterMissed(apptest.SupID, attendance.EnterInput{Staff: A4, In: clock(7, 0), Note: "the desk was busy at 07:00"}))
	wantOnDuty(t, d, A4)
	_, err := d.Svc.ClockIn(A4, pins[A4])
	apptest.WantRefusal(t, err, app.ErrConflict, "attendance.already_in")
	_, err = d.Svc.EnterMissed(apptest.SupID, attendance.EnterInput{Staff: A4, In: clock(8, 0), Out: ptr(clock(8, 30)), Note: "twice"})
	apptest.WantRefusal(t, err, app.ErrConflict, "attendance.overlap")
	at(d, 0, 15, 5)
	day := must(t)(d.Svc.ClockOut(A4, pins[A4]))
	if day.Open() || day.Worked() != 8*time.Hour+5*time.Minute || day.LateBy(d.Svc.Grace()) != 0 {
		t.Errorf("her day after clocking out: %+v", day)
	}
	var found bool
	for _, r := range handoverRows(t, d) {
		if r.Staff == A4 {
			found = true
			if r.EnteredBy != apptest.SupID || r.ClosedBy != "" || r.Out == nil {
				t.Errorf("her line in the handover: %+v", r)
			}
		}
	}
	if !found {
		t.Error("the handover does not list her")
	}
}

// TestAnEnteredClockInBeforeAMeasuredOne: Sun Li clocked in at 12:00
// after a morning she forgot to clock; the morning entered goes first,
// so her day counts from it.
func TestAnEnteredClockInBeforeAMeasuredOne(t *testing.T) {
	d := newDesk(t)
	at(d, 0, 12, 0)
	d.Must(d.Svc.ClockIn(A5, pins[A5]))
	d.Must(d.Svc.EnterMissed(apptest.SupID, attendance.EnterInput{Staff: A5, In: clock(7, 30), Out: ptr(clock(11, 30)), Note: "morning on floor 3"}))
	day := must(t)(d.Svc.WorkDay("2026-03-03/" + A5))
	if len(day.Stints) != 2 || !day.Stints[0].Entered() || day.Stints[1].Entered() || day.OnDuty(d.Clock.Now()) == nil {
		t.Fatalf("her day: %+v", day)
	}
	if day.LateBy(d.Svc.Grace()) != 30*time.Minute || !day.LateEntered() {
		t.Errorf("late %v, entered %v", day.LateBy(d.Svc.Grace()), day.LateEntered())
	}
}

// TestEnteringAMissedClockInHasLimits: each input is refused past its
// limit and taken at it. Now is 12:00 on 2026-03-03.
func TestEnteringAMissedClockInHasLimits(t *testing.T) {
	d := newDesk(t)
	at(d, 0, 12, 0)
	base := attendance.EnterInput{Staff: A3, In: clock(7, 0), Out: ptr(clock(11, 0)), Note: "x"}
	daysBack := func(n, hh int) time.Time { return clock(hh, 0).AddDate(0, 0, -n) }
	for _, c := range []struct {
		name, field string
		edit        func(*attendance.EnterInput)
	}{
		{"no staff", "staff", func(in *attendance.EnterInput) { in.Staff = " " }},
		{"staff number too long", "staff", func(in *attendance.EnterInput) { in.Staff = strings.Repeat("9", attendance.MaxStaffRunes+1) }},
		{"no such staff", "staff", func(in *attendance.EnterInput) { in.Staff = "Z999" }},
		{"no note", "note", func(in *attendance.EnterInput) { in.Note = "  " }},
		{"note too long", "note", func(in *attendance.EnterInput) { in.Note = strings.Repeat("补", attendance.MaxNoteRunes+1) }},
		{"came in the future", "in", func(in *attendance.EnterInput) { in.In, in.Out = clock(12, 1), nil }},
		{"32 days back", "in", func(in *attendance.EnterInput) {
			in.In, in.Out = daysBack(attendance.MaxEnterBackDays+1, 7), ptr(daysBack(attendance.MaxEnterBackDays+1, 15))
		}},
		{"left before they came", "out", func(in *attendance.EnterInput) { in.Out = ptr(clock(7, 0)) }},
		{"left in the future", "out", func(in *attendance.EnterInput) { in.Out = ptr(clock(12, 1)) }},
		{"16 hours at work", "out", func(in *attendance.EnterInput) {
			in.In, in.Out = daysBack(1, 7), ptr(daysBack(1, 7).Add(attendance.MaxOnDuty))
		}},
		{"no clock-out 16 hours on", "out", func(in *attendance.EnterInput) { in.In, in.Out = clock(12, 0).Add(-attendance.MaxOnDuty), nil }},
	} {
		in := base
		c.edit(&in)
		_, err := d.Svc.EnterMissed(apptest.SupID, in)
		if r := app.RefusalOf(err); !errors.Is(err, app.ErrInvalid) || r == nil || r.Field != c.field {
			t.Errorf("%s: %v, want a refusal of %s", c.name, err, c.field)
		}
	}
	if days, _ := d.Svc.DaysIn(clock(0, 0).AddDate(0, -2, 0), clock(23, 0)); len(days) != 0 {
		t.Fatalf("refused entries left days: %+v", days)
	}
	// At the limits: a note of MaxNoteRunes, a clock-out at now; a work
	// day MaxEnterBackDays back, a stint a minute short of MaxOnDuty; a
	// clock-in at now without a clock-out.
	d.Must(d.Svc.EnterMissed(apptest.SupID, attendance.EnterInput{Staff: A3, In: clock(7, 0), Out: ptr(clock(12, 0)), Note: strings.Repeat("补", attendance.MaxNoteRunes)}))
	old := daysBack(attendance.MaxEnterBackDays, 7)
	d.Must(d.Svc.EnterMissed(apptest.SupID, attendance.EnterInput{Staff: A4, In: old, Out: ptr(old.Add(attendance.MaxOnDuty - time.Minute)), Note: "x"}))
	d.Must(d.Svc.EnterMissed(apptest.SupID, attendance.EnterInput{Staff: A5, In: clock(12, 0), Note: "x"}))
	if _, err := d.Svc.WorkDay("2026-01-31/" + A4); err != nil {
		t.Errorf("the day 31 days back: %v", err)
	}
}

// TestAnEnteredClockInOverlappingOneAtAnotherDesk: desk D2 clocks Chen
// Jing in at 07:05 while it cannot reach D1, where the supervisor, not
// knowing, enters her 07:00–15:00. After they sync both hold the same
// day, marked in conflict for a supervisor to correct. A clock-in at D2
// at 15:30, after the entered time, clashes with nothing.
func TestAnEnteredClockInOverlappingOneAtAnotherDesk(t *testing.T) {
	for _, c := range []struct {
		name     string
		hh, mm   int
		conflict bool
	}{{"overlapping", 7, 5, true}, {"after", 15, 30, false}} {
		t.Run(c.name, func(t *testing.T) {
			a, b := apptest.Pair(t, registers.New)
			addStaff(a)
			apptest.ExchangeDesks(t, a, b)
			at(b, 0, c.hh, c.mm)
			b.Must(b.Svc.ClockIn(A3, pins[A3]))
			at(a, 0, 16, 0)
			a.Must(a.Svc.EnterMissed(apptest.SupID, attendance.EnterInput{Staff: A3, In: clock(7, 0), Out: ptr(clock(15, 0)), Note: "desk busy"}))
			apptest.ExchangeDesks(t, a, b)
			ref := app.Ref(attendance.KindAttendance, "2026-03-03/"+A3)
			apptest.SameViews(t, a, b, ref)
			day := must(t)(a.Svc.WorkDay(ref.ID))
			if len(day.Stints) != 2 || day.HasConflict() != c.conflict {
				t.Fatalf("after sync: %+v", day)
			}
			if c.conflict && day.Conflicts[0].Code != "attendance.entered_overlap" {
				t.Errorf("conflict %+v", day.Conflicts[0])
			}
		})
	}
}
