package data_test

import (
	"strings"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/server"
)

// TestSyncConflictShowsInTheStatus: when the server holds one of this
// desk's event IDs with other content, the desk's status says so, naming
// the event, and keeps the event.
func TestSyncConflictShowsInTheStatus(t *testing.T) {
	srv := newSyncServer(t)
	st := openDesk(t, "desk-a")
	if err := data.EnrollStore(t.Context(), st, srv.http.URL, srv.code("hotel")); err != nil {
		t.Fatal(err)
	}
	ev := appendKey(t, st, "F3", "key.signed_out")
	forged := ev
	forged.Type = "key.returned"
	raw, err := forged.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.store.Append(t.Context(), "hotel", []server.Pushed{{Event: forged, Raw: raw}}); err != nil {
		t.Fatal(err)
	}
	c := startSync(t, st, data.SyncConfig{})
	waitFor(t, "a conflict status", 10*time.Second, func() bool { return c.Status().Problem == data.ProblemConflict })
	if s := c.Status(); s.Pending != 1 || !strings.Contains(s.LastError, ev.ID) {
		t.Fatalf("status = %+v", s)
	}
}
