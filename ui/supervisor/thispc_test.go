package supervisor

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// twoDesks opens the screen on a PC that is desk D1 of a hotel with desks
// D1 and D2.
func twoDesks(t *testing.T) (*kittest.Env, *thisPC) {
	t.Helper()
	e := kittest.New(t)
	sup := e.Supervisor(t)
	for _, d := range []struct{ code, name string }{{"D1", "3rd floor desk"}, {"D2", "4th floor desk"}} {
		if _, err := e.Svc.SetDesk(sup.ID, d.code, d.name, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.Session.UseDesk("D1"); err != nil {
		t.Fatal(err)
	}
	e.SignIn(t, "S01")
	sc := newScreen(e.Session, e.Svc, backupsOf(e), reporterOf(e))
	e.Window.SetContent(sc.Content())
	return e, sc.rooms.thisPC
}

// deskIs checks this PC's desk in the service and the local setting.
func deskIs(t *testing.T, e *kittest.Env, want string) {
	t.Helper()
	saved, _ := e.Store.Setting(kit.SettingDeskCode)
	if e.Svc.DeskCode != want || saved != want {
		t.Errorf("desk %q, setting %q; want %s", e.Svc.DeskCode, saved, want)
	}
}

func TestThisPCChangesDesk(t *testing.T) {
	e, p := twoDesks(t)
	if got := p.line.Text; got != "This PC: D1 3rd floor desk" {
		t.Fatalf("the tab shows %q", got)
	}
	p.showPick()
	if !p.use.Disabled() {
		t.Error("the use button works with no desk picked")
	}
	p.list.SelectID("D2")
	test.Tap(p.use)
	if p.pane.Objects[0] != p.sure {
		t.Fatal("picking a desk changes it without asking")
	}
	if w := p.warning.Text; !strings.Contains(w, "kept under “D2 4th floor desk”") || !strings.Contains(w, "stay with the old desk, “D1 3rd floor desk”") {
		t.Errorf("the confirmation says %q", w)
	}
	deskIs(t, e, "D1")
	test.Tap(p.confirm)
	deskIs(t, e, "D2")
	if got := p.line.Text; got != "This PC: D2 4th floor desk" || p.pane.Objects[0] != p.view {
		t.Errorf("after the change the tab shows %q", got)
	}
	if n := e.Session.LastNotice(); n != "This PC is now “D2 4th floor desk”." {
		t.Errorf("notice %q", n)
	}
}

func TestThisPCChangeCancelled(t *testing.T) {
	for _, tc := range []struct {
		name string
		at   func(p *thisPC)
	}{
		{"in the list", func(p *thisPC) {}},
		{"at the confirmation", func(p *thisPC) { test.Tap(p.use) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, p := twoDesks(t)
			p.showPick()
			p.list.SelectID("D2")
			tc.at(p)
			tapCancel(t, p)
			deskIs(t, e, "D1")
			if p.pane.Objects[0] != p.view || p.line.Text != "This PC: D1 3rd floor desk" {
				t.Errorf("after cancel the tab shows %q", kittest.Labels(p.pane))
			}
			if n := e.Session.LastNotice(); strings.Contains(n, "D2") {
				t.Errorf("notice %q", n)
			}
		})
	}
}

// tapCancel taps the cancel button of the step shown.
func tapCancel(t *testing.T, p *thisPC) {
	t.Helper()
	var cancel *widget.Button
	kittest.Walk(p.pane, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Cancel" {
			cancel = b
		}
	})
	if cancel == nil {
		t.Fatalf("no cancel button in %q", kittest.Buttons(p.pane))
	}
	test.Tap(cancel)
}

func TestThisPCRefusesPickingItsOwnDesk(t *testing.T) {
	e, p := twoDesks(t)
	p.showPick()
	p.list.SelectID("D1")
	test.Tap(p.use)
	if p.pane.Objects[0] != p.pick || p.pickErr.Text("") != "This PC already is “D1 3rd floor desk”." {
		t.Errorf("picking its own desk shows %q", p.pickErr.Text(""))
	}
	deskIs(t, e, "D1")
}

// TestUnknownDeskRefused: a desk the hotel does not have (gone, or never
// synced here) is refused in words and changes nothing.
func TestUnknownDeskRefused(t *testing.T) {
	e, p := twoDesks(t)
	_, err := e.Session.UseDesk("D9")
	if !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("UseDesk(D9) = %v, want not found", err)
	}
	want := "The hotel has no desk with code D9 — pick one from the list."
	if got := kit.Say(err); got != want {
		t.Errorf("says %q", got)
	}
	p.showPick()
	p.list.SelectID("D2")
	test.Tap(p.use)
	p.picked = "D9" // the desk went between the pick and the confirmation
	test.Tap(p.confirm)
	if p.pane.Objects[0] != p.pick || p.pickErr.Text("") != want {
		t.Errorf("the tab shows %q", p.pickErr.Text(""))
	}
	deskIs(t, e, "D1")
}
