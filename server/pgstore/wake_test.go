package pgstore_test

import (
	"testing"
	"time"

	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
	"floordesk/server/storetest"
)

// watched opens a store on url and reports the properties it is told of.
func watched(t *testing.T, url string) (*pgstore.Store, chan string) {
	t.Helper()
	s, err := pgstore.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	heard := make(chan string, 100)
	s.WatchEvents(func(property string) { heard <- property })
	return s, heard
}

// told waits for property among the properties heard, and returns how
// long it took.
func told(t *testing.T, heard chan string, property string, within time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	timeout := time.After(within)
	for {
		select {
		case p := <-heard:
			if p == property {
				return time.Since(start)
			}
		case <-timeout:
			t.Fatalf("not told of a push to %s within %v", property, within)
		}
	}
}

// settle lets a store's listener start to hear and its first poll pass,
// then empties what it was told meanwhile.
func settle(t *testing.T, heard chan string, hears func() bool, want bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for hears() != want {
		if time.Now().After(deadline) {
			t.Fatalf("store hears notifications: %v, want %v", !want, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(3 * pgstore.PollEvery)
	for len(heard) > 0 {
		<-heard
	}
}

// A push stored through one server is told to the others at once, by
// NOTIFY, and not to the server that stored it (it wakes its own pulls).
func TestPushToldToOtherServersByNotify(t *testing.T) {
	url := pgtest.NewDB(t)
	here, heardHere := watched(t, url)
	there, heardThere := watched(t, url)
	settle(t, heardHere, func() bool { return pgstore.Hears(here) }, true)
	settle(t, heardThere, func() bool { return pgstore.Hears(there) }, true)

	if _, err := there.Append(t.Context(), "hotel-a", storetest.NewEvents("desk-b", 2, 10)); err != nil {
		t.Fatal(err)
	}
	d := told(t, heardHere, "hotel-a", 2*time.Second)
	t.Logf("told after %v", d)
	select {
	case p := <-heardThere:
		t.Fatalf("the storing server was told of its own push to %s", p)
	case <-time.After(3 * pgstore.PollEvery):
	}
	// A push of events the database already holds stores nothing and
	// wakes nobody.
	evs := storetest.NewEvents("desk-b", 1, 10)
	for range 2 {
		if _, err := there.Append(t.Context(), "hotel-b", evs); err != nil {
			t.Fatal(err)
		}
	}
	told(t, heardHere, "hotel-b", 2*time.Second)
	select {
	case p := <-heardHere:
		t.Fatalf("told of %s again for a push of duplicates", p)
	case <-time.After(3 * pgstore.PollEvery):
	}
}

// On an engine without LISTEN/NOTIFY (forced here: the role may not call
// pg_notify), a store polls the counters and is told of another server's
// push within the poll interval.
func TestPushToldByPollingWithoutNotify(t *testing.T) {
	url := pgtest.NewDBWithoutNotify(t)
	here, heardHere := watched(t, url)
	there, _ := watched(t, url)
	settle(t, heardHere, func() bool { return pgstore.Hears(here) }, false)
	if pgstore.ListenerPID(here) != 0 {
		t.Fatal("the store listens although pg_notify is refused")
	}
	for round := range 3 {
		if _, err := there.Append(t.Context(), "hotel-a", storetest.NewEvents("desk-b", 1, 10)); err != nil {
			t.Fatalf("push without NOTIFY: %v", err)
		}
		// Within the poll interval and a query; the bound leaves room
		// for a loaded machine, far below a long poll's 30 s.
		t.Logf("round %d: told after %v", round, told(t, heardHere, "hotel-a", 3*time.Second))
	}
}

// While a server's listening connection is lost it polls the counters,
// so a push through another server still reaches it within the poll
// interval; once it listens again, notifications take over.
func TestPushToldWhileListenerIsCut(t *testing.T) {
	url := pgtest.NewDB(t)
	here, heardHere := watched(t, url)
	there, _ := watched(t, url)
	settle(t, heardHere, func() bool { return pgstore.Hears(here) }, true)
	// A first push opens a pool connection of here's that outlives the cut.
	if _, err := here.LastSeq(t.Context(), "hotel-a"); err != nil {
		t.Fatal(err)
	}
	reconnect := cutListener(t, url, here)
	for round := range 2 {
		if _, err := there.Append(t.Context(), "hotel-a", storetest.NewEvents("desk-b", 1, 10)); err != nil {
			t.Fatal(err)
		}
		d := told(t, heardHere, "hotel-a", 2*time.Second)
		t.Logf("listener cut, round %d: told after %v", round, d)
	}
	reconnect()
	settle(t, heardHere, func() bool { return pgstore.Hears(here) }, true)
	if _, err := there.Append(t.Context(), "hotel-a", storetest.NewEvents("desk-b", 1, 10)); err != nil {
		t.Fatal(err)
	}
	t.Logf("listening again: told after %v", told(t, heardHere, "hotel-a", 2*time.Second))
}
