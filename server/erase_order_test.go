package server_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"floordesk/data/pkey"
	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
)

// guestKey is the personal-data key of the tests below, and how it reads
// in an event's encoding.
var (
	guestKey    = []byte("0123456789abcdef0123456789abcdef")
	guestKeyB64 = base64.StdEncoding.EncodeToString(guestKey)
)

// keyIssue is a desk's issue of guestKey as key id, and its destroy.
func keyIssue(id string) (issued, destroyed server.Pushed) {
	key := wire.EntityRef{Kind: pkey.Kind, ID: id}
	issued = eventWith(func(x *wire.Event) {
		x.Entity, x.Type = key, pkey.TypeIssued
		x.Body, _ = json.Marshal(pkey.Issued{Key: guestKey})
	})
	destroyed = eventWith(func(x *wire.Event) {
		x.Entity, x.Type = key, pkey.TypeDestroyed
		x.Body, _ = json.Marshal(pkey.Destroyed{Issued: issued.Event.ID, Reason: "request"})
	})
	return issued, destroyed
}

// plainReportErased is a loss report from before sealing, with the guest's name
// and phone in the clear, and the erasure of both.
func plainReportErased() (plain, erasure server.Pushed) {
	report := wire.EntityRef{Kind: "lostreport", ID: "r1"}
	plain = eventWith(func(x *wire.Event) {
		x.Entity, x.Type, x.Body = report, "lostreport.filed", []byte(`{"guest":"陈晓燕","contact":"13912345678","room":"302"}`)
	})
	erasure = eventWith(func(x *wire.Event) {
		x.Entity, x.Type = report, pkey.TypeFieldsErased
		x.Body, _ = json.Marshal(pkey.FieldsErased{Events: []pkey.ErasedEvent{{ID: plain.Event.ID, Fields: []string{"guest", "contact"}}}})
	})
	return plain, erasure
}

// TestKeyDestroyedBeforeItCame: after a restore, a desk re-pushes a
// guest's key destroy before another desk re-pushes the key itself. The
// server stores the key event erased as it comes: no pull and no snapshot
// carries the key, the plain re-push is a duplicate, and nothing stays
// pending. On Badger and PostgreSQL.
func TestKeyDestroyedBeforeItCame(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		a, b := e.enroll("hotel", "desk-a"), e.enroll("hotel", "desk-b")
		issued, destroyed := keyIssue("k-guest")
		e.push(a, []server.Pushed{destroyed})
		if res := e.push(b, []server.Pushed{issued}); res.Stored != 1 {
			t.Fatalf("the key event's push = %+v", res)
		}
		joiner := e.enroll("hotel", "desk-new")
		if pulled := pullText(t, e, joiner); !strings.Contains(pulled, issued.Event.ID) || strings.Contains(pulled, guestKeyB64) {
			t.Fatalf("a new desk's pull should hold the key event erased: %.400s", pulled)
		}
		if snap := snapshotText(t, e, joiner); strings.Contains(snap, guestKeyB64) {
			t.Fatal("the snapshot carries the destroyed key")
		}
		if res := e.push(b, []server.Pushed{issued}); res.Duplicates != 1 || serverHolds(t, e, guestKeyB64) {
			t.Fatalf("the plain re-push = %+v; the server holds the key again: %v", res, serverHolds(t, e, guestKeyB64))
		}
		if got, _ := e.store.PendingErasures(t.Context(), "hotel", []string{issued.Event.ID}); len(got) != 0 {
			t.Fatalf("the applied erasure is still pending: %v", got)
		}
	})
}

// TestFieldsErasedBeforeTheyCame: a record's erasure of a guest's plain
// name and phone reaches the server before the event holding them; the
// event is stored without them, keeps its room, and no pull or snapshot
// carries them. On Badger and PostgreSQL.
func TestFieldsErasedBeforeTheyCame(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		a, b := e.enroll("hotel", "desk-a"), e.enroll("hotel", "desk-b")
		plain, erasure := plainReportErased()
		e.push(a, []server.Pushed{erasure})
		e.push(b, []server.Pushed{plain})
		joiner := e.enroll("hotel", "desk-new")
		pulled, snap := pullText(t, e, joiner), snapshotText(t, e, joiner)
		for _, secret := range []string{"13912345678", "陈晓燕"} {
			if strings.Contains(pulled, secret) || strings.Contains(snap, secret) || serverHolds(t, e, secret) {
				t.Fatalf("the server still gives out %s", secret)
			}
		}
		if !serverHolds(t, e, `"room":"302"`) {
			t.Fatal("the erasure removed more than the guest's fields")
		}
		if res := e.push(b, []server.Pushed{plain}); res.Duplicates != 1 {
			t.Fatalf("the plain re-push = %+v, want a duplicate", res)
		}
	})
}

// TestErasureWaitsAcrossARestart: the server is stopped between the
// destroy and the key event (and between a fields erasure and its event);
// the restarted server still erases both as they come. On Badger and
// PostgreSQL.
func TestErasureWaitsAcrossARestart(t *testing.T) {
	for name, opener := range storeOpeners {
		t.Run(name, func(t *testing.T) {
			open := opener(t)
			issued, destroyed := keyIssue("k-guest")
			plain, erasure := plainReportErased()
			first := startServer(t, open())
			tok := first.enroll("hotel", "desk-a")
			first.push(tok, []server.Pushed{destroyed, erasure})
			first.stop()

			e := startServer(t, open())
			defer e.stop()
			e.push(tok, []server.Pushed{issued, plain})
			for _, secret := range []string{guestKeyB64, "13912345678"} {
				if serverHolds(t, e, secret) {
					t.Fatalf("after a restart the server keeps %s", secret)
				}
			}
		})
	}
}

// startServer is a server on loopback over st, stopped by stop.
func startServer(t *testing.T, st server.Store) *env {
	t.Helper()
	srv, err := server.New(server.Config{Store: st, Logger: quiet, Version: "test", LongPoll: 2 * time.Second, AdminToken: testAdminToken})
	if err != nil {
		t.Fatal(err)
	}
	return &env{t: t, store: st, srv: srv, http: httptest.NewServer(srv.Handler())}
}

func (e *env) stop() {
	e.srv.Close()
	e.http.Close()
	if err := e.store.Close(); err != nil {
		e.t.Fatal(err)
	}
}

// pullText is what a desk's pull of every event reads, as text.
func pullText(t *testing.T, e *env, token string) string {
	t.Helper()
	resp := e.do("GET", "/v1/events?after=0&wait=0", token, nil, nil)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("pull: status %d, %v", resp.StatusCode, err)
	}
	return string(b)
}

// snapshotText is every event of a desk's GET /v1/snapshot, as text.
func snapshotText(t *testing.T, e *env, token string) string {
	t.Helper()
	_, entries := readSnapshot(t, e.do("GET", wire.SnapshotPath, token, nil, nil))
	if len(entries) == 0 {
		t.Fatal("an empty snapshot")
	}
	var b strings.Builder
	for _, en := range entries {
		b.Write(en.Raw)
	}
	return b.String()
}

// TestKeyComingWhileItsDestroyWaits: the key event's whole push runs
// between the server finding no key for a destroy and remembering the
// destroy (so it looks for pending erasures before there is one); the
// server still ends holding no key. On Badger and PostgreSQL.
func TestKeyComingWhileItsDestroyWaits(t *testing.T) {
	for name, opener := range storeOpeners {
		t.Run(name, func(t *testing.T) {
			st := &interleaving{Store: opener(t)()}
			e := newEnvOn(t, st, nil)
			a, b := e.enroll("hotel", "desk-a"), e.enroll("hotel", "desk-b")
			issued, destroyed := keyIssue("k-guest")
			var between error
			st.between = func() { between = pushEach(e, b, []server.Pushed{issued}) }
			e.push(a, []server.Pushed{destroyed})
			if between != nil || e.lastSeq("hotel") != 2 {
				t.Fatalf("the key's push in between: %v, %d events stored", between, e.lastSeq("hotel"))
			}
			if serverHolds(t, e, guestKeyB64) {
				t.Fatal("a key pushed while its destroy was being remembered is kept plain")
			}
		})
	}
}

// interleaving is a store that runs between once, the first time Erase
// finds no event, before it returns.
type interleaving struct {
	server.Store
	once    sync.Once
	between func()
}

func (s *interleaving) Erase(ctx context.Context, property, id string, erase func([]byte) ([]byte, error)) error {
	err := s.Store.Erase(ctx, property, id, erase)
	if errors.Is(err, server.ErrNotFound) {
		s.once.Do(s.between)
	}
	return err
}

// pushEach pushes evs one push each, from any goroutine.
func pushEach(e *env, token string, evs []server.Pushed) error {
	for _, ev := range evs {
		req, err := http.NewRequest("POST", e.http.URL+"/v1/events", pushBody([]server.Pushed{ev}))
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := e.http.Client().Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("push: status %d", resp.StatusCode)
		}
	}
	return nil
}

// storeOpeners give, for each store, a function that opens the same
// store again (a restart).
var storeOpeners = map[string]func(t *testing.T) func() server.Store{
	"badger": func(t *testing.T) func() server.Store {
		dir := t.TempDir()
		return func() server.Store {
			st, err := badgerstore.Open(dir, quiet)
			if err != nil {
				t.Fatal(err)
			}
			return st
		}
	},
	"postgres": func(t *testing.T) func() server.Store {
		url := pgtest.NewDB(t)
		return func() server.Store {
			st, err := pgstore.Open(t.Context(), url)
			if err != nil {
				t.Fatal(err)
			}
			return st
		}
	},
}
