package app

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestFirstSupervisor(t *testing.T) {
	f := openFixture(t, "desk-a", &testClock{t: testStart})
	any, err := f.svc.HasStaff()
	if err != nil || any {
		t.Fatalf("HasStaff = %v, %v on an empty store", any, err)
	}
	st, err := f.svc.FirstSupervisor(NewStaff{Number: "S1", Name: "Li Na", Department: "housekeeping", PIN: "1234"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Role != RoleSupervisor || st.PINHash == "" || strings.Contains(st.PINHash, "1234") {
		t.Fatalf("first supervisor = %+v", st)
	}
	_, err = f.svc.FirstSupervisor(NewStaff{Number: "S2", Name: "Other", Department: "x", PIN: "1234"})
	wantRefusal(t, err, ErrConflict, "staff.first_exists")
}

func TestAddStaff(t *testing.T) {
	ok := NewStaff{Number: "A9", Name: "Chen Jie", Department: "housekeeping", Role: RoleAttendant, PIN: "4321", Shift: "night"}
	tests := []struct {
		name     string
		actor    string
		edit     func(*NewStaff)
		sentinel error
		code     string
	}{
		{"ok", supID, func(*NewStaff) {}, nil, ""},
		{"attendant may not", attID, func(*NewStaff) {}, ErrForbidden, "role.required"},
		{"unknown actor", "X1", func(*NewStaff) {}, ErrForbidden, "staff.unknown"},
		{"no number", supID, func(n *NewStaff) { n.Number = " " }, ErrInvalid, "field.required"},
		{"no name", supID, func(n *NewStaff) { n.Name = "" }, ErrInvalid, "field.required"},
		{"bad role", supID, func(n *NewStaff) { n.Role = "boss" }, ErrInvalid, "field.bad_value"},
		{"short pin", supID, func(n *NewStaff) { n.PIN = "12" }, ErrInvalid, "pin.format"},
		{"letters in pin", supID, func(n *NewStaff) { n.PIN = "12ab" }, ErrInvalid, "pin.format"},
		{"unknown shift", supID, func(n *NewStaff) { n.Shift = "lunch" }, ErrInvalid, "staff.shift_unknown"},
		{"number taken", supID, func(n *NewStaff) { n.Number = attID }, ErrConflict, "staff.exists"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			in := ok
			tt.edit(&in)
			st, err := f.svc.AddStaff(tt.actor, in)
			if tt.sentinel != nil {
				wantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || st.Name != "Chen Jie" || st.Shift != "night" || st.AddedBy != supID {
				t.Fatalf("AddStaff = %+v, %v", st, err)
			}
		})
	}
}

func TestLoginAndLockout(t *testing.T) {
	f := newFixture(t)
	if st, err := f.svc.Login(attID, "2345"); err != nil || st.Name != "Wang Fang" {
		t.Fatalf("login = %+v, %v", st, err)
	}
	for i := 1; i < MaxPINTries; i++ {
		_, err := f.svc.Login(attID, "0000")
		wantRefusal(t, err, ErrForbidden, "pin.wrong")
	}
	_, err := f.svc.Login(attID, "0000")
	wantRefusal(t, err, ErrLocked, "staff.locked")
	_, err = f.svc.Login(attID, "2345") // right PIN, still locked
	wantRefusal(t, err, ErrLocked, "staff.locked")
	if r := RefusalOf(err); r.Params["until"] != "08:05" {
		t.Fatalf("until = %q", r.Params["until"])
	}
	f.clock.Advance(PINLockout)
	if _, err := f.svc.Login(attID, "2345"); err != nil {
		t.Fatalf("after lock-out: %v", err)
	}
	_, err = f.svc.Login(attID, "0000")
	if r := RefusalOf(err); r == nil || r.Params["left"] != "4" {
		t.Fatalf("count restarts after a good PIN: %v", err)
	}
}

func TestLockoutSurvivesRestart(t *testing.T) {
	f := newFixture(t)
	for range MaxPINTries {
		_, _ = f.svc.Login(attID, "0000")
	}
	again := New(f.store, f.clock.Now)
	_, err := again.Login(attID, "2345")
	wantRefusal(t, err, ErrLocked, "staff.locked")
}

func TestResetPINLiftsLockout(t *testing.T) {
	f := newFixture(t)
	for range MaxPINTries {
		_, _ = f.svc.Login(attID, "0000")
	}
	wantRefusal(t, f.svc.ResetPIN(attID, attID, "9999"), ErrForbidden, "role.required")
	if err := f.svc.ResetPIN(supID, attID, "9999"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Login(attID, "9999"); err != nil {
		t.Fatalf("login with new PIN: %v", err)
	}
}

func TestChangePIN(t *testing.T) {
	f := newFixture(t)
	wantRefusal(t, f.svc.ChangePIN(attID, "1111", "5555"), ErrForbidden, "pin.wrong")
	wantRefusal(t, f.svc.ChangePIN(attID, "2345", "55"), ErrInvalid, "pin.format")
	if err := f.svc.ChangePIN(attID, "2345", "5555"); err != nil {
		t.Fatal(err)
	}
	_, err := f.svc.Login(attID, "2345")
	wantRefusal(t, err, ErrForbidden, "pin.wrong")
}

func TestDisableStaff(t *testing.T) {
	tests := []struct {
		name     string
		actor    string
		target   string
		sentinel error
		code     string
	}{
		{"ok", supID, attID, nil, ""},
		{"attendant may not", att2ID, attID, ErrForbidden, "role.required"},
		{"self", supID, supID, ErrForbidden, "staff.self_disable"},
		{"unknown", supID, "Z9", ErrNotFound, "staff.not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			err := f.svc.DisableStaff(tt.actor, tt.target, "left the hotel")
			if tt.sentinel != nil {
				wantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			_, err = f.svc.Login(attID, "2345")
			wantRefusal(t, err, ErrForbidden, "staff.disabled")
			_, err = f.svc.SignInKey(attID, "K")
			wantRefusal(t, err, ErrForbidden, "staff.disabled")
			if err := f.svc.EnableStaff(supID, attID); err != nil {
				t.Fatal(err)
			}
			if _, err := f.svc.Login(attID, "2345"); err != nil {
				t.Fatalf("enabled again: %v", err)
			}
		})
	}
}

func TestUpdateStaff(t *testing.T) {
	f := newFixture(t)
	if err := f.svc.UpdateStaff(supID, attID, "front_office", RoleSupervisor, "night"); err != nil {
		t.Fatal(err)
	}
	st, _ := f.svc.StaffMember(attID)
	if st.Role != RoleSupervisor || st.Department != "front_office" || st.Shift != "night" {
		t.Fatalf("updated = %+v", st)
	}
	if err := f.svc.UpdateStaff(supID, supID, "x", RoleAttendant, ""); err != nil {
		t.Fatalf("demote with another supervisor left: %v", err)
	}
	err := f.svc.UpdateStaff(attID, attID, "x", RoleAttendant, "")
	wantRefusal(t, err, ErrConflict, "staff.last_supervisor")
	wantRefusal(t, f.svc.UpdateStaff(attID, att2ID, "", RoleAttendant, ""), ErrInvalid, "field.required")
}

func TestStaffList(t *testing.T) {
	f := newFixture(t)
	if err := f.svc.DisableStaff(supID, att2ID, ""); err != nil {
		t.Fatal(err)
	}
	active, _ := f.svc.StaffList(false)
	all, _ := f.svc.StaffList(true)
	if len(active) != 2 || len(all) != 3 || all[1].ID != att2ID {
		t.Fatalf("active %d all %d second %v", len(active), len(all), all[1].ID)
	}
}

func TestPINHashFormat(t *testing.T) {
	h, err := hashPIN("2468", TestPINCost, strings.NewReader(strings.Repeat("s", 16)))
	if err != nil {
		t.Fatal(err)
	}
	if !pinMatches("2468", h) || pinMatches("2469", h) || pinMatches("2468", "garbage") {
		t.Fatalf("hash %q does not verify", h)
	}
	if _, err := hashPIN("1", TestPINCost, strings.NewReader("")); err == nil {
		t.Fatal("short salt source accepted")
	}
}

func TestRefusalUnwrap(t *testing.T) {
	err := error(&Refusal{Code: "x", Err: ErrConflict})
	if !errors.Is(err, ErrConflict) || errors.Is(err, ErrInvalid) {
		t.Fatal("Unwrap")
	}
	if got := Message("nope", map[string]string{"b": "2", "a": "1"}); got != `nope (a="1" b="2")` {
		t.Fatalf("fallback message %q", got)
	}
	_ = time.Second
}
