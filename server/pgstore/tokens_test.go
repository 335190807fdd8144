package pgstore_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"floordesk/server"
	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
)

var t0 = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

// Two servers on one database: a desk revoked through one is refused by
// both, by the other as soon as the notification arrives.
func TestRevokeReachesEveryServer(t *testing.T) {
	url := pgtest.NewDB(t)
	a, b := openListening(t, url), openListening(t, url)
	enrol(t, a, "desk-1", "tok-1")
	lookupEverywhere(t, "tok-1", a, b)

	if err := a.Revoke(t.Context(), "desk-1", t0); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	if err := lookup(a, "tok-1"); !errors.Is(err, server.ErrRevoked) {
		t.Fatalf("revoking server: err = %v, want ErrRevoked at once", err)
	}
	waitFor(t, 5*time.Second, "the other server refuses the revoked token", func() bool {
		return errors.Is(lookup(b, "tok-1"), server.ErrRevoked)
	})
}

// A desk enrolled again gets a new token: the old one is refused by both
// servers, even when its revocation notified nobody (a revocation made by
// hand in SQL, or by a server from before the token cache).
func TestReEnrolmentReachesEveryServer(t *testing.T) {
	url := pgtest.NewDB(t)
	a, b := openListening(t, url), openListening(t, url)
	enrol(t, a, "desk-1", "tok-1")
	lookupEverywhere(t, "tok-1", a, b)
	runSQL(t, url, `UPDATE fd_desks SET revoked = $1 WHERE id = 'desk-1'`, t0)

	enrol(t, b, "desk-1", "tok-2")
	if err := lookup(b, "tok-1"); !errors.Is(err, server.ErrRevoked) {
		t.Fatalf("enrolling server, old token: err = %v, want ErrRevoked at once", err)
	}
	waitFor(t, 5*time.Second, "the other server refuses the old token", func() bool {
		return errors.Is(lookup(a, "tok-1"), server.ErrRevoked)
	})
	lookupEverywhere(t, "tok-2", a, b)
}

// Lookups running on one server while another revokes: once the first
// refuses the token, none of them leaves it valid in memory.
func TestLookupsRacingARevoke(t *testing.T) {
	url := pgtest.NewDB(t)
	a, b := openListening(t, url), openListening(t, url)
	enrol(t, a, "desk-1", "tok-1")
	lookupEverywhere(t, "tok-1", a, b)

	refused := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-refused:
					return
				default:
					lookup(b, "tok-1")
				}
			}
		})
	}
	if err := a.Revoke(t.Context(), "desk-1", t0); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	waitFor(t, 5*time.Second, "the other server refuses the revoked token", func() bool {
		return errors.Is(lookup(b, "tok-1"), server.ErrRevoked)
	})
	close(refused)
	wg.Wait()
	if pgstore.Cached(b, "tok-1") {
		t.Fatal("a lookup that raced the revocation left the token in memory")
	}
	if err := lookup(b, "tok-1"); !errors.Is(err, server.ErrRevoked) {
		t.Fatalf("after the race: err = %v, want ErrRevoked", err)
	}
}

// The listening connection dies and cannot come back for a while: the
// server stops answering from memory at once, so a revocation made
// meanwhile through another server (whose notification it cannot hear)
// applies; once it listens again it caches again, and hears revocations.
func TestListenerLoss(t *testing.T) {
	url := pgtest.NewDB(t)
	a, b := openListening(t, url), openListening(t, url)
	enrol(t, a, "desk-1", "tok-1")
	lookupEverywhere(t, "tok-1", a)

	reconnect := cutListener(t, url, a)

	if err := lookup(a, "tok-1"); err != nil || pgstore.Cached(a, "tok-1") {
		t.Fatalf("while not listening: err = %v, cached = %v; want valid, from the database", err, pgstore.Cached(a, "tok-1"))
	}
	if err := b.Revoke(t.Context(), "desk-1", t0); err != nil {
		t.Fatalf("revoke through the other server: %v", err)
	}
	if err := lookup(a, "tok-1"); !errors.Is(err, server.ErrRevoked) {
		t.Fatalf("revoked while not listening: err = %v, want ErrRevoked", err)
	}

	reconnect()
	waitFor(t, 10*time.Second, "the server listens again", func() bool { return pgstore.ListenerPID(a) != 0 })
	enrol(t, b, "desk-2", "tok-2")
	lookupEverywhere(t, "tok-2", a)
	if err := b.Revoke(t.Context(), "desk-2", t0); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	waitFor(t, 5*time.Second, "the reconnected server refuses the revoked token", func() bool {
		return errors.Is(lookup(a, "tok-2"), server.ErrRevoked)
	})
}

// Close ends the listener whatever it is doing: listening, or waiting to
// connect again.
func TestCloseStopsTheListener(t *testing.T) {
	url := pgtest.NewDB(t)
	before := runtime.NumGoroutine()
	listening, down := openListening(t, url), openListening(t, url)
	cutListener(t, url, down)
	listening.Close()
	down.Close()
	waitFor(t, 5*time.Second, "every goroutine of the stores ends", func() bool { return runtime.NumGoroutine() <= before })
}

// A listener that hears nothing for a while checks its connection, keeps
// it, and still hears the revocations that come later.
func TestListenerKeepsAQuietConnection(t *testing.T) {
	url := pgtest.NewDB(t)
	a, err := pgstore.OpenQuiet(t.Context(), url, 10*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	waitFor(t, 5*time.Second, "listening", func() bool { return pgstore.ListenerPID(a) != 0 })
	pid := pgstore.ListenerPID(a)
	b := openListening(t, url)

	admin := connect(t, url)
	var since time.Time
	if err := admin.QueryRow(t.Context(), `SELECT now()`).Scan(&since); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "the listener checks its connection", func() bool {
		var checked time.Time
		err := admin.QueryRow(t.Context(), `SELECT state_change FROM pg_stat_activity WHERE pid = $1`, pid).Scan(&checked)
		return err == nil && checked.After(since)
	})
	for i, desk := range []string{"desk-1", "desk-2", "desk-3"} {
		token := "tok-" + desk
		enrol(t, b, desk, token)
		lookupEverywhere(t, token, a)
		if err := b.Revoke(t.Context(), desk, t0); err != nil {
			t.Fatalf("revoke %s: %v", desk, err)
		}
		waitFor(t, 5*time.Second, "revocation heard", func() bool { return errors.Is(lookup(a, token), server.ErrRevoked) })
		if got := pgstore.ListenerPID(a); got != pid {
			t.Fatalf("revocation %d: listener backend %d, want the same %d", i+1, got, pid)
		}
	}
}

// cutListener kills the backend s listens on, and keeps s from connecting
// again until reconnect is called (or the test ends). It returns once s
// has noticed.
func cutListener(t *testing.T, url string, s *pgstore.Store) (reconnect func()) {
	t.Helper()
	admin := connectAdmin(t, url)
	db := pgx.Identifier{database(t, url)}.Sanitize()
	exec(t, admin, `ALTER DATABASE `+db+` ALLOW_CONNECTIONS false`)
	reconnect = func() {
		// Also from Cleanup, once t.Context() is done.
		if _, err := admin.Exec(context.Background(), `ALTER DATABASE `+db+` ALLOW_CONNECTIONS true`); err != nil {
			t.Errorf("allow connections again: %v", err)
		}
	}
	t.Cleanup(reconnect)
	pid := pgstore.ListenerPID(s)
	var killed bool
	if err := admin.QueryRow(t.Context(), `SELECT pg_terminate_backend($1)`, pid).Scan(&killed); err != nil || !killed {
		t.Fatalf("terminate the listener's backend %d: %v, %v", pid, killed, err)
	}
	waitFor(t, 5*time.Second, "the server stops caching", func() bool { return pgstore.ListenerPID(s) == 0 })
	return reconnect
}

// An engine without LISTEN/NOTIFY, as CockroachDB: pg_notify is refused
// (here, by a function of that name ahead of PostgreSQL's). The servers
// keep no token in memory, and a desk revoked through one is refused by
// every other at once.
func TestWithoutNotify(t *testing.T) {
	url := pgtest.NewDB(t)
	runSQL(t, url, `CREATE SCHEMA nonotify;
		CREATE FUNCTION nonotify.pg_notify(text, text) RETURNS void LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'unknown function: pg_notify()' USING ERRCODE = 'undefined_function'; END $$`)
	url += " search_path=nonotify,pg_catalog,public"
	var stores []*pgstore.Store
	for range 2 {
		s, err := pgstore.Open(t.Context(), url)
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	a, b := stores[0], stores[1]
	enrol(t, a, "desk-1", "tok-1")
	for i, s := range stores {
		if err := lookup(s, "tok-1"); err != nil || pgstore.Cached(s, "tok-1") {
			t.Fatalf("server %d: err = %v, cached = %v; want valid, not in memory", i+1, err, pgstore.Cached(s, "tok-1"))
		}
	}
	if err := a.Revoke(t.Context(), "desk-1", t0); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	if err := lookup(b, "tok-1"); !errors.Is(err, server.ErrRevoked) {
		t.Fatalf("other server: err = %v, want ErrRevoked at once", err)
	}
	enrol(t, b, "desk-1", "tok-2")
	if err := lookup(a, "tok-2"); err != nil {
		t.Fatalf("enrolled again: %v", err)
	}
}

// openListening opens a store on url and waits until it caches tokens.
func openListening(t *testing.T, url string) *pgstore.Store {
	t.Helper()
	s, err := pgstore.Open(t.Context(), url)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	waitFor(t, 5*time.Second, "listening", func() bool { return pgstore.ListenerPID(s) != 0 })
	return s
}

func enrol(t *testing.T, s server.Store, desk, token string) {
	t.Helper()
	code := "code-" + token
	err := s.AddEnrolment(t.Context(), server.Enrolment{CodeHash: code, Property: "hotel", Expires: t0.Add(time.Hour)})
	if err != nil {
		t.Fatalf("add enrolment: %v", err)
	}
	if _, err := s.Enroll(t.Context(), code, desk, token, t0); err != nil {
		t.Fatalf("enroll %s: %v", desk, err)
	}
}

func lookup(s server.Store, token string) error {
	_, err := s.DeskByToken(context.Background(), token)
	return err
}

// lookupEverywhere checks that every store accepts token and keeps it in
// memory. A lookup may not keep it when a notification arrives meanwhile,
// as the one of the token's own enrolment may, so it looks up again.
func lookupEverywhere(t *testing.T, token string, stores ...*pgstore.Store) {
	t.Helper()
	for i, s := range stores {
		waitFor(t, 5*time.Second, fmt.Sprintf("server %d keeping %s in memory", i+1, token), func() bool {
			if err := lookup(s, token); err != nil {
				t.Fatalf("server %d, %s: %v", i+1, token, err)
			}
			return pgstore.Cached(s, token)
		})
	}
}

// waitFor polls cond until it holds, failing the test after limit.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %s has not happened", limit, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func connect(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func exec(t *testing.T, conn *pgx.Conn, query string, args ...any) {
	t.Helper()
	if _, err := conn.Exec(t.Context(), query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func runSQL(t *testing.T, url, query string, args ...any) {
	t.Helper()
	exec(t, connect(t, url), query, args...)
}

func database(t *testing.T, url string) string {
	t.Helper()
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Database
}

// connectAdmin connects to the cluster's postgres database, from where the
// test's database can be altered.
func connectAdmin(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Database = "postgres"
	conn, err := pgx.ConnectConfig(t.Context(), cfg)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}
