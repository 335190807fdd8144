package ui

import (
	"strings"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/ui/kit"
)

// TestStatusBarSaysTheClockIsWrongWithTheServersTime: a desk whose
// clock is ahead of the server's says so in the desk's language, with the
// server's time, and a conflict tells to call IT; never in English words
// on a Chinese desk.
func TestStatusBarSaysTheClockIsWrongWithTheServersTime(t *testing.T) {
	for _, tc := range []struct {
		language string
		clock    string // the clock-ahead text, with the server's time
		conflict string
	}{
		{kit.Chinese, "本机时钟不准：服务器时间为", "请告知 IT"},
		{kit.English, "this PC's clock is wrong: the server's time is", "tell IT"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			se := dashEnv(t, tc.language)
			sync := &fakeSync{}
			opt := Options{Sync: sync}
			server := se.Clock.Now().Add(-2 * time.Hour)
			sync.st = data.SyncStatus{Pending: 2, Problem: data.ProblemClockAhead, ServerTime: server, LastError: "This PC's clock is ahead"}
			se.sh.bar.refresh(opt)
			got := se.sh.StatusText()
			when := kit.DateTime(server.In(se.Clock.Now().Location()))
			if !strings.Contains(got, tc.clock) || !strings.Contains(got, when) {
				t.Errorf("clock ahead: %q, want %q and the server's time %q", got, tc.clock, when)
			}
			sync.st = data.SyncStatus{Pending: 1, Problem: data.ProblemConflict, LastError: "The server already holds event x"}
			se.sh.bar.refresh(opt)
			if got := se.sh.StatusText(); !strings.Contains(got, tc.conflict) || strings.Contains(got, "already holds") {
				t.Errorf("conflict: %q, want %q", got, tc.conflict)
			}
		})
	}
}

// TestStatusBarCountsWhatTheServerRefusedForGood: while records the
// server refused are kept apart, the status bar counts them and says to
// tell IT, online or not, in the desk's language.
func TestStatusBarCountsWhatTheServerRefusedForGood(t *testing.T) {
	for _, tc := range []struct{ language, want string }{
		{kit.Chinese, "2 条被服务器拒收、已单独保存——请告知 IT"},
		{kit.English, "2 refused by the server, kept apart — tell IT"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			se := dashEnv(t, tc.language)
			sync := &fakeSync{st: data.SyncStatus{Online: true, SetAside: 2, LastSync: se.Clock.Now()}}
			se.sh.bar.refresh(Options{Sync: sync})
			if got := se.sh.StatusText(); !strings.Contains(got, tc.want) {
				t.Errorf("status = %q, want %q", got, tc.want)
			}
			sync.st.SetAside = 0
			se.sh.bar.refresh(Options{Sync: sync})
			if got := se.sh.StatusText(); strings.Contains(got, "IT") {
				t.Errorf("nothing set aside, status = %q", got)
			}
		})
	}
}

// TestStatusBarSaysTheClockIsBehind: a desk PC two years behind the
// server syncs, but its status bar says how far behind and the server's
// time, in the desk's language; a few seconds off says nothing.
func TestStatusBarSaysTheClockIsBehind(t *testing.T) {
	for _, tc := range []struct{ language, want string }{
		{kit.Chinese, "本机时钟比服务器慢 730天"},
		{kit.English, "this PC's clock is 730 d"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			se := dashEnv(t, tc.language)
			off := -730 * 24 * time.Hour
			sync := &fakeSync{st: data.SyncStatus{Online: true, LastSync: se.Clock.Now(), ClockOffset: off}}
			se.sh.bar.refresh(Options{Sync: sync})
			server := kit.DateTime(se.Clock.Now().Add(-off))
			if got := se.sh.StatusText(); !strings.Contains(got, tc.want) || !strings.Contains(got, server) {
				t.Errorf("status = %q, want %q and the server's time %q", got, tc.want, server)
			}
			sync.st.ClockOffset = -3 * time.Second
			se.sh.bar.refresh(Options{Sync: sync})
			if got := se.sh.StatusText(); strings.Contains(got, server) || strings.Contains(got, "730") {
				t.Errorf("3 s off: status = %q", got)
			}
		})
	}
}
