package data_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
)

// hotelOnServer has desk-a make n events and push them.
func hotelOnServer(t *testing.T, s *syncServer, n int) *data.Store {
	t.Helper()
	a := openDesk(t, "desk-a")
	if err := data.EnrollStore(t.Context(), a, s.http.URL, s.code("hotel")); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		appendKey(t, a, fmt.Sprintf("K%d", i%50), "key.signed_out")
	}
	startSync(t, a, data.SyncConfig{})
	s.waitHeld("hotel", uint64(n))
	return a
}

// joinNew enrols a new desk and waits until it holds the server's n events.
func joinNew(t *testing.T, s *syncServer, n uint64) (*data.Store, *data.SyncClient) {
	t.Helper()
	b := openDesk(t, "desk-new")
	if err := data.EnrollStore(t.Context(), b, s.http.URL, s.code("hotel")); err != nil {
		t.Fatal(err)
	}
	c := startSync(t, b, data.SyncConfig{})
	waitFor(t, "the new desk to hold the hotel", 30*time.Second, func() bool { cur, _ := b.Cursor(); return cur >= n })
	return b, c
}

// TestNewDeskJoinsFromTheSnapshot: a new desk loads the server's events
// from its snapshot, then pulls what comes after.
func TestNewDeskJoinsFromTheSnapshot(t *testing.T) {
	s := newSyncServer(t)
	a := hotelOnServer(t, s, 1200)
	b, c := joinNew(t, s, 1200)
	waitFor(t, "the status to count the snapshot", 5*time.Second, func() bool { return c.Status().FromSnapshot == 1200 })
	later := appendKey(t, a, "K1", "key.signed_in")
	waitFor(t, "the next event pulled", 10*time.Second, func() bool { return hasEvent(b, later.ID) })
	if st, _ := b.Stats(); st.Events != 1201 || st.Outbox != 0 {
		t.Fatalf("the new desk holds %d events, %d in its outbox", st.Events, st.Outbox)
	}
}

// TestNewDeskPullsWithoutASnapshot: from a server from before snapshots
// (404), or one whose snapshot is cut short, the new desk pulls what it
// lacks and ends with everything.
func TestNewDeskPullsWithoutASnapshot(t *testing.T) {
	for _, name := range []string{"older server", "cut short"} {
		t.Run(name, func(t *testing.T) {
			s := newSyncServer(t)
			hotelOnServer(t, s, 1200)
			h := s.srv.Handler()
			s.sw.set(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch {
				case r.URL.Path != wire.SnapshotPath:
					h.ServeHTTP(w, r)
				case name == "older server":
					http.NotFound(w, r)
				default:
					h.ServeHTTP(&cutWriter{ResponseWriter: w, left: 20 << 10}, r)
				}
			}))
			b, c := joinNew(t, s, 1200)
			if st, _ := b.Stats(); st.Events != 1200 || c.Status().FromSnapshot != 0 {
				t.Fatalf("the new desk holds %d events, %d from a snapshot", st.Events, c.Status().FromSnapshot)
			}
		})
	}
}

// cutWriter passes on the first left bytes of an answer and drops the rest.
type cutWriter struct {
	http.ResponseWriter
	left int
}

func (w *cutWriter) Write(b []byte) (int, error) {
	n := min(len(b), w.left)
	w.left -= n
	w.ResponseWriter.Write(b[:n])
	return len(b), nil
}
