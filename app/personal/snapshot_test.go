package personal_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/found"
	"floordesk/app/personal"
	"floordesk/data"
	"floordesk/data/pkey"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/servertest"
)

// TestSnapshotJoinMatchesReplay: a hotel's history on a real server on
// loopback (its Badger store), a guest's records deleted on request. A
// desk joining by pulling every event and a desk joining from the
// server's snapshot hold the same bytes of every stream, view and index
// entry; neither can read the deleted guest, both read another guest.
func TestSnapshotJoinMatchesReplay(t *testing.T) {
	srv := startServer(t)
	origin := apptest.New(t, found.New)
	origin.SetupHotel()
	other := historyWithGuests(t, origin)
	if _, err := personal.DeleteGuest(origin.Core, apptest.SupID, personal.Query{Phone: guestPhone}); err != nil {
		t.Fatal(err)
	}
	srv.sync(t, origin.Store)
	last, _ := srv.store.LastSeq(context.Background(), "hotel")
	if last < 3000 {
		t.Fatalf("the server holds %d events: too few to span several transactions", last)
	}

	_, erased := keyCounts(t, origin.Store)
	if erased == 0 {
		t.Fatal("the deletion erased no key at the desk that made it")
	}

	pulled := apptest.Open(t, "desk-pulled", apptest.NewClock(origin.Clock.Now()), found.New)
	if st := srv.join(t, pulled.Store, data.SyncConfig{NoSnapshot: true}, last); st.FromSnapshot != 0 {
		t.Fatalf("the desk told to pull loaded %d events from a snapshot", st.FromSnapshot)
	}
	snap := apptest.Open(t, "desk-snapshot", apptest.NewClock(origin.Clock.Now()), found.New)
	if st := srv.join(t, snap.Store, data.SyncConfig{}, last); st.FromSnapshot != int(last) {
		t.Fatalf("the new desk loaded %d events from the snapshot, want all %d", st.FromSnapshot, last)
	}

	a, b := hotelState(t, pulled.Store), hotelState(t, snap.Store)
	if len(a) != len(b) {
		t.Fatalf("the pulled desk holds %d keys, the snapshot's %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("key %d differs:\npulled:   %.300q\nsnapshot: %.300q", i, a[i], b[i])
		}
	}
	// The snapshot's desk holds the other desks' chains as the pulled one
	// does, in the same order: floordesk verify finds them whole, with
	// the origin's signatures checked.
	ring := origin.Store.KeyRing()
	va, errA := pulled.Store.Verify(ring)
	vb, errB := snap.Store.Verify(ring)
	if errA != nil || errB != nil || !vb.OK() || vb.String() != va.String() || vb.Events != int(last) {
		t.Fatalf("verify: pulled %v\n%s\nsnapshot %v\n%s", errA, va, errB, vb)
	}
	for _, d := range []*desk{pulled, snap} {
		if bytes.Contains(apptest.Readable(t, d.Store), []byte(guestPhone)) || bytes.Contains(apptest.Readable(t, d.Store), []byte(guestName)) {
			t.Errorf("desk %s can read the deleted guest", d.Store.Desk())
		}
		if r, err := d.Svc.LostReport(other); err != nil || r.Guest != "王先生" {
			t.Errorf("desk %s reads the other guest's report as %q (%v)", d.Store.Desk(), r.Guest, err)
		}
		if live, n := keyCounts(t, d.Store); n != erased || live < 1500 {
			t.Errorf("desk %s holds %d keys erased and %d live, want %d erased", d.Store.Desk(), n, live, erased)
		}
	}
}

// keyCounts counts the guest-data keys a desk holds, live and erased.
func keyCounts(t *testing.T, st *data.Store) (live, erased int) {
	t.Helper()
	evs, _, err := st.Log(0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		switch {
		case ev.Entity.Kind != pkey.Kind || ev.Type != pkey.TypeIssued:
		case pkey.IsErased(ev.Body):
			erased++
		default:
			live++
		}
	}
	return live, erased
}

// historyWithGuests makes the deleted guest's claimed item and report,
// and 1,500 other guests' loss reports (each sealed with a key of its
// own, so the keys and their records span many transactions), and
// returns the first other report.
func historyWithGuests(t *testing.T, d *desk) string {
	t.Helper()
	claimedWithReport(t, d)
	first := ""
	for i := range 1500 {
		name := fmt.Sprintf("客人%d", i)
		if i == 0 {
			name = "王先生"
		}
		r, _, err := d.Svc.FileLostReport(apptest.AttID, found.LostReportInput{Guest: name, Contact: fmt.Sprintf("138%08d", i),
			Place: "大堂", LostAt: apptest.Start, Category: app.CatClothing, Description: "black bag"})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = r.ID
		}
		d.Clock.Advance(time.Second)
	}
	return first
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// testServer is a real server on loopback over a Badger folder.
type testServer struct {
	store *badgerstore.Store
	url   string
}

func startServer(t *testing.T) *testServer {
	srv := servertest.Start(t, servertest.Options{})
	return &testServer{store: srv.Store, url: srv.URL}
}

// sync enrols st and runs its sync client until its outbox is empty.
func (s *testServer) sync(t *testing.T, st *data.Store) {
	t.Helper()
	s.run(t, st, data.SyncConfig{}, func() bool { n, _ := st.OutboxLen(); return n == 0 })
}

// join enrols st and runs its sync client until its cursor reaches last.
func (s *testServer) join(t *testing.T, st *data.Store, cfg data.SyncConfig, last uint64) data.SyncStatus {
	t.Helper()
	return s.run(t, st, cfg, func() bool { c, _ := st.Cursor(); return c >= last })
}

func (s *testServer) run(t *testing.T, st *data.Store, cfg data.SyncConfig, done func() bool) data.SyncStatus {
	t.Helper()
	code, err := server.CreateEnrolment(context.Background(), s.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.EnrollStore(context.Background(), st, s.url, code); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cfg.Logger = quiet
	c := data.NewSyncClient(st, cfg)
	ended := make(chan struct{})
	go func() { c.Run(ctx); close(ended) }()
	for deadline := time.Now().Add(2 * time.Minute); !done(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			cancel()
			<-ended
			t.Fatalf("desk %s: sync did not finish: %+v", st.Desk(), c.Status())
		}
	}
	cancel()
	<-ended // the status is whole once the client stopped
	return c.Status()
}

// hotelState is every key and value of the hotel's state a desk holds.
func hotelState(t *testing.T, st *data.Store) []string {
	t.Helper()
	var out []string
	if err := st.HotelState(func(k, v []byte) error {
		out = append(out, string(k)+"\x00"+string(v))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}
