package storetest

import (
	"bytes"
	"errors"
	"testing"

	"floordesk/server"
)

// testErase: Erase rewrites one event in place, under its sequence, and
// leaves alone (ErrNotFound) an unknown ID and another property's event,
// and everything when erase fails.
func testErase(t *testing.T, s server.Store) {
	evs := NewEvents("desk-a", 3, 10)
	mustAppend(t, s, "hotel-a", evs)
	other := NewEvents("desk-b", 1, 10)
	mustAppend(t, s, "hotel-b", other)
	erased := []byte(`{"erased":true}`)
	to := func([]byte) ([]byte, error) { return erased, nil }
	if err := s.Erase(ctx(t), "hotel-a", evs[1].Event.ID, to); err != nil {
		t.Fatal(err)
	}
	if err := s.Erase(ctx(t), "hotel-a", "no-such-event", to); !errors.Is(err, server.ErrNotFound) {
		t.Fatalf("an unknown event: %v, want ErrNotFound", err)
	}
	if err := s.Erase(ctx(t), "hotel-a", other[0].Event.ID, to); !errors.Is(err, server.ErrNotFound) {
		t.Fatalf("another property's event: %v, want ErrNotFound", err)
	}
	boom := errors.New("boom")
	if err := s.Erase(ctx(t), "hotel-a", evs[2].Event.ID, func([]byte) ([]byte, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Fatalf("a failing erase returned %v", err)
	}
	recs := mustSince(t, s, "hotel-a", 0, 10)
	if len(recs) != 3 || recs[1].Seq != 2 || !bytes.Equal(recs[1].Raw, erased) {
		t.Fatalf("after the erase: %d events, the second %q", len(recs), recs[1].Raw)
	}
	if !bytes.Equal(recs[0].Raw, evs[0].Raw) || !bytes.Equal(recs[2].Raw, evs[2].Raw) {
		t.Fatal("the erase changed other events")
	}
	if b := mustSince(t, s, "hotel-b", 0, 10); !bytes.Equal(b[0].Raw, other[0].Raw) {
		t.Fatal("another property's event was erased")
	}
}
