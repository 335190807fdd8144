package group

import (
	"strings"
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
	select { // a watcher reads at most one kick: the status is read whole
	case s.ch <- struct{}{}:
	default:
	}
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

// copyAt is what the overview keeps of a copy, set by the test.
type copyAt struct {
	mu     sync.Mutex
	synced bool
	last   time.Time
}

func (c *copyAt) Synced() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.synced
}

func (c *copyAt) LastReceived() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

func (c *copyAt) Received(at time.Time) {
	c.mu.Lock()
	c.last = at
	c.mu.Unlock()
}

func (c *copyAt) arrived() {
	c.mu.Lock()
	c.synced = true
	c.mu.Unlock()
}

// TestOverviewShots: the overview of three properties shows each one's
// overdue keys as its dashboard counts them, in red, and its sync state:
// online, when its copy last received an event; offline, since when and
// why; a copy still arriving cannot be opened and says so. A key signed
// back in at a property shows when its copy changes, with the time it was
// received; a copy coming online when its client says so; the copy that
// arrived opens. In Chinese and English, against testdata/shots.
func TestOverviewShots(t *testing.T) {
	for _, language := range []string{kit.Chinese, kit.English} {
		e := kittest.NewIn(t, language)
		e.UseFontTheme()
		q := kittest.NewUIQueue() // the overview's watchers touch widgets only through it
		e.Session.Do = q.Do
		property(t, e.Svc, 1)
		st2, svc2 := secondStore(t, e.Clock)
		property(t, svc2, 3)
		st3, svc3 := secondStore(t, e.Clock) // nothing arrived yet
		e.Clock.Set(kittest.Start.Add(3 * time.Hour))
		at := func(h, m int) time.Time { return time.Date(2026, 3, 3, h, m, 0, 0, time.UTC) }
		a := &syncAt{st: data.SyncStatus{Online: true, LastSync: at(17, 0)}, ch: make(chan struct{}, 1)}
		b := &syncAt{st: data.SyncStatus{LastSync: at(14, 55), Problem: data.ProblemUnreachable}, ch: make(chan struct{}, 1)}
		c := &syncAt{st: data.SyncStatus{Problem: data.ProblemUnreachable}, ch: make(chan struct{}, 1)}
		ca, cb, cc := &copyAt{synced: true, last: at(16, 40)}, &copyAt{synced: true, last: at(14, 50)}, &copyAt{}
		var opened string
		o := New(e.Session, "group-desk", []Property{
			{Name: "grand-hotel", Svc: e.Svc.Service, Feed: e.Store, Sync: a, Copy: ca},
			{Name: "harbour-hotel", Svc: svc2.Service, Feed: st2, Sync: b, Copy: cb},
			{Name: "river-hotel", Svc: svc3.Service, Feed: st3, Sync: c, Copy: cc},
		}, func(name string) { opened = name })
		e.Window.SetContent(o.Content())
		o.Start()
		why := lang.L("group.why.unreachable")
		kittest.Shows(t, o.Content(), lang.L("group.title"), "grand-hotel", "harbour-hotel", "river-hotel", "3",
			lang.L("group.online", map[string]string{"Time": "16:40"}),
			lang.L("group.offline", map[string]string{"Time": "14:55", "Why": why}),
			lang.L("group.offline_never", map[string]string{"Why": why}), lang.L("group.arriving"))
		if got := o.rows[1].counts[1]; got.Text != "3" || got.Importance != widget.DangerImportance {
			t.Errorf("harbour-hotel's keys overdue read %q (importance %d), want 3 in red", got.Text, got.Importance)
		}
		if !o.rows[2].open.Disabled() || o.rows[0].open.Disabled() {
			t.Errorf("Open enabled: river-hotel (not arrived) %v, grand-hotel (arrived) %v", !o.rows[2].open.Disabled(), !o.rows[0].open.Disabled())
		}
		e.MatchShot(t, "group-overview-"+language)

		test.Tap(o.rows[2].open)
		if opened != "" {
			t.Errorf("Open opened %q before its copy arrived", opened)
		}
		if _, err := e.Svc.SignInKey(apptest.AttID, "F3-SEC-A"); err != nil {
			t.Fatal(err)
		}
		q.Until(t, "the key back counted, received now", func() bool {
			return o.rows[0].counts[1].Text == "0" && o.rows[0].state.Text == lang.L("group.online", map[string]string{"Time": "17:00"})
		})
		b.set(data.SyncStatus{Online: true, LastSync: at(17, 0)})
		q.Until(t, "harbour-hotel online", func() bool {
			return o.rows[1].state.Text == lang.L("group.online", map[string]string{"Time": "14:50"})
		})
		cc.arrived()
		c.set(data.SyncStatus{Online: true, LastSync: at(17, 0)})
		q.Until(t, "river-hotel arrived", func() bool {
			return !o.rows[2].open.Disabled() && o.rows[2].open.Text == lang.L("group.open") &&
				o.rows[2].state.Text == lang.L("group.online_no_event")
		})
		test.Tap(o.rows[2].open)
		if opened != "river-hotel" {
			t.Errorf("Open on river-hotel's row opened %q", opened)
		}
		o.Stop()
	}
}

// TestSyncTextBeforeTheFirstAnswer: a copy whose client has not had an
// answer yet, with nothing gone wrong, says it is connecting, not that the
// server cannot be reached (which the overview said for the seconds after
// a group desk joined); once the server cannot be reached, it says so.
func TestSyncTextBeforeTheFirstAnswer(t *testing.T) {
	kittest.NewIn(t, kit.Chinese)
	s := &syncAt{ch: make(chan struct{}, 1)}
	r := &row{p: Property{Name: "grand-hotel", Sync: s}}
	now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	if got, want := r.syncText(now), lang.L("group.connecting"); got != want {
		t.Errorf("before the first answer: %q, want %q", got, want)
	}
	s.set(data.SyncStatus{Problem: data.ProblemUnreachable})
	if got, want := r.syncText(now), lang.L("group.offline_never", map[string]string{"Why": lang.L("group.why.unreachable")}); got != want {
		t.Errorf("unreachable: %q, want %q", got, want)
	}
	s.set(data.SyncStatus{Problem: data.ProblemDiskFull, LastSync: now.Add(-time.Hour)})
	if got, why := r.syncText(now), lang.L("group.why.disk_full"); !strings.Contains(got, why) {
		t.Errorf("this PC's disk full: %q does not say %q", got, why)
	}
}
