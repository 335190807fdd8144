package attendance_test

import (
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
)

type desk = apptest.Desk[*registers.All]

// More staff of the morning shift (07:00–15:00), with their PINs.
const (
	A3 = "A003" // Chen Jing, PIN 4567
	A4 = "A004" // Zhao Min, PIN 5678
	A5 = "A005" // Sun Li, PIN 6789
)

var pins = map[string]string{apptest.SupID: "1234", apptest.AttID: "2345", apptest.Att2ID: "3456", A3: "4567", A4: "5678", A5: "6789"}

// newDesk is desk D1 with six staff: five on the morning shift, Zhang
// Wei on the evening shift.
func newDesk(t *testing.T) *desk {
	t.Helper()
	d := apptest.New(t, registers.New)
	addStaff(d)
	return d
}

func addStaff(d *desk) {
	d.T.Helper()
	for _, s := range []struct{ id, name string }{{A3, "Chen Jing"}, {A4, "Zhao Min"}, {A5, "Sun Li"}} {
		d.Must(d.Core.AddStaff(apptest.SupID, app.NewStaff{Number: s.id, Name: s.name, Department: "housekeeping",
			Role: app.RoleAttendant, PIN: pins[s.id], Shift: "morning"}))
	}
}

// at puts the desk's clock at hh:mm on 2026-03-03 (UTC, the fixture's
// hotel zone), plus days.
func at(d *desk, days, hh, mm int) {
	d.Clock.Set(time.Date(2026, 3, 3+days, hh, mm, 0, 0, time.UTC))
}

func clock(hh, mm int) time.Time { return time.Date(2026, 3, 3, hh, mm, 0, 0, time.UTC) }
