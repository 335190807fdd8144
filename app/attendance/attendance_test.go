package attendance_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/attendance"
)

// TestAShiftsAttendance: a morning shift as the desk sees it. Four come
// to work (one late), two leave (one early), one forgot yesterday's
// clock-out; the on-duty list, the refusals, the supervisor closing the
// forgotten clock-out and the month's rows say what a supervisor checks.
func TestAShiftsAttendance(t *testing.T) {
	d := newDesk(t)
	at(d, -1, 6, 55) // yesterday Zhao Min came and never clocked out
	d.Must(d.Svc.ClockIn(A4, pins[A4]))

	at(d, 0, 6, 52)
	d.Must(d.Svc.ClockIn(apptest.AttID, pins[apptest.AttID]))
	at(d, 0, 6, 58)
	if p, err := d.Svc.Badge(apptest.SupID); err != nil || !p.In {
		t.Fatalf("Li Na's badge: %+v, %v; want clocked in", p, err)
	}
	at(d, 0, 7, 4) // within the 5 minutes' grace
	d.Must(d.Svc.ClockIn(A5, pins[A5]))
	at(d, 0, 7, 12) // 12 minutes late
	d.Must(d.Svc.ClockIn(A3, pins[A3]))

	_, err := d.Svc.ClockIn(apptest.AttID, pins[apptest.AttID])
	apptest.WantRefusal(t, err, app.ErrConflict, "attendance.already_in")
	if got := err.Error(); got != "Wang Fang clocked in at 06:52 and has not clocked out — clock out first." {
		t.Errorf("clocking in twice says %q", got)
	}
	_, err = d.Svc.ClockOut(apptest.Att2ID, pins[apptest.Att2ID])
	apptest.WantRefusal(t, err, app.ErrConflict, "attendance.not_in")
	_, err = d.Svc.ClockIn(apptest.Att2ID, "0000")
	apptest.WantRefusal(t, err, app.ErrForbidden, "pin.wrong")
	_, err = d.Svc.ClockOut(A4, pins[A4])
	apptest.WantRefusal(t, err, app.ErrConflict, "attendance.forgotten")

	at(d, 0, 14, 30) // 30 minutes early
	d.Must(d.Svc.ClockOut(A3, pins[A3]))
	at(d, 0, 15, 3)
	d.Must(d.Svc.ClockOut(apptest.AttID, pins[apptest.AttID]))

	at(d, 0, 15, 10)
	wantOnDuty(t, d, apptest.SupID, A5)

	// The supervisor closes Zhao Min's forgotten clock-out with the
	// time she left; she clocks in again today.
	old := "2026-03-02/" + A4
	in := time.Date(2026, 3, 2, 6, 55, 0, 0, time.UTC)
	close := attendance.CloseInput{Day: old, In: in, Out: time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC), Note: "she left at 15:00, told the desk"}
	_, err = d.Svc.CloseForgotten(apptest.AttID, close)
	apptest.WantRefusal(t, err, app.ErrForbidden, "role.required")
	d.Must(d.Svc.CloseForgotten(apptest.SupID, close))
	_, err = d.Svc.CloseForgotten(apptest.SupID, close)
	apptest.WantRefusal(t, err, app.ErrConflict, "attendance.not_open")

	rows, err := d.Svc.AttendanceMonth(d.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]attendance.DayRow{}
	for _, r := range rows {
		got[r.Date+" "+r.Staff] = r
	}
	wantRow(t, got["2026-03-03 "+A3], 7*time.Hour+18*time.Minute, 12, 30)
	wantRow(t, got["2026-03-03 "+apptest.AttID], 8*time.Hour+11*time.Minute, 0, 0)
	wantRow(t, got["2026-03-03 "+A5], 0, 0, 0)
	if r := got["2026-03-03 "+A5]; !r.OnDuty || !r.Out.IsZero() {
		t.Errorf("Sun Li, still on duty: %+v", r)
	}
	if r := got["2026-03-02 "+A4]; !r.Closed || r.Notes != close.Note || r.Worked != 8*time.Hour+5*time.Minute {
		t.Errorf("Zhao Min's closed day: %+v", r)
	}
}

func wantOnDuty(t *testing.T, d *desk, staff ...string) {
	t.Helper()
	days, err := d.Svc.OnDuty(d.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, day := range days {
		got = append(got, day.Staff)
	}
	if strings.Join(got, ",") != strings.Join(staff, ",") {
		t.Errorf("on duty: %v, want %v", got, staff)
	}
}

func wantRow(t *testing.T, r attendance.DayRow, worked time.Duration, late, early int) {
	t.Helper()
	if r.Worked != worked || r.LateMin != late || r.EarlyMin != early {
		t.Errorf("%s %s: worked %v, late %d, early %d; want %v, %d, %d", r.Date, r.Name, r.Worked, r.LateMin, r.EarlyMin, worked, late, early)
	}
}

// TestTheGraceIsTheHotels: a supervisor sets the grace; a clock-in 4
// minutes late is late with no grace, and one 20 minutes late is on
// time with a grace of 30.
func TestTheGraceIsTheHotels(t *testing.T) {
	d := newDesk(t)
	at(d, 0, 7, 4)
	d.Must(d.Svc.ClockIn(apptest.AttID, pins[apptest.AttID]))
	for _, c := range []struct {
		grace time.Duration
		late  int
	}{{0, 4}, {5 * time.Minute, 0}, {3 * time.Minute, 4}, {time.Hour, 0}} {
		g := c.grace
		d.Must(d.Core.ChangeSettings(apptest.SupID, app.HotelChange{LateGrace: &g}))
		rows, _ := d.Svc.AttendanceMonth(d.Clock.Now())
		if len(rows) != 1 || rows[0].LateMin != c.late {
			t.Errorf("grace %v: rows %+v, want late %d", g, rows, c.late)
		}
	}
	for _, bad := range []time.Duration{-time.Minute, time.Hour + time.Minute} {
		_, err := d.Core.ChangeSettings(apptest.SupID, app.HotelChange{LateGrace: &bad})
		apptest.WantRefusal(t, err, app.ErrInvalid, "field.bad_number")
	}
}

// TestANightShiftIsOneDay: a night shift (23:00–07:00) is one work day,
// the day it starts, also for one who comes after midnight.
func TestANightShiftIsOneDay(t *testing.T) {
	d := newDesk(t)
	d.Must(nil, d.Core.UpdateStaff(apptest.SupID, apptest.Att2ID, "housekeeping", app.RoleAttendant, "night"))
	at(d, 1, 0, 10) // 70 minutes late for the night of the 3rd
	day := must(t)(d.Svc.ClockIn(apptest.Att2ID, pins[apptest.Att2ID]))
	at(d, 1, 7, 2)
	day = must(t)(d.Svc.ClockOut(apptest.Att2ID, pins[apptest.Att2ID]))
	if day.Date != "2026-03-03" || day.LateBy(5*time.Minute) != 70*time.Minute || day.EarlyBy(5*time.Minute) != 0 {
		t.Errorf("the night: %s, late %v, early %v", day.Date, day.LateBy(5*time.Minute), day.EarlyBy(5*time.Minute))
	}
}

func must(t *testing.T) func(attendance.Day, error) attendance.Day {
	return func(d attendance.Day, err error) attendance.Day {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
}

// TestABadgeScanClocksInAndOut: a scan clocks in, a scan after the
// shift clocks out; a second scan within two minutes is refused, not
// taken the other way; a badge of nobody is refused; a badge past its
// limit too.
func TestABadgeScanClocksInAndOut(t *testing.T) {
	d := newDesk(t)
	at(d, 0, 6, 59)
	if p, err := d.Svc.Badge(" " + apptest.AttID + " "); err != nil || !p.In {
		t.Fatalf("first scan: %+v, %v", p, err)
	}
	at(d, 0, 7, 0)
	_, err := d.Svc.Badge(apptest.AttID)
	apptest.WantRefusal(t, err, app.ErrConflict, "attendance.double_scan")
	at(d, 0, 15, 0)
	if p, err := d.Svc.Badge(apptest.AttID); err != nil || p.In {
		t.Fatalf("scan after the shift: %+v, %v", p, err)
	}
	at(d, 0, 15, 1)
	_, err = d.Svc.Badge(apptest.AttID)
	apptest.WantRefusal(t, err, app.ErrConflict, "attendance.double_scan")
	_, err = d.Svc.Badge("B999")
	apptest.WantRefusal(t, err, app.ErrForbidden, "staff.unknown")
	_, err = d.Svc.Badge(strings.Repeat("9", attendance.MaxStaffRunes+1))
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.too_long")
	_, err = d.Svc.Badge(strings.Repeat("9", attendance.MaxStaffRunes))
	apptest.WantRefusal(t, err, app.ErrForbidden, "staff.unknown")
}

// TestAStaffNumberHasALimit: the staff number typed with a PIN holds
// MaxStaffRunes characters; one more is refused before the PIN is
// checked (no wrong PIN is counted), and none asks for it.
func TestAStaffNumberHasALimit(t *testing.T) {
	d := newDesk(t)
	for _, id := range []string{"", "  ", strings.Repeat("9", attendance.MaxStaffRunes+1)} {
		_, err := d.Svc.ClockIn(id, "1234")
		if r := app.RefusalOf(err); !errors.Is(err, app.ErrInvalid) || r == nil || r.Field != "staff" {
			t.Errorf("staff number %q: %v", id, err)
		}
	}
	_, err := d.Svc.ClockOut(strings.Repeat("9", attendance.MaxStaffRunes), "1234")
	apptest.WantRefusal(t, err, app.ErrForbidden, "")
}

// TestTheNoteHasALimit: a supervisor's note on a forgotten clock-out
// holds MaxNoteRunes characters and no more; the time they left lies
// after the clock-in and before now.
func TestTheNoteHasALimit(t *testing.T) {
	d := newDesk(t)
	at(d, 0, 7, 0)
	d.Must(d.Svc.ClockIn(A3, pins[A3]))
	at(d, 1, 9, 0)
	in := clock(7, 0)
	base := attendance.CloseInput{Day: "2026-03-03/" + A3, In: in, Out: clock(15, 0)}
	for _, c := range []struct {
		name, field string
		in          attendance.CloseInput
	}{
		{"no note", "note", base},
		{"note too long", "note", with(base, strings.Repeat("忘", attendance.MaxNoteRunes+1), clock(15, 0))},
		{"out before in", "out", with(base, "x", clock(6, 0))},
		{"out in the future", "out", with(base, "x", clock(6, 0).AddDate(0, 0, 2))},
		{"out 16 hours on", "out", with(base, "x", in.Add(attendance.MaxOnDuty))},
	} {
		_, err := d.Svc.CloseForgotten(apptest.SupID, c.in)
		if r := app.RefusalOf(err); !errors.Is(err, app.ErrInvalid) || r == nil || r.Field != c.field {
			t.Errorf("%s: %v, want a refusal of %s", c.name, err, c.field)
		}
	}
	d.Must(d.Svc.CloseForgotten(apptest.SupID, with(base, strings.Repeat("忘", attendance.MaxNoteRunes), clock(15, 0))))
}

func with(in attendance.CloseInput, note string, out time.Time) attendance.CloseInput {
	in.Note, in.Out = note, out
	return in
}

// TestTwoDesksClockTheSamePerson: Wang Fang clocks in at both desks
// while they cannot see each other, then out at both. After they sync
// both hold the same day: one stint from the first clock-in to the first
// clock-out, the second clock-in kept beside it, and a conflict for a
// supervisor.
func TestTwoDesksClockTheSamePerson(t *testing.T) {
	a, b := apptest.Pair(t, registers.New)
	addStaff(a)
	apptest.ExchangeDesks(t, a, b)
	for _, dk := range []*desk{a, b} {
		at(dk, 0, 6, 50)
	}
	a.Must(a.Svc.ClockIn(apptest.AttID, pins[apptest.AttID]))
	at(b, 0, 6, 55)
	b.Must(b.Svc.Badge(apptest.AttID))
	apptest.ExchangeDesks(t, a, b)

	ref := app.Ref(attendance.KindAttendance, "2026-03-03/"+apptest.AttID)
	apptest.SameViews(t, a, b, ref)
	day := must(t)(b.Svc.WorkDay(ref.ID))
	if len(day.Stints) != 1 || !day.Stints[0].In.At.Equal(clock(6, 50)) || len(day.Stints[0].Also) != 1 || !day.HasConflict() {
		t.Fatalf("after sync: %+v", day)
	}
	if day.Conflicts[0].Code != "attendance.in_twice" {
		t.Errorf("conflict %s", day.Conflicts[0].Code)
	}
	at(a, 0, 15, 2)
	at(b, 0, 15, 0)
	b.Must(b.Svc.ClockOut(apptest.AttID, pins[apptest.AttID]))
	a.Must(a.Svc.ClockOut(apptest.AttID, pins[apptest.AttID]))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, ref)
	day = must(t)(a.Svc.WorkDay(ref.ID))
	if day.Open() || day.Stints[0].Out.At != clock(15, 0) || len(day.Conflicts) != 1 {
		t.Errorf("after both clock-outs: %+v", day)
	}
	wantOnDuty(t, a)
}

// TestHandoverListsWhoCameAndWent: the handover at the end of the
// morning shift lists the shift's clock-ins and clock-outs (the night's
// leavers, the morning's comers, late and early marked), not yesterday's.
func TestHandoverListsWhoCameAndWent(t *testing.T) {
	d := newDesk(t)
	d.Must(nil, d.Core.UpdateStaff(apptest.SupID, apptest.Att2ID, "housekeeping", app.RoleAttendant, "night"))
	at(d, -1, 7, 0)
	d.Must(d.Svc.ClockIn(A5, pins[A5])) // yesterday, out yesterday
	at(d, -1, 15, 0)
	d.Must(d.Svc.ClockOut(A5, pins[A5]))
	at(d, -1, 22, 58)
	d.Must(d.Svc.ClockIn(apptest.Att2ID, pins[apptest.Att2ID]))
	at(d, 0, 6, 55)
	d.Must(d.Svc.ClockIn(apptest.AttID, pins[apptest.AttID]))
	at(d, 0, 7, 5)
	d.Must(d.Svc.ClockOut(apptest.Att2ID, pins[apptest.Att2ID]))
	at(d, 0, 7, 20)
	d.Must(d.Svc.ClockIn(A3, pins[A3]))
	at(d, 0, 13, 0)
	d.Must(d.Svc.ClockOut(A3, pins[A3]))
	at(d, 0, 14, 50)

	rows := handoverRows(t, d)
	var got []string
	for _, r := range rows {
		out := "-"
		if r.Out != nil {
			out = r.Out.Format("15:04")
		}
		got = append(got, r.Staff+" "+r.In.Format("15:04")+" "+out+" "+itoa(r.Late)+" "+itoa(r.Early))
	}
	want := []string{"A002 22:58 07:05 0 0", "A001 06:55 - 0 0", "A003 07:20 13:00 20 120"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("handover rows:\n%v\nwant\n%v", got, want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// handoverRows are the register's rows in a handover made at now, as the
// handover saves them.
func handoverRows(t *testing.T, d *desk) []attendance.HandoverClocking {
	t.Helper()
	for _, m := range app.Modules() {
		if m.Name != attendance.ModuleName {
			continue
		}
		rows, err := m.Handover(d.Core, "D1", d.Clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(rows)
		var out []attendance.HandoverClocking
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	t.Fatal("no attendance module")
	return nil
}
