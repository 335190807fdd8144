package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"floordesk/app"
	"floordesk/ui/kit"
)

// TestIdleDeskSignsOut: a desk left without use for the hotel's time
// signs its person out at the next tick and says why on the sign-in, in
// the desk's language; use (typing, picking a screen) puts it off, and
// Ctrl+Shift+Q signs out at once.
func TestIdleDeskSignsOut(t *testing.T) {
	se := dashEnv(t, kit.Chinese)
	five := 5 * time.Minute
	if _, err := se.Svc.ChangeSettings("S01", app.HotelChange{SignOutAfter: &five}); err != nil {
		t.Fatal(err)
	}
	se.settle()
	se.Session.Touch()
	se.Clock.Advance(4 * time.Minute)
	se.sh.Tick()
	if _, ok := se.Session.User(); !ok {
		t.Fatal("signed out after 4 minutes of 5")
	}
	se.sh.Select("keys") // use: the clock of idleness starts again
	se.Clock.Advance(4 * time.Minute)
	se.sh.Tick()
	if _, ok := se.Session.User(); !ok {
		t.Fatal("signed out 4 minutes after picking a screen")
	}
	se.Clock.Advance(time.Minute + time.Second)
	se.sh.Tick()
	if _, ok := se.Session.User(); ok {
		t.Fatal("still signed in after 5 minutes without use")
	}
	si, ok := se.sh.step.(*signIn)
	if !ok || !si.note.Visible() || !strings.Contains(si.note.Text, "超过 5分钟 未操作，已自动退出") {
		t.Fatalf("sign-in note = %+v", si)
	}

	se.SignIn(t, "S01")
	se.sh.signedIn()
	if _, ok := se.Session.User(); !ok {
		t.Fatal("cannot sign in again")
	}
	se.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(signOutKey)
	if _, ok := se.Session.User(); ok {
		t.Error("Ctrl+Shift+Q did not sign out")
	}
}
