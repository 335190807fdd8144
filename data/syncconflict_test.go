package data_test

import (
	"strings"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/server"
)

// TestSyncConflictIsSetAside: when the server holds one of this desk's
// event IDs with other content, the desk sets that event aside, naming
// it and the reason for IT, and the events after it still reach the
// server. Sent again, it is refused and set aside again; nothing is lost
// on the desk.
func TestSyncConflictIsSetAside(t *testing.T) {
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
	later := appendKey(t, st, "F4", "key.signed_out")
	c := startSync(t, st, data.SyncConfig{})
	waitFor(t, "the later event on the server", time.Minute, func() bool { return serverHas(t, srv, later.ID) })
	waitFor(t, "the status to count the event set aside", 10*time.Second, func() bool {
		s := c.Status()
		return s.SetAside == 1 && s.Pending == 0
	})
	aside, err := st.SetAsideEvents()
	if err != nil || len(aside) != 1 || aside[0].Event.ID != ev.ID || !strings.Contains(aside[0].Reason, "other content") {
		t.Fatalf("set aside = %+v, %v; want %s with the server's reason", aside, err, ev.ID)
	}
	if stats, _ := st.Stats(); stats.SetAside != 1 || stats.Outbox != 0 {
		t.Errorf("stats = %+v, want 1 set aside, outbox empty", stats)
	}
	if _, err := st.Get(ev.ID); err != nil {
		t.Errorf("the event set aside is gone from the desk: %v", err)
	}

	if n, err := st.SendAgain(); err != nil || n != 1 {
		t.Fatalf("send again = %d, %v", n, err)
	}
	c.SyncNow()
	waitFor(t, "the event to be refused and set aside again", time.Minute, func() bool {
		n, _ := st.SetAsideLen()
		p, _ := st.OutboxLen()
		return n == 1 && p == 0
	})
}

// serverHas reports whether the server holds event id.
func serverHas(t *testing.T, srv *syncServer, id string) bool {
	recs, err := srv.store.Since(t.Context(), "hotel", 0, 1000, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if strings.Contains(string(r.Raw), id) {
			return true
		}
	}
	return false
}
