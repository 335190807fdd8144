package attendance_test

import (
	"testing"
	"time"

	"floordesk/app/apptest"
	"floordesk/app/attendance"
)

// TestThePeriodsAttendance: over 3–4 March Chen Jing worked two days,
// late on both: 10 minutes measured on the first, 20 entered by the
// supervisor on the second; Zhao Min worked one day whose forgotten
// clock-out the supervisor closed. A day on 5 March lies outside the
// period.
func TestThePeriodsAttendance(t *testing.T) {
	d := newDesk(t)
	at(d, 0, 7, 10)
	d.Must(d.Svc.ClockIn(A3, pins[A3]))
	at(d, 0, 6, 55)
	d.Must(d.Svc.ClockIn(A4, pins[A4]))
	at(d, 0, 15, 0)
	d.Must(d.Svc.ClockOut(A3, pins[A3]))
	at(d, 1, 16, 0)
	d.Must(d.Svc.EnterMissed(apptest.SupID, attendance.EnterInput{Staff: A3, In: clock(7, 20).AddDate(0, 0, 1), Out: ptr(clock(15, 0).AddDate(0, 0, 1)), Note: "badge at home"}))
	d.Must(d.Svc.CloseForgotten(apptest.SupID, attendance.CloseInput{Day: "2026-03-03/" + A4, In: clock(6, 55), Out: clock(15, 5), Note: "left at 15:05"}))
	at(d, 2, 7, 0)
	d.Must(d.Svc.ClockIn(A3, pins[A3]))

	rep, err := attendance.New(d.Core).PeriodReport(clock(0, 0), clock(0, 0).AddDate(0, 0, 2))
	if err != nil {
		t.Fatal(err)
	}
	want := []attendance.PersonPeriod{
		{Staff: A3, Name: "Chen Jing", Days: 2, Worked: 7*time.Hour + 50*time.Minute + 7*time.Hour + 40*time.Minute, Late: 2, LateEntered: 1, Entered: 1},
		{Staff: A4, Name: "Zhao Min", Days: 1, Worked: 8*time.Hour + 10*time.Minute, Closed: 1},
	}
	if len(rep.People) != len(want) {
		t.Fatalf("people %+v", rep.People)
	}
	for i, w := range want {
		if rep.People[i] != w {
			t.Errorf("line %d: %+v, want %+v", i, rep.People[i], w)
		}
	}
	total := attendance.PersonPeriod{Days: 3, Worked: want[0].Worked + want[1].Worked, Late: 2, LateEntered: 1, Entered: 1, Closed: 1}
	if rep.Total != total {
		t.Errorf("total %+v, want %+v", rep.Total, total)
	}
}
