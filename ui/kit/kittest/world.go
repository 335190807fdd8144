package kittest

import (
	"testing"

	"floordesk/app"
	appdemo "floordesk/app/demo"
)

// Demo fills the store with the demo hotel and size records of history
// ending at the clock's time; staff S01 is a supervisor, every PIN is
// appdemo.DemoPIN.
func (e *Env) Demo(t testing.TB, size int) {
	t.Helper()
	if err := appdemo.Demo(e.Svc.Service, appdemo.DemoOptions{Seed: 1, Size: size, Days: 7}); err != nil {
		t.Fatal(err)
	}
}

// Supervisor creates the hotel's first supervisor (staff number S01,
// PIN appdemo.DemoPIN) on an empty store and returns it.
func (e *Env) Supervisor(t testing.TB) app.Staff {
	t.Helper()
	st, err := e.Svc.FirstSupervisor(app.NewStaff{Number: "S01", Name: "Li Na",
		Department: "housekeeping", Role: app.RoleSupervisor, PIN: appdemo.DemoPIN})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// Attendant adds an attendant with PIN appdemo.DemoPIN, by the supervisor
// actorID, and returns it.
func (e *Env) Attendant(t testing.TB, actorID, number, name string) app.Staff {
	t.Helper()
	st, err := e.Svc.AddStaff(actorID, app.NewStaff{Number: number, Name: name,
		Department: "housekeeping", Role: app.RoleAttendant, PIN: appdemo.DemoPIN})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// SignIn logs staffID in with appdemo.DemoPIN and makes them the session's
// user.
func (e *Env) SignIn(t testing.TB, staffID string) app.Staff {
	t.Helper()
	st, err := e.Svc.Login(staffID, appdemo.DemoPIN)
	if err != nil {
		t.Fatal(err)
	}
	e.Session.SignIn(st)
	return st
}
