package keys

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestSignOutShowsEveryWrongFieldAtOnce: a master key's sign-out sent with
// no purpose and no witness says both; picking the witness takes its error
// away and leaves the purpose's.
func TestSignOutShowsEveryWrongFieldAtOnce(t *testing.T) {
	_, sc := world(t, kit.Chinese)
	f := sc.openSignOut("F3-MASTER")
	test.Tap(f.Save)
	if got := f.Errs.Text("purpose"); got != "请填写“用途”。" {
		t.Errorf("purpose error %q, want 请填写“用途”。", got)
	}
	if f.Errs.Text("witness") == "" {
		t.Fatal("no witness error beside the purpose's")
	}
	f.witness.SetSelected("A02 Zhang Wei")
	if got := f.Errs.Text("witness"); got != "" {
		t.Errorf("a witness was picked and the error still reads %q", got)
	}
	if f.Errs.Text("purpose") == "" {
		t.Error("the purpose is still empty and its error went")
	}
}

// TestSignOutWithoutAKeyAsksToChooseOne: no key picked reads 请选择, with
// the other missing fields beside it.
func TestSignOutWithoutAKeyAsksToChooseOne(t *testing.T) {
	_, sc := world(t, kit.Chinese)
	f := sc.openSignOut("")
	test.Tap(f.Save)
	if got := f.Errs.Text("tag"); got != "请选择“钥匙”。" {
		t.Errorf("key error %q, want 请选择“钥匙”。", got)
	}
	if f.Errs.Text("purpose") == "" {
		t.Error("the missing purpose is not said beside the missing key")
	}
}

// TestAHalfFilledFormIsKeptWhenAnotherRecordIsOpened: opening another key
// (as the dashboard or a scan does) over a sign-out being typed keeps the
// form aside, says so above the key, and brings it back as it was left;
// a form saved or left untouched is not kept.
func TestAHalfFilledFormIsKeptWhenAnotherRecordIsOpened(t *testing.T) {
	_, sc := world(t, kit.Chinese)
	f := sc.openSignOut("F3-SEC-A")
	test.Type(f.purpose, "查房")
	form := sc.Pane().Object()
	sc.Show(kit.KindKey, "F3-MASTER")
	if sc.Pane().Draft() != form {
		t.Fatal("the half-filled sign-out was not kept")
	}
	kittest.Shows(t, sc.Pane().Content(), "“钥匙签出登记”尚未保存，已为您保留。")
	tapButton(t, sc.Pane().Content(), "继续填写")
	if sc.Pane().Object() != form || f.purpose.Text != "查房" {
		t.Fatalf("back to the form: shows the form %v, purpose %q", sc.Pane().Object() == form, f.purpose.Text)
	}
	if sc.Pane().Draft() != nil {
		t.Error("the form is back and still kept aside")
	}
	test.Tap(f.Save)
	if f.Errs.Any() {
		t.Fatalf("sign-out refused: %q", f.Errs.Text(""))
	}
	sc.openSignOut("F3-MASTER")
	sc.Show(kit.KindKey, "F3-SEC-A")
	if sc.Pane().Draft() != nil {
		t.Error("a saved form or an untouched one was kept as a draft")
	}
}

// tapButton taps the button showing text under o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *widget.Button
	kittest.Walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button", text)
	}
	test.Tap(found)
}

// TestADoubleClickOnSignInDoesNotSignTheKeyOutAgain: "Sign out" comes
// where "Sign in" was; the second click of a double click, on it, does
// nothing, and a click a moment later opens the sign-out form.
func TestADoubleClickOnSignInDoesNotSignTheKeyOutAgain(t *testing.T) {
	e, sc := world(t, kit.English)
	signOut(sc, "F3-SEC-A", "turn-down", "", "")
	sc.Open("F3-SEC-A")
	tapButton(t, sc.Pane().Content(), "Sign in")
	detail := sc.Pane().Object()
	tapButton(t, sc.Pane().Content(), "Sign out a key")
	if sc.Pane().Object() != detail {
		t.Fatal("the second click of a double click opened the sign-out form")
	}
	e.Clock.Advance(2 * settleTime)
	tapButton(t, sc.Pane().Content(), "Sign out a key")
	if _, ok := sc.Pane().Object().(*container.Scroll); !ok || sc.Pane().Object() == detail {
		t.Error("a click after a moment did not open the sign-out form")
	}
}

// TestTheKeyListSaysItsScope: the key screen lists the whole hotel's keys
// and its count says so.
func TestTheKeyListSaysItsScope(t *testing.T) {
	_, sc := world(t, kit.Chinese)
	kittest.Shows(t, sc.Content(), "全酒店共 2 把")
}
