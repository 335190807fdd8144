package ui

import (
	"strings"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/ui/kit"
)

func TestSettingsSaveLanguageAndTheme(t *testing.T) {
	e := dashEnv(t, kit.English)
	var applied []string
	st := NewSettings(e.Session, func(v string) { applied = append(applied, v) }, nil)
	e.Window.SetContent(st.Content())
	st.Choose(SettingLanguage, Chinese)
	st.Choose(SettingTheme, "dark")
	if v, _ := e.Store.Setting(SettingLanguage); v != Chinese {
		t.Errorf("saved language %q", v)
	}
	if v, _ := e.Store.Setting(SettingTheme); v != "dark" || len(applied) != 1 || applied[0] != "dark" {
		t.Errorf("saved theme %q, applied %v", v, applied)
	}
	if got := e.Session.Notices(); len(got) != 2 || !strings.Contains(got[0], "next start") {
		t.Errorf("notices %q", got)
	}
	again := NewSettings(e.Session, nil, nil)
	if again.language.Selected != "简体中文 (Chinese)" || again.variant.Selected != "Dark" {
		t.Errorf("a new settings screen shows %q and %q", again.language.Selected, again.variant.Selected)
	}
}

// fakeSync is a sync client's status, set by the test.
type fakeSync struct{ st data.SyncStatus }

func (f *fakeSync) Status() data.SyncStatus          { return f.st }
func (f *fakeSync) Watch() (<-chan struct{}, func()) { return make(chan struct{}), func() {} }

func TestStatusBarShowsSync(t *testing.T) {
	se := dashEnv(t, kit.Chinese)
	sync := &fakeSync{}
	opt := Options{Sync: sync}
	se.sh.bar.refresh(opt)
	if got := se.sh.StatusText(); !strings.Contains(got, "离线 · 待同步 0") {
		t.Errorf("never synced: %q", got)
	}
	sync.st = data.SyncStatus{Online: true, Pending: 3, LastSync: se.Clock.Now().Add(-time.Minute)}
	se.sh.bar.refresh(opt)
	if got := se.sh.StatusText(); !strings.Contains(got, "在线 · 待同步 3 · 上次同步 13:59") {
		t.Errorf("online: %q", got)
	}
	sync.st = data.SyncStatus{Pending: 3, Problem: data.ProblemRefused, LastError: "The server refused this desk."}
	se.sh.bar.refresh(opt)
	if got := se.sh.StatusText(); !strings.Contains(got, "离线：服务器拒绝了本服务台，请主管重新接入") || strings.Contains(got, "refused") {
		t.Errorf("token refused: %q", got)
	}
}

// TestStatusBarPicksUpSyncStartedLater: a desk enrolled while the app runs
// shows its sync state without a restart.
func TestStatusBarPicksUpSyncStartedLater(t *testing.T) {
	se := dashEnv(t, kit.Chinese)
	se.sh.bar.refresh(se.sh.opt)
	if got := se.sh.StatusText(); !strings.Contains(got, "单机工作") {
		t.Fatalf("before enrolment: %q", got)
	}
	se.sh.SetSync(data.NewSyncClient(se.Store, data.SyncConfig{}))
	if got := se.sh.StatusText(); !strings.Contains(got, "离线") || strings.Contains(got, "单机工作") {
		t.Fatalf("after enrolment: %q", got)
	}
}
