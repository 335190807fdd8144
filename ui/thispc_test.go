package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	appreports "floordesk/app/reports"
	"floordesk/data"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
	"floordesk/ui/supervisor"
)

// TestSupervisorChangesThisPCsDesk: in the rooms-and-desks tab a
// supervisor moves this PC from desk D1 to D2; the desk is saved, and the
// status bar and the screens follow it through the store's change feed.
func TestSupervisorChangesThisPCsDesk(t *testing.T) {
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
	q := kittest.NewUIQueue()
	e.Session.Do = q.Do
	keys := newFake("keys", kit.KindKey, fyne.KeyK)
	backups := &data.AutoBackup{Store: e.Store, Dir: e.Store.Dir() + "-backups", Now: e.Clock.Now}
	sh := NewShell(e.Session, withDashboard(e.Svc, e.Session, keys, supervisor.New(e.Session, e.Svc, backups, appreports.New(e.Svc.Service))),
		Options{Feed: e.Store, Tick: make(chan time.Time)})
	e.Window.SetContent(sh.Content())
	sh.Start()
	t.Cleanup(sh.Stop)
	signInAs(t, sh, "S01")
	if s := sh.StatusText(); !strings.Contains(s, "Desk: 3rd floor desk") {
		t.Fatalf("status bar before: %q", s)
	}

	if !sh.Select("supervisor") {
		t.Fatal("no supervisor screen")
	}
	tabs := find(t, sh.Content(), func(a *container.AppTabs) bool { return a != sh.main.tabs })
	tabs.SelectIndex(3)
	rooms := tabs.Selected().Content
	if tabs.Selected().Text != lang.L("supervisor.rooms") {
		t.Fatalf("tab %q", tabs.Selected().Text)
	}
	if !strings.Contains(kittest.Labels(rooms), "This PC: D1 3rd floor desk") {
		t.Fatalf("the rooms tab shows %q", kittest.Labels(rooms))
	}
	test.Tap(button(t, rooms, "Change"))
	find[*widget.List](t, rooms, func(*widget.List) bool { return true }).Select(1) // D2
	test.Tap(button(t, rooms, "Use the selected desk"))
	if !strings.Contains(kittest.Labels(rooms), "kept under “D2 4th floor desk”") {
		t.Fatalf("the confirmation shows %q", kittest.Labels(rooms))
	}
	refreshed := keys.refreshes
	test.Tap(button(t, rooms, "Change this PC's desk"))

	saved, _ := e.Store.Setting(SettingDeskCode)
	if saved != "D2" || e.Svc.DeskCode != "D2" {
		t.Fatalf("after the change: setting %q, desk %q", saved, e.Svc.DeskCode)
	}
	q.Until(t, "the status bar on desk D2", func() bool {
		return strings.Contains(sh.StatusText(), "Desk: 4th floor desk")
	})
	sh.Select("keys")
	if keys.refreshes == refreshed || keys.read != nil {
		t.Errorf("the keys screen, shown after the change, read %v (%d times), want everything again", keys.read, keys.refreshes-refreshed)
	}
	sh.Select("supervisor")
	if !strings.Contains(kittest.Labels(rooms), "This PC: D2 4th floor desk") {
		t.Errorf("the rooms tab shows %q", kittest.Labels(rooms))
	}
}

// find is the first W under o that ok accepts.
func find[W fyne.CanvasObject](t *testing.T, o fyne.CanvasObject, ok func(W) bool) W {
	t.Helper()
	var found W
	var done bool
	kittest.Walk(o, func(o fyne.CanvasObject) {
		if w, is := o.(W); is && !done && ok(w) {
			found, done = w, true
		}
	})
	if !done {
		t.Fatalf("no %T under the content; buttons %q", found, kittest.Buttons(o))
	}
	return found
}

// button is the button labelled text under o.
func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	return find(t, o, func(b *widget.Button) bool { return b.Text == text })
}
