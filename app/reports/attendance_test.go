package reports_test

import (
	"testing"
	"time"

	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/attendance"
)

// TestReportOfAWeekOfAttendance: in the week Wang Fang worked 3 March
// (12 minutes late, 7 h 48) and 4 March (a clock-in the supervisor
// entered, 07:00–15:00); Zhang Wei worked 5 March and forgot to clock
// out, which the supervisor closed at 15:00. The week before, Wang Fang
// worked one day; her day of 9 March lies after the week.
func TestReportOfAWeekOfAttendance(t *testing.T) {
	f := apptest.New(t, registers.New)
	f.SetupHotel()
	clock := func(t time.Time, staff, pin string, in bool) {
		at(f, t)
		if in {
			val(f.Svc.ClockIn(staff, pin))
		} else {
			val(f.Svc.ClockOut(staff, pin))
		}
	}
	clock(feb(25, 7, 0), apptest.AttID, "2345", true)
	clock(feb(25, 15, 0), apptest.AttID, "2345", false)
	clock(day(3, 7, 12), apptest.AttID, "2345", true)
	clock(day(3, 15, 0), apptest.AttID, "2345", false)
	at(f, day(4, 16, 0))
	out := day(4, 15, 0)
	val(f.Svc.EnterMissed(apptest.SupID, attendance.EnterInput{Staff: apptest.AttID, In: day(4, 7, 0), Out: &out, Note: "desk busy"}))
	clock(day(5, 6, 58), apptest.Att2ID, "3456", true)
	at(f, day(6, 9, 0))
	val(f.Svc.CloseForgotten(apptest.SupID, attendance.CloseInput{Day: "2026-03-05/" + apptest.Att2ID, In: day(5, 6, 58), Out: day(5, 15, 0), Note: "left at 15:00"}))
	clock(day(9, 7, 0), apptest.AttID, "2345", true)
	at(f, day(9, 12, 0))

	rep := theWeek(t, f)
	want := []attendance.PersonPeriod{
		{Staff: apptest.AttID, Name: "Wang Fang", Days: 2, Worked: 15*time.Hour + 48*time.Minute, Late: 1, Entered: 1},
		{Staff: apptest.Att2ID, Name: "Zhang Wei", Days: 1, Worked: 8*time.Hour + 2*time.Minute, Closed: 1},
	}
	got := rep.Now.Attendance.People
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("this week:\n got %+v\nwant %+v", got, want)
	}
	if tot := rep.Now.Attendance.Total; tot.Days != 3 || tot.Late != 1 || tot.Closed != 1 || tot.Entered != 1 {
		t.Errorf("this week's total %+v", tot)
	}
	before := rep.Before.Attendance
	if len(before.People) != 1 || before.Total.Days != 1 || before.Total.Worked != 8*time.Hour {
		t.Errorf("the week before: %+v", before)
	}
}
