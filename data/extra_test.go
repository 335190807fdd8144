package data

import (
	"encoding/json"
	"testing"

	"floordesk/data/wire"
)

// TestStoredEventKeepsExtraFields: an event from a newer desk, with
// envelope fields this build does not know, is stored and re-pushed (after
// a server restore) with those fields unchanged.
func TestStoredEventKeepsExtraFields(t *testing.T) {
	ev := wire.Event{
		ID: "01936b2e-8f4a-7c3d-9e2f-1a2b3c4d5e6f", HLC: wire.MakeTimestamp(1_763_900_000_123, 2),
		Desk: "desk-3f", Actor: "staff-017", Entity: wire.EntityRef{Kind: "key", ID: "F3-MASTER"},
		Type: "key.signed_out", Version: 1, Body: json.RawMessage(`{"holder":"staff-017"}`),
		Extra: map[string]json.RawMessage{"sig": json.RawMessage(`"c2lnbmVk"`)},
	}
	want, _ := ev.Encode()

	s := openTest(t, t.TempDir(), "desk-old")
	if _, err := s.ApplyRemote([]wire.Event{ev}, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.Requeue("new-epoch"); err != nil { // a restored server: everything goes out again
		t.Fatal(err)
	}
	out, err := s.Outbox(10)
	if err != nil || len(out) != 1 {
		t.Fatalf("outbox = %v, %v", out, err)
	}
	if got, _ := out[0].Encode(); string(got) != string(want) {
		t.Fatalf("re-pushed event lost its extra fields:\n got %s\nwant %s", got, want)
	}
}
