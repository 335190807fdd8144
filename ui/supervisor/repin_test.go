package supervisor

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	appdemo "floordesk/app/demo"
)

// TestSettingsAskThePINAgainAfterAWhile: a supervisor's change to the
// settings runs at once just after sign-in; three minutes later the desk
// asks the PIN again, a wrong one changes nothing and says so, the right
// one saves; the next change within two minutes is not asked again.
func TestSettingsAskThePINAgainAfterAWhile(t *testing.T) {
	e, sc := desk(t)
	st := sc.settings
	st.follow.SetText("15")
	test.Tap(st.f.Save)
	if h, _ := e.Svc.Settings(); h.FollowUp != 15*time.Minute {
		t.Fatalf("a change just after sign-in was not saved: %v", h.FollowUp)
	}
	e.Clock.Advance(3 * time.Minute)
	st.follow.SetText("20")
	test.Tap(st.f.Save)
	pin := e.Session.AskingPIN()
	if pin == nil {
		t.Fatal("three minutes after sign-in the desk did not ask the PIN again")
	}
	if h, _ := e.Svc.Settings(); h.FollowUp != 15*time.Minute {
		t.Fatalf("the change was saved before the PIN: %v", h.FollowUp)
	}
	test.Type(pin, "9999")
	pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h, _ := e.Svc.Settings(); h.FollowUp != 15*time.Minute {
		t.Fatalf("a wrong PIN saved the change: %v", h.FollowUp)
	}
	if e.Session.AskingPIN() == nil || !strings.Contains(dialogText(e.Window), "密码") && !strings.Contains(dialogText(e.Window), "PIN") {
		t.Fatalf("after a wrong PIN the dialog is gone or silent: %q", dialogText(e.Window))
	}
	test.Type(pin, appdemo.DemoPIN)
	pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h, _ := e.Svc.Settings(); h.FollowUp != 20*time.Minute {
		t.Fatalf("the right PIN did not save the change: %v", h.FollowUp)
	}
	e.Clock.Advance(time.Minute)
	st.follow.SetText("25")
	test.Tap(st.f.Save)
	if h, _ := e.Svc.Settings(); h.FollowUp != 25*time.Minute || e.Session.AskingPIN() != nil {
		t.Errorf("a change a minute after the PIN was asked again or not saved: %v", h.FollowUp)
	}
}
