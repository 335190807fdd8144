package data

import (
	"bytes"
	"encoding/json"
	"testing"

	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// TestEraseRewritesOnlyTheBody: Erase replaces one stored event's body
// wherever the event is read (Get, Stream, Log, the outbox), keeps its ID,
// place and every other event, ignores an unknown ID, and refuses an
// erase that changes the envelope.
func TestEraseRewritesOnlyTheBody(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	ref := wire.EntityRef{Kind: "pkey", ID: "k1"}
	key, _ := s.Append(wire.Event{Actor: "staff-1", Entity: ref, Type: "pkey.issued.v1", Body: json.RawMessage(`{"key":"c2VjcmV0"}`)})
	other, _ := s.Append(newEvent("key", "K", "key.registered"))
	blank := func(ev wire.Event) wire.Event { ev.Body = json.RawMessage(`{"erased":true}`); return ev }
	if err := s.Erase(key.ID, blank); err != nil {
		t.Fatal(err)
	}
	if err := s.Erase("no-such-event", blank); err != nil {
		t.Fatalf("an unknown event: %v", err)
	}
	moved := func(ev wire.Event) wire.Event { ev.Desk = "desk-z"; return ev }
	if err := s.Erase(other.ID, moved); err == nil {
		t.Fatal("an erase that moved the event to another desk was let through")
	}
	got, _ := s.Get(key.ID)
	stream, _ := s.Stream(ref)
	outbox, _ := s.Outbox(10)
	log, _, _ := s.Log(0, 10)
	for where, body := range map[string][]byte{"get": got.Body, "stream": stream[0].Body, "outbox": outbox[0].Body, "log": log[0].Body} {
		if bytes.Contains(body, []byte("c2VjcmV0")) || string(body) != `{"erased":true}` {
			t.Errorf("%s reads the erased event's body as %s", where, body)
		}
	}
	if got.ID != key.ID || got.HLC != key.HLC || len(log) != 2 || log[1].ID != other.ID {
		t.Fatalf("the erase moved events: %+v, log %d", got, len(log))
	}
	if o, _ := s.Get(other.ID); o.Desk != "desk-a" || string(o.Body) != `{"n":1}` {
		t.Fatalf("the refused erase changed the other event: %+v", o)
	}
}

// TestPulledErasedCopyReplacesThePlainOne: a desk that holds another
// desk's event with a guest's fields in the clear and pulls the same event
// erased (a re-pull after the server erased it) keeps the erased copy; a
// pulled copy that differs otherwise leaves the stored event as it was.
func TestPulledErasedCopyReplacesThePlainOne(t *testing.T) {
	a := openTest(t, t.TempDir(), "desk-a")
	b := openTest(t, t.TempDir(), "desk-b")
	plain, err := b.Append(wire.Event{Actor: "staff-1", Entity: wire.EntityRef{Kind: "lostreport", ID: "r1"}, Type: "lostreport.filed",
		Body: json.RawMessage(`{"guest":"陈晓燕","contact":"13912345678","room":"302"}`)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.ApplyRemote([]wire.Event{plain}, 0); err != nil {
		t.Fatal(err)
	}
	changed := plain
	changed.Body = json.RawMessage(`{"erased_fields":{"fields":["guest"]},"room":"303"}`)
	erased, ok := pkey.EraseFields(plain, nil, []string{"guest", "contact"})
	if !ok {
		t.Fatal("nothing to erase")
	}
	for _, tt := range []struct {
		name  string
		pull  wire.Event
		phone bool
	}{{"a copy changed otherwise", changed, true}, {"the erased copy", erased, false}} {
		res, err := a.ApplyRemote([]wire.Event{tt.pull}, 0)
		if err != nil || res.Duplicates != 1 {
			t.Fatalf("%s: %+v, %v", tt.name, res, err)
		}
		got, _ := a.Get(plain.ID)
		if bytes.Contains(got.Body, []byte("13912345678")) != tt.phone {
			t.Fatalf("after pulling %s the desk holds %s", tt.name, got.Body)
		}
	}
	if rep, err := a.Verify(nil); err != nil || !rep.OK() {
		t.Fatalf("the chain after the erased copy: %v\n%s", err, rep)
	}
}
