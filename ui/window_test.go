package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestLanguageChangeShowsAtOnce: choosing English in the settings turns
// the whole window English there and then, with the same person signed in
// and the settings still open; choosing Chinese turns it back.
func TestLanguageChangeShowsAtOnce(t *testing.T) {
	e := kittest.NewIn(t, kit.Chinese)
	t.Cleanup(func() { kit.UseLanguage(kit.Chinese) })
	e.Supervisor(t)
	e.SignIn(t, "S01")
	areas := func(s *kit.Session) []kit.Register {
		return withDashboard(e.Svc, s, newFake("keys", kit.KindKey, fyne.KeyK))
	}
	dw := NewWindow(e.Window, e.Session, areas, Options{Tick: make(chan time.Time)})
	dw.Start()
	t.Cleanup(func() { dw.Stop() })

	choose(t, dw, English)
	assertSpeaks(t, e, dw, "Settings", "Dashboard")
	if n := e.Session.Notices(); len(n) == 0 || !strings.Contains(n[len(n)-1], "English") {
		t.Errorf("notices %q", n)
	}
	if v, _ := e.Store.Setting(SettingLanguage); v != English {
		t.Errorf("saved language %q", v)
	}
	choose(t, dw, Chinese)
	assertSpeaks(t, e, dw, "设置", "工作台")
}

func choose(t *testing.T, dw *Window, language string) {
	t.Helper()
	old := dw.Shell()
	if !old.Select("settings") {
		t.Fatal("no settings screen")
	}
	old.Current().(*Settings).Choose(SettingLanguage, language)
	if dw.Shell() == old {
		t.Fatalf("choosing %s left the old shell showing", language)
	}
}

func assertSpeaks(t *testing.T, e *kittest.Env, dw *Window, settings, dashboard string) {
	t.Helper()
	sh := dw.Shell()
	if cur := sh.Current(); cur == nil || cur.ID() != "settings" || cur.Title() != settings {
		t.Fatalf("current screen after the change: %v", cur)
	}
	if got := sh.Screens()[0].Title(); got != dashboard {
		t.Errorf("dashboard titled %q, want %q", got, dashboard)
	}
	if u, ok := e.Session.User(); !ok || u.ID != "S01" {
		t.Errorf("signed in after the change: %v %v", u, ok)
	}
	if e.Window.Content() != sh.Content() {
		t.Error("the window does not show the new shell")
	}
}
