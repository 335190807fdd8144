package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
)

func TestFirstSupervisor(t *testing.T) {
	f := apptest.Open(t, "desk-a", apptest.NewClock(apptest.Start), registers.New)
	any, err := f.Svc.HasStaff()
	if err != nil || any {
		t.Fatalf("HasStaff = %v, %v on an empty store", any, err)
	}
	st, err := f.Svc.FirstSupervisor(app.NewStaff{Number: "S1", Name: "Li Na", Department: "housekeeping", PIN: "1234"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Role != app.RoleSupervisor || st.PINHash == "" || strings.Contains(st.PINHash, "1234") {
		t.Fatalf("first supervisor = %+v", st)
	}
	_, err = f.Svc.FirstSupervisor(app.NewStaff{Number: "S2", Name: "Other", Department: "x", PIN: "1234"})
	apptest.WantRefusal(t, err, app.ErrConflict, "staff.first_exists")
}

func TestAddStaff(t *testing.T) {
	ok := app.NewStaff{Number: "A9", Name: "Chen Jie", Department: "housekeeping", Role: app.RoleAttendant, PIN: "4321", Shift: "night"}
	tests := []struct {
		name     string
		actor    string
		edit     func(*app.NewStaff)
		sentinel error
		code     string
	}{
		{"ok", apptest.SupID, func(*app.NewStaff) {}, nil, ""},
		{"attendant may not", apptest.AttID, func(*app.NewStaff) {}, app.ErrForbidden, "role.required"},
		{"unknown actor", "X1", func(*app.NewStaff) {}, app.ErrForbidden, "staff.unknown"},
		{"no number", apptest.SupID, func(n *app.NewStaff) { n.Number = " " }, app.ErrInvalid, "field.required"},
		{"no name", apptest.SupID, func(n *app.NewStaff) { n.Name = "" }, app.ErrInvalid, "field.required"},
		{"bad role", apptest.SupID, func(n *app.NewStaff) { n.Role = "boss" }, app.ErrInvalid, "field.bad_value"},
		{"short pin", apptest.SupID, func(n *app.NewStaff) { n.PIN = "12" }, app.ErrInvalid, "pin.format"},
		{"letters in pin", apptest.SupID, func(n *app.NewStaff) { n.PIN = "12ab" }, app.ErrInvalid, "pin.format"},
		{"unknown shift", apptest.SupID, func(n *app.NewStaff) { n.Shift = "lunch" }, app.ErrInvalid, "staff.shift_unknown"},
		{"number taken", apptest.SupID, func(n *app.NewStaff) { n.Number = apptest.AttID }, app.ErrConflict, "staff.exists"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			in := ok
			tt.edit(&in)
			st, err := f.Svc.AddStaff(tt.actor, in)
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || st.Name != "Chen Jie" || st.Shift != "night" || st.AddedBy != apptest.SupID {
				t.Fatalf("AddStaff = %+v, %v", st, err)
			}
		})
	}
}

func TestLoginAndLockout(t *testing.T) {
	f := newFixture(t)
	if st, err := f.Svc.Login(apptest.AttID, "2345"); err != nil || st.Name != "Wang Fang" {
		t.Fatalf("login = %+v, %v", st, err)
	}
	for i := 1; i < app.MaxPINTries; i++ {
		_, err := f.Svc.Login(apptest.AttID, "0000")
		apptest.WantRefusal(t, err, app.ErrForbidden, "pin.wrong")
	}
	_, err := f.Svc.Login(apptest.AttID, "0000")
	apptest.WantRefusal(t, err, app.ErrLocked, "staff.locked")
	_, err = f.Svc.Login(apptest.AttID, "2345") // right PIN, still locked
	apptest.WantRefusal(t, err, app.ErrLocked, "staff.locked")
	if r := app.RefusalOf(err); r.Params["until"] != "08:05" {
		t.Fatalf("until = %q", r.Params["until"])
	}
	f.Clock.Advance(app.PINLockout)
	if _, err := f.Svc.Login(apptest.AttID, "2345"); err != nil {
		t.Fatalf("after lock-out: %v", err)
	}
	_, err = f.Svc.Login(apptest.AttID, "0000")
	if r := app.RefusalOf(err); r == nil || r.Params["left"] != "4" {
		t.Fatalf("count restarts after a good PIN: %v", err)
	}
}

func TestLockoutSurvivesRestart(t *testing.T) {
	f := newFixture(t)
	for range app.MaxPINTries {
		_, _ = f.Svc.Login(apptest.AttID, "0000")
	}
	again := app.New(f.Store, f.Clock.Now)
	_, err := again.Login(apptest.AttID, "2345")
	apptest.WantRefusal(t, err, app.ErrLocked, "staff.locked")
}

func TestResetPINLiftsLockout(t *testing.T) {
	f := newFixture(t)
	for range app.MaxPINTries {
		_, _ = f.Svc.Login(apptest.AttID, "0000")
	}
	apptest.WantRefusal(t, f.Svc.ResetPIN(apptest.AttID, apptest.AttID, "9999"), app.ErrForbidden, "role.required")
	if err := f.Svc.ResetPIN(apptest.SupID, apptest.AttID, "9999"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Svc.Login(apptest.AttID, "9999"); err != nil {
		t.Fatalf("login with new PIN: %v", err)
	}
}

func TestChangePIN(t *testing.T) {
	f := newFixture(t)
	apptest.WantRefusal(t, f.Svc.ChangePIN(apptest.AttID, "1111", "5555"), app.ErrForbidden, "pin.wrong")
	apptest.WantRefusal(t, f.Svc.ChangePIN(apptest.AttID, "2345", "55"), app.ErrInvalid, "pin.format")
	if err := f.Svc.ChangePIN(apptest.AttID, "2345", "5555"); err != nil {
		t.Fatal(err)
	}
	_, err := f.Svc.Login(apptest.AttID, "2345")
	apptest.WantRefusal(t, err, app.ErrForbidden, "pin.wrong")
}

func TestDisableStaff(t *testing.T) {
	tests := []struct {
		name     string
		actor    string
		target   string
		sentinel error
		code     string
	}{
		{"ok", apptest.SupID, apptest.AttID, nil, ""},
		{"attendant may not", apptest.Att2ID, apptest.AttID, app.ErrForbidden, "role.required"},
		{"self", apptest.SupID, apptest.SupID, app.ErrForbidden, "staff.self_disable"},
		{"unknown", apptest.SupID, "Z9", app.ErrNotFound, "staff.not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			err := f.Svc.DisableStaff(tt.actor, tt.target, "left the hotel")
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			_, err = f.Svc.Login(apptest.AttID, "2345")
			apptest.WantRefusal(t, err, app.ErrForbidden, "staff.disabled")
			_, err = f.Svc.SignInKey(apptest.AttID, "K")
			apptest.WantRefusal(t, err, app.ErrForbidden, "staff.disabled")
			if err := f.Svc.EnableStaff(apptest.SupID, apptest.AttID); err != nil {
				t.Fatal(err)
			}
			if _, err := f.Svc.Login(apptest.AttID, "2345"); err != nil {
				t.Fatalf("enabled again: %v", err)
			}
		})
	}
}

func TestUpdateStaff(t *testing.T) {
	f := newFixture(t)
	if err := f.Svc.UpdateStaff(apptest.SupID, apptest.AttID, "front_office", app.RoleSupervisor, "night"); err != nil {
		t.Fatal(err)
	}
	st, _ := f.Svc.StaffMember(apptest.AttID)
	if st.Role != app.RoleSupervisor || st.Department != "front_office" || st.Shift != "night" {
		t.Fatalf("updated = %+v", st)
	}
	if err := f.Svc.UpdateStaff(apptest.SupID, apptest.SupID, "x", app.RoleAttendant, ""); err != nil {
		t.Fatalf("demote with another supervisor left: %v", err)
	}
	err := f.Svc.UpdateStaff(apptest.AttID, apptest.AttID, "x", app.RoleAttendant, "")
	apptest.WantRefusal(t, err, app.ErrConflict, "staff.last_supervisor")
	apptest.WantRefusal(t, f.Svc.UpdateStaff(apptest.AttID, apptest.Att2ID, "", app.RoleAttendant, ""), app.ErrInvalid, "field.required")
}

func TestStaffList(t *testing.T) {
	f := newFixture(t)
	if err := f.Svc.DisableStaff(apptest.SupID, apptest.Att2ID, ""); err != nil {
		t.Fatal(err)
	}
	active, _ := f.Svc.StaffList(false)
	all, _ := f.Svc.StaffList(true)
	if len(active) != 2 || len(all) != 3 || all[1].ID != apptest.Att2ID {
		t.Fatalf("active %d all %d second %v", len(active), len(all), all[1].ID)
	}
}

func TestRefusalUnwrap(t *testing.T) {
	err := error(&app.Refusal{Code: "x", Err: app.ErrConflict})
	if !errors.Is(err, app.ErrConflict) || errors.Is(err, app.ErrInvalid) {
		t.Fatal("Unwrap")
	}
	if got := app.Message("nope", map[string]string{"b": "2", "a": "1"}); got != `nope (a="1" b="2")` {
		t.Fatalf("fallback message %q", got)
	}
	_ = time.Second
}
