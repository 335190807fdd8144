package group

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	appkeys "floordesk/app/keys"
	"floordesk/data"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// syncAt is a sync client's status as the overview reads it, fixed for a
// screenshot (the real client is driven in floordesk/group's test).
type syncAt struct {
	mu sync.Mutex
	st data.SyncStatus
	ch chan struct{}
}

func (s *syncAt) Status() data.SyncStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st
}

func (s *syncAt) Watch() (<-chan struct{}, func()) { return s.ch, func() {} }

func (s *syncAt) set(st data.SyncStatus) {
	s.mu.Lock()
	s.st = st
	s.mu.Unlock()
	s.ch <- struct{}{}
}

// property fills a property's store with staff and keys signed out due
// an hour after the start, overdue of them.
func property(t *testing.T, svc *registers.All, overdue int) {
	t.Helper()
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(svc.FirstSupervisor(app.NewStaff{Number: apptest.SupID, Name: "Li Na", Department: "housekeeping", PIN: "1234", Shift: "morning"}))
	must(svc.AddStaff(apptest.SupID, app.NewStaff{Number: apptest.AttID, Name: "Wang Fang", Department: "housekeeping", Role: app.RoleAttendant, PIN: "2345", Shift: "morning"}))
	for i := range overdue {
		tag := "F3-SEC-" + string(rune('A'+i))
		must(svc.RegisterKey(apptest.SupID, appkeys.NewKey{Tag: tag, Type: appkeys.KeySection}))
		must(svc.SignOutKey(apptest.AttID, appkeys.KeySignOut{Tag: tag, Holder: apptest.AttID, Purpose: "clean", Due: kittest.Start.Add(time.Hour)}))
	}
}

// secondStore is another property's copy beside the test's own.
func secondStore(t *testing.T, clock *apptest.Clock) (*data.Store, *registers.All) {
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-test", Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := app.New(st, clock.Now)
	svc.PINCost, svc.Location = app.PINCost{Time: 1, MemoryKiB: 64, Threads: 1}, time.UTC
	return st, registers.New(svc)
}

// TestOverviewShots: the overview of two properties shows each one's
// overdue keys as its dashboard counts them, in red, and its sync state;
// a key signed back in at a property shows when its copy changes, a copy
// coming online when its client says so, and Open opens the row's
// property. In
// Chinese and English, against testdata/shots.
func TestOverviewShots(t *testing.T) {
	for _, language := range []string{kit.Chinese, kit.English} {
		e := kittest.NewIn(t, language)
		e.UseFontTheme()
		property(t, e.Svc, 1)
		st2, svc2 := secondStore(t, e.Clock)
		property(t, svc2, 3)
		e.Clock.Set(kittest.Start.Add(3 * time.Hour))
		synced := time.Date(2026, 3, 3, 16, 55, 0, 0, time.Local)
		a := &syncAt{st: data.SyncStatus{Online: true, LastSync: synced}, ch: make(chan struct{}, 1)}
		b := &syncAt{st: data.SyncStatus{LastSync: synced.Add(-2 * time.Hour)}, ch: make(chan struct{}, 1)}
		var opened string
		o := New(e.Session, "group-desk", []Property{
			{Name: "grand-hotel", Svc: e.Svc.Service, Feed: e.Store, Sync: a},
			{Name: "harbour-hotel", Svc: svc2.Service, Feed: st2, Sync: b},
		}, func(name string) { opened = name })
		e.Window.SetContent(o.Content())
		o.Start()
		kittest.Shows(t, o.Content(), lang.L("group.title"), "grand-hotel", "harbour-hotel", "3",
			lang.L("group.online", map[string]string{"Time": "16:55"}), lang.L("group.offline", map[string]string{"Time": "14:55"}))
		if got := o.rows[1].counts[1]; got.Text != "3" || got.Importance != widget.DangerImportance {
			t.Errorf("harbour-hotel's keys overdue read %q (importance %d), want 3 in red", got.Text, got.Importance)
		}
		e.MatchShot(t, "group-overview-"+language)

		if _, err := e.Svc.SignInKey(apptest.AttID, "F3-SEC-A"); err != nil {
			t.Fatal(err)
		}
		waitUntil(t, "the key back counted", func() bool { return o.rows[0].counts[1].Text == "0" })
		b.set(data.SyncStatus{Online: true, LastSync: synced})
		waitUntil(t, "harbour-hotel online", func() bool {
			return o.rows[1].state.Text == lang.L("group.online", map[string]string{"Time": "16:55"})
		})
		test.Tap(o.rows[1].open)
		if opened != "harbour-hotel" {
			t.Errorf("Open on harbour-hotel's row opened %q", opened)
		}
		o.Stop()
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
