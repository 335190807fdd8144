package storetest

import (
	"encoding/json"
	"errors"
	"testing"

	"floordesk/server"
)

// testAppendConflict: an event ID pushed again with other content is a
// conflict naming the event, and nothing of its batch is stored; the same
// event again, even encoded with its fields in another order, is a
// duplicate.
func testAppendConflict(t *testing.T, s server.Store) {
	ev := NewEvent("desk-a", "key.signed_out", 20)
	mustAppend(t, s, "hotel", []server.Pushed{ev})

	changed := ev
	changed.Event.Type = "key.returned"
	changed.Raw = encode(t, changed)
	other := NewEvent("desk-a", "key.signed_out", 20)
	for _, batch := range [][]server.Pushed{{other, changed}, {changed}} {
		_, err := s.Append(ctx(t), "hotel", batch)
		var ce *server.ConflictError
		if !errors.As(err, &ce) || ce.ID != ev.Event.ID || !errors.Is(err, server.ErrConflict) {
			t.Fatalf("append of a changed event = %v, want a conflict naming %s", err, ev.Event.ID)
		}
		if last, _ := s.LastSeq(ctx(t), "hotel"); last != 1 {
			t.Fatalf("a refused batch stored %d events", last-1)
		}
	}
	// In another property too: event IDs are unique across the store.
	if _, err := s.Append(ctx(t), "hotel-b", []server.Pushed{changed}); !errors.Is(err, server.ErrConflict) {
		t.Fatalf("changed event in another property = %v, want a conflict", err)
	}
	// Inside one batch.
	fresh := NewEvent("desk-a", "key.signed_out", 20)
	freshChanged := fresh
	freshChanged.Event.Actor = "staff-2"
	freshChanged.Raw = encode(t, freshChanged)
	if _, err := s.Append(ctx(t), "hotel", []server.Pushed{fresh, freshChanged}); !errors.Is(err, server.ErrConflict) {
		t.Fatalf("one ID twice in a batch with other content = %v, want a conflict", err)
	}

	reordered := ev
	reordered.Raw = reorder(t, ev.Raw)
	res := mustAppend(t, s, "hotel", []server.Pushed{ev, reordered, other})
	if res.Stored != 1 || res.Duplicates != 2 || res.LastSeq != 2 {
		t.Fatalf("re-push of the same event = %+v, want 1 stored, 2 duplicates", res)
	}
}

func encode(t *testing.T, p server.Pushed) []byte {
	t.Helper()
	raw, err := p.Event.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// reorder encodes raw again with its fields sorted by name: the same
// event, other bytes.
func reorder(t *testing.T, raw []byte) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) == string(raw) {
		t.Fatal("reordering changed nothing")
	}
	return out
}
