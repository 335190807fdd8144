package attendance_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/attendance"
	"floordesk/app/demo"
	"floordesk/data/wire"
)

// TestTheDemoHotelShowsAttendance: a demo hotel has staff on duty at its
// "now", days of the last weeks with the staff's names and shifts, some
// late arrivals and early leaves, and forgotten clock-outs closed by a
// supervisor.
func TestTheDemoHotelShowsAttendance(t *testing.T) {
	d := apptest.Open(t, "desk-demo", apptest.NewClock(apptest.Start), registers.New)
	if err := demo.Demo(d.Core, demo.DemoOptions{Seed: 7, Size: 3000, Days: 60}); err != nil {
		t.Fatal(err)
	}
	now := apptest.Start
	on, err := d.Svc.OnDuty(now)
	if err != nil || len(on) < 3 {
		t.Fatalf("on duty at %v: %d (%v), want the morning shift", now, len(on), err)
	}
	days, err := d.Svc.DaysIn(now.AddDate(0, 0, -60), now)
	if err != nil {
		t.Fatal(err)
	}
	late, early, closed := 0, 0, 0
	for _, day := range days {
		if day.Name == "" || day.Plan == nil {
			t.Fatalf("a demo day without a name or a plan: %+v", day)
		}
		late += min(1, int(day.LateBy(5*time.Minute)))
		early += min(1, int(day.EarlyBy(5*time.Minute)))
		for _, st := range day.Stints {
			if st.Out != nil && st.Out.How == attendance.HowSupervisor {
				closed++
			}
		}
	}
	if len(days) < 100 || late == 0 || early == 0 || closed == 0 {
		t.Errorf("%d days, %d late, %d early, %d closed by a supervisor", len(days), late, early, closed)
	}
}

// BenchmarkDemoAttendance is the cost of the demo's work days (92 days
// of 27 staff), made and not stored: go test ./app/attendance -run XXX
// -bench DemoAttendance.
func BenchmarkDemoAttendance(b *testing.B) {
	shifts := app.DefaultHotel().Shifts
	w := &app.DemoWorld{Rand: rand.New(rand.NewPCG(1, 2)), Start: apptest.Start.AddDate(-3, 0, 0), End: apptest.Start,
		Desks: []string{"D1", "D2"}, Shifts: map[string]app.Shift{}, Names: map[string]string{}, NewID: func() string { return "x" }}
	for i := range 27 {
		id := fmt.Sprintf("S%02d", i+4)
		w.Staff, w.Shifts[id], w.Names[id] = append(w.Staff, id), shifts[i%3], "王芳"
	}
	b.ReportAllocs()
	for b.Loop() {
		evs := 0
		_ = attendance.DemoAttendance(w, 0, func(e ...wire.Event) error { evs += len(e); return nil })
	}
}
