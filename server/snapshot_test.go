package server_test

import (
	"bytes"
	"net/http"
	"testing"

	"floordesk/data/wire"
	"floordesk/server/storetest"
)

// TestSnapshotHoldsThePropertysEvents: GET /v1/snapshot gives a desk
// every event of its property stored so far, in sequence order, byte for
// byte, up to the property's latest sequence, and none of another
// property's; without a token it is refused. On Badger and PostgreSQL.
func TestSnapshotHoldsThePropertysEvents(t *testing.T) {
	onEachStore(t, nil, snapshotHoldsThePropertysEvents)
}

func snapshotHoldsThePropertysEvents(t *testing.T, e *env) {
	a := e.enroll("hotel", "desk-a")
	other := e.enroll("other-hotel", "desk-o")
	evs := storetest.NewEvents("desk-a", 12_000, 200) // three pages of the store
	for i := 0; i < len(evs); i += 1000 {
		e.push(a, evs[i:i+1000])
	}
	e.push(other, storetest.NewEvents("desk-o", 3, 100))
	joiner := e.enroll("hotel", "desk-new")

	resp := e.do("GET", wire.SnapshotPath, joiner, nil, nil)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != wire.SnapshotType || resp.Header.Get(wire.EpochHeader) == "" {
		t.Fatalf("status %d, %s, epoch %q", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get(wire.EpochHeader))
	}
	hdr, entries := readSnapshot(t, resp)
	if hdr.Upto != 12_000 || hdr.Epoch != resp.Header.Get(wire.EpochHeader) {
		t.Fatalf("header %+v", hdr)
	}
	if len(entries) != len(evs) {
		t.Fatalf("%d events, want %d", len(entries), len(evs))
	}
	for i, en := range entries {
		if en.Seq != uint64(i+1) || !bytes.Equal(en.Raw, evs[i].Raw) {
			t.Fatalf("event %d: sequence %d, %.80s", i, en.Seq, en.Raw)
		}
	}

	none := e.do("GET", wire.SnapshotPath, "", nil, nil)
	none.Body.Close()
	if none.StatusCode != http.StatusUnauthorized {
		t.Fatalf("without a token: status %d", none.StatusCode)
	}
}
