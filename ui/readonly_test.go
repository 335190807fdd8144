package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"floordesk/app"
	"floordesk/data"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// viewer signs the group viewer in, as a group desk does on a property's
// copy: no staff member of the property.
func viewer(e *kittest.Env) {
	e.Session.EveryDesk = true
	e.Session.SignIn(app.Staff{ID: "group:gd", Name: "gd", Role: app.RoleGroupViewer})
}

// TestReadOnlyWindowOfACopyStillArriving: a property's copy with nothing
// in it yet (no staff: no first supervisor, as on a new hotel) opens on
// the screens, never on the first run's choice of a new hotel, the join's
// wait or a sign-in the group viewer could not pass; even when the copy's
// folder is enrolled with a server.
func TestReadOnlyWindowOfACopyStillArriving(t *testing.T) {
	for _, enrolled := range []bool{false, true} {
		se := newShellEnv(t, kit.Chinese, func(e *kittest.Env) {
			if enrolled {
				must(t, e.Store.SetSetting(data.SettingServerURL, "http://127.0.0.1:1"))
				must(t, e.Store.SetSetting(data.SettingDeskToken, "token"))
			}
			viewer(e)
		})
		if se.sh.step != nil {
			t.Fatalf("enrolled %v: a read-only window of an empty copy shows %T, not the screens", enrolled, se.sh.step)
		}
		if got := screenIDs(se.sh); len(got) == 0 || got[0] != "dashboard" || got[len(got)-1] == "settings" {
			t.Errorf("enrolled %v: the read-only window shows the screens %v, want the dashboard first and no settings", enrolled, got)
		}
	}
}

// TestReadOnlyWindowNeverSignsOut: the hotel's idle sign-out, which signs
// a desk's person out to the sign-in, leaves the group viewer reading: no
// one could sign in again in that window. Nor is there a button or a key
// to sign out or switch person.
func TestReadOnlyWindowNeverSignsOut(t *testing.T) {
	se := newShellEnv(t, kit.English, func(e *kittest.Env) {
		sup := e.Supervisor(t)
		five := 5 * time.Minute
		if _, err := e.Svc.ChangeSettings(sup.ID, app.HotelChange{SignOutAfter: &five}); err != nil {
			t.Fatal(err)
		}
		viewer(e)
	})
	se.Clock.Advance(time.Hour)
	se.sh.Tick()
	if _, ok := se.Session.User(); !ok || se.sh.step != nil {
		t.Fatalf("an hour without use signed the group viewer out (step %T)", se.sh.step)
	}
	if se.sh.bar.switchBtn.Visible() {
		t.Error("the read-only window offers to switch person")
	}
	se.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(signOutKey)
	if _, ok := se.Session.User(); !ok {
		t.Error("Ctrl+Shift+Q signed the group viewer out")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
