package data

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"floordesk/data/wire"
)

// TestAppendHoldsEventsToTheServersLimits: a desk never saves an event the
// server would refuse at push: at each limit it saves, beyond it nothing
// is stored and the error names the field.
func TestAppendHoldsEventsToTheServersLimits(t *testing.T) {
	long := strings.Repeat("x", wire.MaxNameBytes)
	body := func(n int) json.RawMessage { return json.RawMessage(`"` + strings.Repeat("a", n-2) + `"`) }
	cases := []struct {
		name  string
		edit  func(*wire.Event)
		field string // "" when saved
	}{
		{"entity id at the limit", func(e *wire.Event) { e.Entity.ID = long }, ""},
		{"entity id over", func(e *wire.Event) { e.Entity.ID = long + "x" }, "entity.id"},
		{"entity kind over", func(e *wire.Event) { e.Entity.Kind = long + "x" }, "entity.kind"},
		{"type over", func(e *wire.Event) { e.Type = long + "x" }, "type"},
		{"actor over", func(e *wire.Event) { e.Actor = long + "x" }, "actor"},
		{"tab in entity id", func(e *wire.Event) { e.Entity.ID = "F3\tM" }, "entity.id"},
		{"line break in type", func(e *wire.Event) { e.Type = "a\nb" }, "type"},
		{"body at the limit", func(e *wire.Event) { e.Body = body(wire.MaxBodyBytes) }, ""},
		// Badger counts an event under its value threshold (1 MiB) whole
		// in the transaction's limit, beside the view and index entries.
		{"event just under Badger's value threshold", func(e *wire.Event) { e.Body = body(1<<20 - 2<<10) }, ""},
		{"body over", func(e *wire.Event) { e.Body = body(wire.MaxBodyBytes + 1) }, "body"},
		// Encoded, each < becomes \u003c: the limit is on what is sent.
		{"body over once escaped", func(e *wire.Event) {
			e.Body = json.RawMessage(`"` + strings.Repeat("<", wire.MaxBodyBytes/5) + `"`)
		}, "body"},
		{"body spaced out, compact at the limit", func(e *wire.Event) {
			e.Body = json.RawMessage(" " + string(body(wire.MaxBodyBytes)) + " ")
		}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t, t.TempDir(), "desk-a")
			ev := newEvent("key", "K1", "key.registered")
			tc.edit(&ev)
			_, err := s.Append(ev)
			n, _ := s.OutboxLen()
			if tc.field == "" {
				if err != nil || n != 1 {
					t.Fatalf("append = %v, outbox %d", err, n)
				}
				return
			}
			if !errors.Is(err, wire.ErrLimit) || !strings.Contains(err.Error(), tc.field) {
				t.Fatalf("append = %v, want a limit error naming %s", err, tc.field)
			}
			if st, _ := s.Stats(); st.Events != 0 || n != 0 {
				t.Fatalf("a refused event left data behind: %+v, outbox %d", st, n)
			}
		})
	}
}
