package data_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/servertest"
)

// newSyncServerWith is newSyncServer with a server config tweaked.
func newSyncServerWith(t *testing.T, tweak func(*server.Config)) *syncServer {
	t.Helper()
	sw := &switchable{}
	srv := servertest.Start(t, servertest.Options{LongPoll: 5 * time.Second, Config: tweak,
		Wrap: func(h http.Handler) http.Handler { sw.set(h); return sw }})
	return &syncServer{t: t, store: srv.Store, srv: srv.Server, http: srv.HTTP, sw: sw}
}

// TestSyncPushesBigEventsInBatchesTheServerTakes: an outbox of events
// each within the limits, but more bytes in all than one push may hold,
// reaches the server: on a server with the default push limit, and on one
// with a smaller limit, which refuses the first batches as too large.
func TestSyncPushesBigEventsInBatchesTheServerTakes(t *testing.T) {
	for _, tc := range []struct {
		name    string
		maxBody int64
	}{
		{"default push limit", 0},
		{"smallest push limit", server.MinPushBodyBytes},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newSyncServerWith(t, func(c *server.Config) { c.MaxBodyBytes = tc.maxBody })
			st := openDesk(t, "desk-a")
			if err := data.EnrollStore(t.Context(), st, srv.http.URL, srv.code("hotel")); err != nil {
				t.Fatal(err)
			}
			body := json.RawMessage(`"` + strings.Repeat("a", wire.MaxBodyBytes-2) + `"`)
			const n = 10 // 10 MiB: more than one push of the default limit
			for range n {
				if _, err := st.Append(wire.Event{Actor: "s", Entity: wire.EntityRef{Kind: "rooms", ID: "list"}, Type: "rooms.imported", Body: body}); err != nil {
					t.Fatal(err)
				}
			}
			c := startSync(t, st, data.SyncConfig{})
			waitFor(t, "every event on the server", 4*time.Minute, func() bool {
				last, _ := srv.store.LastSeq(t.Context(), "hotel")
				return last == n
			})
			waitFor(t, "an empty outbox", time.Minute, func() bool { return c.Status().Pending == 0 })
		})
	}
}
