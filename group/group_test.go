package group_test

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	appkeys "floordesk/app/keys"
	apploans "floordesk/app/loans"
	"floordesk/data"
	"floordesk/data/diskspace/disktest"
	"floordesk/group"
	"floordesk/server"
	"floordesk/server/servertest"
	uigroup "floordesk/ui/group"
	"floordesk/ui/kit"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// hotel is a property's desk on the server: a real store with records the
// registers' commands made, pushed by its own sync client.
type hotel struct {
	name string
	desk *apptest.Desk[*registers.All]
}

// newHotel opens a desk of property name with the staff, the rooms, a
// stock of hair dryers and keys, signs overdueKeys keys out due an hour
// after the start, and lends loans hair dryers (due the next day noon).
func newHotel(t *testing.T, name, deskID string, overdueKeys, loans int) *hotel {
	d := apptest.Open(t, deskID, apptest.NewClock(apptest.Start), registers.New)
	d.SeedStaff()
	d.SetupHotel()
	d.Must(d.Core.SetItemType(apptest.SupID, app.ItemTypeInput{Code: "hair_dryer", Name: "hair dryer", Stock: map[string]int{"D1": 9}}))
	for i := range overdueKeys {
		tag := "F3-SEC-" + string(rune('A'+i))
		d.Must(d.Svc.RegisterKey(apptest.SupID, appkeys.NewKey{Tag: tag, Type: appkeys.KeySection, Desk: "D1"}))
		d.Must(d.Svc.SignOutKey(apptest.AttID, appkeys.KeySignOut{Tag: tag, Holder: apptest.Att2ID, Purpose: "clean", Due: apptest.Start.Add(time.Hour)}))
	}
	d.Must(d.Svc.RegisterKey(apptest.SupID, appkeys.NewKey{Tag: "F3-SEC-Z", Type: appkeys.KeySection, Desk: "D1"})) // on the board
	for range loans {
		d.Must(d.Svc.Lend(apptest.AttID, apploans.LendInput{Room: "301", Guest: "王芳", Lines: []apploans.LoanLine{{Item: "hair_dryer", Count: 1}}}))
	}
	return &hotel{name: name, desk: d}
}

// pushAll enrols the hotel's desk and syncs until the server holds every
// event it made.
func (h *hotel) pushAll(t *testing.T, ctx context.Context, st server.Store, url string) {
	made, err := h.desk.Store.OutboxLen()
	if err != nil {
		t.Fatal(err)
	}
	code, err := server.CreateEnrolment(ctx, st, h.name, time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.EnrollStore(ctx, h.desk.Store, url, code); err != nil {
		t.Fatal(err)
	}
	go data.NewSyncClient(h.desk.Store, data.SyncConfig{Logger: quiet}).Run(ctx)
	apptest.WaitFor(t, h.name+" pushed", 20*time.Second, func() bool {
		n, _ := st.LastSeq(ctx, h.name)
		return n == uint64(made)
	})
}

// dashboard is what the desk's own dashboard counts at now: an attendant
// signed in at the desk.
func (h *hotel) dashboard(t *testing.T, now time.Time) uigroup.Counts {
	s := &kit.Session{Svc: h.desk.Core, Do: func(f func()) { f() }, Clock: func() time.Time { return now }}
	s.SignIn(app.Staff{ID: apptest.AttID, Role: app.RoleAttendant})
	return counts(t, s, h.desk.Core, now)
}

func counts(t *testing.T, s *kit.Session, svc *app.Service, now time.Time) uigroup.Counts {
	t.Helper()
	vs, err := uigroup.Load(uigroup.Sources(s, svc))
	if err != nil {
		t.Fatal(err)
	}
	return vs.At(now)
}

// newServer starts a server on loopback on a Badger store of its own,
// stopped when the test ends; it returns the store and the server's URL.
func newServer(t *testing.T) (server.Store, string) {
	srv := servertest.Start(t, servertest.Options{})
	return srv.Store, srv.URL
}

// enrolGroupDesk makes a group desk's own store in dir, enrols it with a
// group code for properties, and returns its group options.
func enrolGroupDesk(t *testing.T, st server.Store, url, dir string, properties ...string) group.Options {
	t.Helper()
	own, err := data.Open(data.Options{Dir: dir, Desk: "group-desk", Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { own.Close() })
	code, err := server.CreateGroupEnrolment(t.Context(), st, properties, time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.EnrollStore(t.Context(), own, url, code); err != nil {
		t.Fatal(err)
	}
	if got := data.GroupOf(own); !slices.Equal(got, properties) {
		t.Fatalf("the group desk reads %v, want %v", got, properties)
	}
	opt, err := group.OptionsFor(own, nil)
	if err != nil {
		t.Fatal(err)
	}
	opt.Sync.Logger = quiet
	return opt
}

// TestGroupDeskSeesEachPropertysDashboard: two properties on a real
// server on loopback, each with records its desk made; a group desk joins
// with a group code for both, loads each property into its own store
// (pull-only), and its overview shows each property's counts equal to
// that property's own dashboard's. A command on the group desk is
// refused and nothing reaches the server.
func TestGroupDeskSeesEachPropertysDashboard(t *testing.T) {
	ctx := t.Context()
	st, url := newServer(t)
	a := newHotel(t, "hotel-a", "desk-a", 1, 2)
	b := newHotel(t, "hotel-b", "desk-b", 2, 0)
	for _, h := range []*hotel{a, b} {
		h.pushAll(t, ctx, st, url)
	}
	opt := enrolGroupDesk(t, st, url, t.TempDir(), "hotel-a", "hotel-b")
	g, err := group.Open(opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range g.Properties {
		if p.Synced() {
			t.Errorf("%s's copy says it synced before its first pull", p.Name)
		}
	}
	runCtx, stopRun := context.WithCancel(ctx)
	ran := make(chan struct{})
	go func() { defer close(ran); g.Run(runCtx) }()
	for _, p := range g.Properties {
		apptest.WaitFor(t, p.Name+" pulled", 20*time.Second, func() bool {
			last, _ := st.LastSeq(ctx, p.Name)
			cur, _ := p.Store.Cursor()
			return cur == last && p.Sync.Status().Online
		})
	}

	now := apptest.Start.Add(48 * time.Hour) // the keys and the loans overdue
	want := map[string]uigroup.Counts{"hotel-a": {KeysOverdue: 1, LoansOverdue: 2}, "hotel-b": {KeysOverdue: 2}}
	for i, h := range []*hotel{a, b} {
		p := g.Properties[i]
		viewer := &kit.Session{Svc: p.Svc, Do: func(f func()) { f() }, Clock: func() time.Time { return now }, EveryDesk: true}
		viewer.SignIn(group.Viewer("group-desk"))
		got, own := counts(t, viewer, p.Svc, now), h.dashboard(t, now)
		if got != own || got != want[h.name] {
			t.Errorf("%s: the group overview counts %+v, its own dashboard %+v; want both %+v", h.name, got, own, want[h.name])
		}
	}

	before, _ := st.LastSeq(ctx, "hotel-a")
	_, err = appkeys.New(g.Properties[0].Svc).SignOutKey(group.Viewer("group-desk").ID,
		appkeys.KeySignOut{Tag: "F3-SEC-Z", Holder: apptest.AttID, Purpose: "clean", Due: now.Add(time.Hour)})
	apptest.WantRefusal(t, err, app.ErrForbidden, "")
	if n, _ := g.Properties[0].Store.OutboxLen(); n != 0 {
		t.Errorf("the group desk's copy holds %d events to send after a refused command", n)
	}
	if after, _ := st.LastSeq(ctx, "hotel-a"); after != before {
		t.Errorf("hotel-a went from %d to %d events after the group desk's command", before, after)
	}

	// What the overview keeps of each copy stays across a restart, before
	// any sync: it opens at once, and says when its last event came.
	received := time.Date(2026, 3, 3, 16, 55, 0, 0, time.UTC)
	for _, p := range g.Properties {
		if !p.Synced() {
			t.Errorf("%s's copy pulled everything but does not say it synced", p.Name)
		}
		p.Received(received)
	}
	stopRun()
	<-ran
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := group.Open(opt)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	for _, p := range again.Properties {
		if !p.Synced() || !p.LastReceived().Equal(received) {
			t.Errorf("%s's copy after a restart: synced %v, last event received %v; want true, %v", p.Name, p.Synced(), p.LastReceived(), received)
		}
	}
}

// TestANewGrantRemovesCopiesNoLongerListed: a group desk given a new code
// that lists fewer properties deletes the copies of the others (their
// guests' data has no reason to stay on this PC; the server keeps it),
// and leaves alone what is not a copy.
func TestANewGrantRemovesCopiesNoLongerListed(t *testing.T) {
	dir := t.TempDir()
	open := func(props ...string) *group.Desk {
		t.Helper()
		d, err := group.Open(group.Options{Dir: dir, Desk: "group-desk", Properties: props,
			Sync: data.SyncConfig{URL: "http://127.0.0.1:1", Token: "t"}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		return d
	}
	d := open("grand-hotel", "harbour-hotel")
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(dir, "group", "notes")
	if err := os.MkdirAll(notes, 0o700); err != nil {
		t.Fatal(err)
	}
	d = open("harbour-hotel")
	if !slices.Equal(d.Removed, []string{"grand-hotel"}) {
		t.Errorf("removed %v, want [grand-hotel]", d.Removed)
	}
	if _, err := os.Stat(group.StoreDir(dir, "grand-hotel")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the copy of grand-hotel is still there: %v", err)
	}
	for _, keep := range []string{group.StoreDir(dir, "harbour-hotel"), notes} {
		if _, err := os.Stat(keep); err != nil {
			t.Errorf("%s is gone: %v", keep, err)
		}
	}
	if len(d.Properties) != 1 || d.Properties[0].Name != "harbour-hotel" {
		t.Errorf("the granted copy is not open: %v", d.Properties)
	}
}

// TestGroupCopyOnAFullDiskWaitsAndCatchesUp: a group desk whose disk
// fills saves nothing it pulls for a property: its copy keeps what it
// had, its sync state says the disk is full (which the overview says in
// words), the other property's copy is not stopped by it, and once space
// is freed the copy catches up without a restart.
func TestGroupCopyOnAFullDiskWaitsAndCatchesUp(t *testing.T) {
	root := disktest.Tmpfs(t, data.DiskReserve+96<<20)
	st, url := newServer(t)
	a := newHotel(t, "hotel-a", "desk-a", 1, 0)
	b := newHotel(t, "hotel-b", "desk-b", 1, 0)
	for _, h := range []*hotel{a, b} {
		h.pushAll(t, t.Context(), st, url)
	}
	g, err := group.Open(enrolGroupDesk(t, st, url, disktest.Dir(t, root, "group-desk"), "hotel-a", "hotel-b"))
	if err != nil {
		t.Fatal(err)
	}
	ran := make(chan struct{})
	ctx, stop := context.WithCancel(t.Context())
	go func() { defer close(ran); g.Run(ctx) }()
	t.Cleanup(func() { stop(); <-ran; g.Close() })
	pulled := func(p *group.Property) bool {
		last, _ := st.LastSeq(t.Context(), p.Name)
		cur, _ := p.Store.Cursor()
		return cur == last
	}
	for _, p := range g.Properties {
		apptest.WaitFor(t, p.Name+" pulled", 20*time.Second, func() bool { return pulled(p) })
	}
	copyA, copyB := g.Properties[0], g.Properties[1]
	held, _ := copyA.Store.Cursor()

	filler := disktest.Fill(t, root, data.DiskReserve-8<<20)
	apptest.WaitFor(t, "the copy to see its disk full", 10*time.Second, func() bool { return copyA.Store.Disk().Full })
	signOut := func(h *hotel) {
		h.desk.Must(h.desk.Svc.SignOutKey(apptest.AttID, appkeys.KeySignOut{Tag: "F3-SEC-Z", Holder: apptest.Att2ID, Purpose: "clean", Due: apptest.Start.Add(time.Hour)}))
	}
	signOut(a)
	apptest.WaitFor(t, "hotel-a's copy to say its disk is full", 15*time.Second, func() bool {
		return copyA.Sync.Status().Problem == data.ProblemDiskFull
	})
	if cur, _ := copyA.Store.Cursor(); cur != held {
		t.Errorf("hotel-a's copy moved its cursor from %d to %d on a full disk", held, cur)
	}

	filler.Remove()
	signOut(b)
	for _, p := range []*group.Property{copyA, copyB} {
		apptest.WaitFor(t, p.Name+" caught up once space is freed", 20*time.Second, func() bool {
			return pulled(p) && p.Sync.Status().Problem == data.ProblemNone
		})
	}
	now := apptest.Start.Add(48 * time.Hour)
	viewer := &kit.Session{Svc: copyA.Svc, Do: func(f func()) { f() }, Clock: func() time.Time { return now }, EveryDesk: true}
	viewer.SignIn(group.Viewer("group-desk"))
	if got := counts(t, viewer, copyA.Svc, now); got.KeysOverdue != 2 {
		t.Errorf("hotel-a's copy counts %d keys overdue after catching up, want 2", got.KeysOverdue)
	}
}
