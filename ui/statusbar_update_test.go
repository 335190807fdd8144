package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
	"floordesk/version"
)

// The status bar says "please update" in both of the desk's languages:
// soon, while a newer server still serves the desk; at once, when the
// server needs a newer desk and nothing syncs.
func TestStatusBarAsksForAnUpdate(t *testing.T) {
	for language, want := range map[string][2]string{
		kit.Chinese: {"服务器已升级：请尽快更新本机的 FloorDesk", "离线：请更新本机的 FloorDesk：服务器需要新版本"},
		kit.English: {"the server has a newer FloorDesk: please update this PC soon", "Offline: please update FloorDesk on this PC: the server needs a newer version"},
	} {
		se := dashEnv(t, language)
		sync := &fakeSync{}
		opt := Options{Sync: sync}
		sync.st = data.SyncStatus{Online: true, ServerProtocol: wire.Protocol}
		se.sh.bar.refresh(opt)
		if got := se.sh.StatusText(); strings.Contains(got, want[0]) {
			t.Errorf("%s, a server of the desk's level: %q", language, got)
		}
		sync.st = data.SyncStatus{Online: true, ServerProtocol: wire.Protocol + 1}
		se.sh.bar.refresh(opt)
		if got := se.sh.StatusText(); !strings.Contains(got, want[0]) {
			t.Errorf("%s, a newer server serving the desk: %q, want %q", language, got, want[0])
		}
		sync.st = data.SyncStatus{Pending: 2, Problem: data.ProblemUpdateNeeded, ServerProtocol: wire.Protocol + 1}
		se.sh.bar.refresh(opt)
		if got := se.sh.StatusText(); !strings.Contains(got, want[1]) || strings.Contains(got, want[0]) {
			t.Errorf("%s, a server that needs a newer desk: %q, want %q once", language, got, want[1])
		}
	}
}

// Settings names the build and its sync protocol, for IT and support.
func TestSettingsSaysTheVersion(t *testing.T) {
	e := dashEnv(t, kit.English)
	st := NewSettings(e.Session, nil, nil)
	want := "FloorDesk " + version.String() + " · sync protocol 2"
	if AboutText() != want {
		t.Fatalf("AboutText() = %q, want %q", AboutText(), want)
	}
	kittest.Shows(t, st.Content(), lang.L("shell.settings_about"), want)
}
