package data_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/servertest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// listFold is the tests' own deterministic fold: the entity's state is the
// list of its event types with their desks, in fold order.
func listFold(_ wire.EntityRef, state []byte, ev wire.Event) ([]byte, error) {
	var list []string
	if state != nil {
		if err := json.Unmarshal(state, &list); err != nil {
			return nil, err
		}
	}
	return json.Marshal(append(list, ev.Type+"@"+ev.Desk))
}

// syncServer is a real sync server on loopback.
type syncServer struct {
	t     *testing.T
	store *badgerstore.Store
	srv   *server.Server
	http  *httptest.Server
	sw    *switchable
}

func newSyncServer(t *testing.T) *syncServer { return newSyncServerWith(t, nil) }

// waitHeld waits until the server holds n events of property. A sync
// client's Pending is 0 before it has counted its outbox, so it cannot
// tell that a push arrived.
func (s *syncServer) waitHeld(property string, n uint64) {
	s.t.Helper()
	waitFor(s.t, fmt.Sprintf("%d events of %s on the server", n, property), 10*time.Second, func() bool {
		last, _ := s.store.LastSeq(s.t.Context(), property)
		return last == n
	})
}

func (s *syncServer) code(property string) string {
	s.t.Helper()
	code, err := server.CreateEnrolment(s.t.Context(), s.store, property, time.Now(), time.Hour)
	if err != nil {
		s.t.Fatal(err)
	}
	return code
}

func openDesk(t *testing.T, desk string) *data.Store {
	t.Helper()
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: desk, Fold: listFold, Logger: quiet, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// startSync runs a sync client for st until the test ends.
func startSync(t *testing.T, st *data.Store, cfg data.SyncConfig) *data.SyncClient {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = quiet
	}
	if cfg.MinBackoff == 0 {
		cfg.MinBackoff, cfg.MaxBackoff = 20*time.Millisecond, 200*time.Millisecond
	}
	if cfg.PollWait == 0 {
		cfg.PollWait = 2 * time.Second
	}
	c := data.NewSyncClient(st, cfg)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := c.Run(ctx); err != nil {
			t.Errorf("sync run: %v", err)
		}
	})
	t.Cleanup(func() {
		cancel()
		wg.Wait()
	})
	return c
}

func appendKey(t *testing.T, st *data.Store, id, typ string) wire.Event {
	t.Helper()
	ev, err := st.Append(wire.Event{Actor: "staff-1", Entity: wire.EntityRef{Kind: "key", ID: id}, Type: typ, Body: json.RawMessage(`{"n":1}`)})
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func waitFor(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func hasEvent(st *data.Store, id string) bool {
	_, err := st.Get(id)
	return err == nil
}

func TestSyncTwoDesksSeeEachOther(t *testing.T) {
	srv := newSyncServer(t)
	a, b := openDesk(t, "desk-a"), openDesk(t, "desk-b")
	for _, st := range []*data.Store{a, b} {
		if err := data.EnrollStore(t.Context(), st, srv.http.URL+"/", srv.code("hotel")); err != nil {
			t.Fatalf("enrol %s: %v", st.Desk(), err)
		}
	}
	ca := startSync(t, a, data.SyncConfig{})
	cb := startSync(t, b, data.SyncConfig{})
	changed, stop := cb.Watch()
	defer stop()
	evA := appendKey(t, a, "F3-MASTER", "key.signed_out")
	evB := appendKey(t, b, "F3-MASTER", "key.returned")
	waitFor(t, "both events on both desks", 10*time.Second, func() bool {
		return hasEvent(a, evB.ID) && hasEvent(b, evA.ID)
	})
	ref := wire.EntityRef{Kind: "key", ID: "F3-MASTER"}
	waitFor(t, "the same view on both desks", 5*time.Second, func() bool {
		va, _ := a.View(ref)
		vb, _ := b.View(ref)
		return string(va) == string(vb) && len(va) > 0
	})
	for _, c := range []*data.SyncClient{ca, cb} {
		waitFor(t, "an idle, online status", 5*time.Second, func() bool {
			s := c.Status()
			return s.Online && s.Pending == 0 && !s.LastSync.IsZero() && s.LastError == "" && s.Problem == data.ProblemNone
		})
	}
	select {
	case <-changed:
	default:
		t.Fatal("Watch was not signalled by status changes")
	}
}

func TestSyncOfflineShowsPendingAndReason(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ln.Close() // nothing listens there now
	st := openDesk(t, "desk-a")
	appendKey(t, st, "K1", "key.signed_out")
	appendKey(t, st, "K2", "key.signed_out")
	// A long backoff: the pending count must follow without a retry.
	c := startSync(t, st, data.SyncConfig{URL: url, Token: "fdt_x", MinBackoff: time.Hour, MaxBackoff: time.Hour})
	waitFor(t, "an offline status", 5*time.Second, func() bool {
		s := c.Status()
		return !s.Online && s.Pending == 2 && s.LastError != ""
	})
	if s := c.Status(); s.Problem != data.ProblemUnreachable || s.LastError != "Cannot reach the server. Work goes on; it will be sent when the network is back." {
		t.Fatalf("Problem = %v, LastError = %q", s.Problem, s.LastError)
	}
	appendKey(t, st, "K3", "key.signed_out")
	waitFor(t, "the pending count to follow offline work", 5*time.Second, func() bool { return c.Status().Pending == 3 })
}

func TestSyncRefusedTokenSaysSo(t *testing.T) {
	srv := newSyncServer(t)
	st := openDesk(t, "desk-a")
	appendKey(t, st, "K1", "key.signed_out")
	c := startSync(t, st, data.SyncConfig{URL: srv.http.URL, Token: "fdt_unknown"})
	waitFor(t, "a refused status", 5*time.Second, func() bool {
		s := c.Status()
		return !s.Online && s.Problem == data.ProblemRefused && s.LastError == "The server refused this desk. Ask a supervisor to enrol the desk again."
	})
	if n, _ := srv.store.LastSeq(t.Context(), "hotel"); n != 0 {
		t.Fatalf("server stored %d events from a refused desk", n)
	}
}

func TestSyncNotConfigured(t *testing.T) {
	st := openDesk(t, "desk-a")
	err := data.NewSyncClient(st, data.SyncConfig{Logger: quiet}).Run(t.Context())
	if !errors.Is(err, data.ErrSyncNotConfigured) {
		t.Fatalf("Run without a server = %v, want ErrSyncNotConfigured", err)
	}
}

func TestSyncEnrolRefusals(t *testing.T) {
	srv := newSyncServer(t)
	code := srv.code("hotel")
	if _, err := data.Enroll(t.Context(), srv.http.URL, code, "desk-a"); err != nil {
		t.Fatal(err)
	}
	if _, err := data.Enroll(t.Context(), srv.http.URL, code, "desk-b"); !errors.Is(err, data.ErrEnrolmentRefused) {
		t.Fatalf("used code: %v, want ErrEnrolmentRefused", err)
	}
	if _, err := data.Enroll(t.Context(), srv.http.URL, srv.code("hotel"), "desk-a"); !errors.Is(err, data.ErrDeskEnrolled) {
		t.Fatalf("taken desk ID: %v, want ErrDeskEnrolled", err)
	}
}

// A server restored from an older backup has a new epoch, lacks recent
// events and has signed every desk out: the desk, enrolled again, re-pushes
// everything and pulls again from zero.
func TestSyncNewEpochRepushes(t *testing.T) {
	srv := newSyncServer(t)
	desk := openDesk(t, "desk-a")
	if err := data.EnrollStore(t.Context(), desk, srv.http.URL, srv.code("hotel")); err != nil {
		t.Fatal(err)
	}
	var backup []byte
	{
		pr, pw := io.Pipe()
		go func() { pw.CloseWithError(srv.store.Backup(pw)) }()
		backup, _ = io.ReadAll(pr)
	}
	c := startSync(t, desk, data.SyncConfig{})
	evs := []wire.Event{appendKey(t, desk, "K1", "key.signed_out"), appendKey(t, desk, "K2", "loan.opened")}
	srv.waitHeld("hotel", 2)
	waitFor(t, "the push acknowledged", 10*time.Second, func() bool { return c.Status().Pending == 0 })

	restored := restoreServer(t, backup)
	srv.sw.set(restored.Handler())
	srv.srv.Close() // answers the pull held by the old server
	srv.http.CloseClientConnections()
	waitFor(t, "the desk to be refused", 10*time.Second, func() bool { return c.Status().Problem == data.ProblemRefused })
	code, err := server.CreateEnrolment(t.Context(), restored.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.EnrollStore(t.Context(), desk, srv.http.URL, code); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the restored server to get the desk's events back", 10*time.Second, func() bool {
		n, _ := restored.store.LastSeq(t.Context(), "hotel")
		return n == uint64(len(evs))
	})
	epoch, _ := restored.store.Epoch(t.Context())
	waitFor(t, "the desk to adopt the new epoch", 5*time.Second, func() bool {
		e, _ := desk.Epoch()
		cur, _ := desk.Cursor()
		return e == epoch && cur == uint64(len(evs))
	})
}

type restoredServer struct {
	*server.Server
	store *badgerstore.Store
}

func restoreServer(t *testing.T, backup []byte) restoredServer {
	t.Helper()
	dir := t.TempDir()
	if err := badgerstore.Restore(dir, bytes.NewReader(backup), quiet); err != nil {
		t.Fatal(err)
	}
	srv := servertest.Start(t, servertest.Options{Dir: dir, LongPoll: 5 * time.Second})
	return restoredServer{srv.Server, srv.Store}
}

// switchable serves through whichever handler was set last.
type switchable struct{ h atomic.Pointer[http.Handler] }

func (s *switchable) set(h http.Handler) { s.h.Store(&h) }

func (s *switchable) ServeHTTP(w http.ResponseWriter, r *http.Request) { (*s.h.Load()).ServeHTTP(w, r) }

// TestServerInfoSaysWhatIsOnTheWay: a joining desk learns how many events
// the server holds for its hotel before they arrive.
func TestServerInfoSaysWhatIsOnTheWay(t *testing.T) {
	srv := newSyncServer(t)
	fresh := openDesk(t, "desk-new")
	if _, err := data.ServerInfo(t.Context(), fresh); !errors.Is(err, data.ErrSyncNotConfigured) {
		t.Fatalf("info before enrolment: %v, want ErrSyncNotConfigured", err)
	}
	a := openDesk(t, "desk-a")
	if err := data.EnrollStore(t.Context(), a, srv.http.URL, srv.code("grand")); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		appendKey(t, a, fmt.Sprintf("K%d", i), "key.registered")
	}
	startSync(t, a, data.SyncConfig{})
	srv.waitHeld("grand", 3)
	if err := data.EnrollStore(t.Context(), fresh, srv.http.URL, srv.code("grand")); err != nil {
		t.Fatal(err)
	}
	info, err := data.ServerInfo(t.Context(), fresh)
	if err != nil || info.LastSeq != 3 || info.Property != "grand" || info.Desk != "desk-new" {
		t.Fatalf("info = %+v, %v; want 3 events of grand for desk-new", info, err)
	}
}

// TestEnrolAgainWhileRunning: a desk whose token was revoked is enrolled
// again by a supervisor while the app runs; the running client takes the
// new token at once (no restart, no waiting out its backoff) and sends
// what was saved meanwhile.
func TestEnrolAgainWhileRunning(t *testing.T) {
	srv := newSyncServer(t)
	st := openDesk(t, "desk-a")
	if err := data.EnrollStore(t.Context(), st, srv.http.URL, srv.code("grand")); err != nil {
		t.Fatal(err)
	}
	c := startSync(t, st, data.SyncConfig{MinBackoff: time.Hour, MaxBackoff: time.Hour})
	waitFor(t, "the first sync", 10*time.Second, func() bool { return c.Status().Online })
	if err := srv.store.Revoke(t.Context(), "desk-a", time.Now()); err != nil {
		t.Fatal(err)
	}
	appendKey(t, st, "K1", "key.registered")
	waitFor(t, "the refusal", 10*time.Second, func() bool {
		s := c.Status()
		return !s.Online && s.Problem == data.ProblemRefused && s.Pending == 1
	})
	if err := data.EnrollStore(t.Context(), st, srv.http.URL, srv.code("grand")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the event to go with the new token", 10*time.Second, func() bool {
		s := c.Status()
		return s.Online && s.Pending == 0 && s.Problem == data.ProblemNone
	})
	if last, err := srv.store.LastSeq(t.Context(), "grand"); err != nil || last != 1 {
		t.Fatalf("server holds %d events, %v; want 1", last, err)
	}
}
