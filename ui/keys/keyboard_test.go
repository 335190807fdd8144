package keys

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestEnterInTheSearchOpensTheOneKeyThenItsForm: a tag typed or scanned
// into the search, then Enter, opens the key; Enter again starts what the
// key needs, the sign-out form while it hangs on the board and the sign-in
// once it is out.
func TestEnterInTheSearchOpensTheOneKeyThenItsForm(t *testing.T) {
	_, sc := world(t, kit.English)
	press := func() { sc.Search().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }
	test.Type(sc.Search(), "F3")
	press()
	if r := sc.Pane().Record(); r.ID != "" {
		t.Fatalf("Enter with two keys listed opened %q", r.ID)
	}
	sc.Search().SetText("")
	test.Type(sc.Search(), "F3-SEC-A")
	press()
	if r := sc.Pane().Record(); r.Kind != kit.KindKey || r.ID != "F3-SEC-A" {
		t.Fatalf("Enter on the one key listed shows %+v", r)
	}
	press()
	if got := kittest.Labels(sc.Pane().Content()); !strings.Contains(got, "Sign out a key") {
		t.Fatalf("the second Enter shows %q, not the sign-out form", got)
	}
}

func TestEnterTwiceSignsAKeyOutBackIn(t *testing.T) {
	_, sc := world(t, kit.English)
	if f := signOut(sc, "F3-SEC-A", "turn-down", "", ""); f.Errs.Any() {
		t.Fatalf("sign-out refused: %q", f.Errs.Text(""))
	}
	sc.settling.until = sc.s.Now() // no double click to guard against here
	test.Type(sc.Search(), "F3-SEC-A")
	sc.Search().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	sc.Search().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	k, _ := sc.svc.Key("F3-SEC-A")
	if l, out := k.Current(); out {
		t.Errorf("two Enters left the key with %q", l.Holder)
	}
}

// TestEscapeCancelsTheSignOutForm: Esc cancels the form the pane shows,
// back to the key shown before; with no form shown it does nothing.
func TestEscapeCancelsTheSignOutForm(t *testing.T) {
	_, sc := world(t, kit.English)
	sc.Open("F3-MASTER")
	sc.openSignOut("F3-MASTER")
	if !sc.Escape() {
		t.Fatal("Esc found no form to cancel")
	}
	if r := sc.Pane().Record(); r.ID != "F3-MASTER" {
		t.Errorf("after Esc the pane shows %+v, want the key", r)
	}
	if sc.Escape() {
		t.Error("Esc cancelled a form on the key's detail")
	}
}

// TestTheHolderIsFoundByTyping: typing on the holder's drop-down searches
// the staff; Enter picks the one left, and the key goes out to them.
func TestTheHolderIsFoundByTyping(t *testing.T) {
	e, sc := world(t, kit.English)
	f := sc.openSignOut("F3-SEC-A")
	e.Window.Canvas().Focus(f.holder)
	f.holder.TypedRune('z')
	test.Type(f.holder.Search(), "hang")
	if got := f.holder.Shown(); len(got) != 1 || !strings.Contains(got[0], "Zhang Wei") {
		t.Fatalf("typing zhang on the holder leaves %v", got)
	}
	f.holder.Search().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(f.purpose, "turn-down")
	test.Tap(f.Save)
	k, _ := sc.svc.Key("F3-SEC-A")
	if l, out := k.Current(); !out || l.Holder != "A02" {
		t.Errorf("the key went to %q (out %v), want A02 Zhang Wei", l.Holder, out)
	}
}

// TestTheSignOutFormStartsWhereTypingIsNeeded: opened with no key, the
// keyboard is on the key, so typing searches the keys; opened for a key,
// it is on the purpose.
func TestTheSignOutFormStartsWhereTypingIsNeeded(t *testing.T) {
	e, sc := world(t, kit.English)
	f := sc.openSignOut("")
	if e.Window.Canvas().Focused() != f.key {
		t.Fatalf("the empty form has the keyboard on %v, not the key", e.Window.Canvas().Focused())
	}
	f.key.TypedRune('s')
	test.Type(f.key.Search(), "ec")
	f.key.Search().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.key.Selected != "F3-SEC-A" {
		t.Errorf("typing sec and Enter picked %q", f.key.Selected)
	}
	f = sc.openSignOut("F3-MASTER")
	if e.Window.Canvas().Focused() != f.purpose {
		t.Errorf("the form for a key has the keyboard on %v, not the purpose", e.Window.Canvas().Focused())
	}
}
