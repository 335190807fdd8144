package wire

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// bodyOf returns a JSON string body of exactly n bytes.
func bodyOf(n int) json.RawMessage {
	return json.RawMessage(`"` + strings.Repeat("a", n-2) + `"`)
}

// TestCheckLimits: each field at its limit passes, one byte beyond it (or
// with a forbidden character) is refused, naming the field.
func TestCheckLimits(t *testing.T) {
	at := strings.Repeat("x", MaxNameBytes)
	over := at + "x"
	cases := []struct {
		name  string
		edit  func(*Event)
		field string // "" when the event passes
	}{
		{"sample", func(*Event) {}, ""},
		{"names at the limit", func(e *Event) {
			e.Entity.Kind, e.Entity.ID, e.Type, e.Desk, e.Actor = at, at, at, at, at
		}, ""},
		{"multi-byte names at the limit", func(e *Event) {
			e.Entity.ID = strings.Repeat("钥", MaxNameBytes/3)
		}, ""},
		{"entity kind over", func(e *Event) { e.Entity.Kind = over }, "entity.kind"},
		{"entity id over", func(e *Event) { e.Entity.ID = over }, "entity.id"},
		{"type over", func(e *Event) { e.Type = over }, "type"},
		{"desk over", func(e *Event) { e.Desk = over }, "desk"},
		{"actor over", func(e *Event) { e.Actor = over }, "actor"},
		{"body at the limit", func(e *Event) { e.Body = bodyOf(MaxBodyBytes) }, ""},
		{"body over", func(e *Event) { e.Body = bodyOf(MaxBodyBytes + 1) }, "body"},
		{"body not UTF-8", func(e *Event) { e.Body = json.RawMessage("\"\xff\"") }, "body"},
		{"extras at the limit", func(e *Event) {
			e.Extra = map[string]json.RawMessage{"sig": bodyOf(MaxExtraBytes - 3)}
		}, ""},
		{"extras over", func(e *Event) {
			e.Extra = map[string]json.RawMessage{"sig": bodyOf(MaxExtraBytes - 2)}
		}, "extra"},
		{"NUL in entity id", func(e *Event) { e.Entity.ID = "F3\x00" }, "entity.id"},
		{"tab in entity id", func(e *Event) { e.Entity.ID = "F3\tMASTER" }, "entity.id"},
		{"line break in type", func(e *Event) { e.Type = "key.signed_out\n" }, "type"},
		{"DEL in desk", func(e *Event) { e.Desk = "desk\x7f" }, "desk"},
		{"C1 control in actor", func(e *Event) { e.Actor = "staff\u0085" }, "actor"},
		{"entity kind not UTF-8", func(e *Event) { e.Entity.Kind = "key\xc3" }, "entity.kind"},
		{"spaces and accents are fine", func(e *Event) { e.Entity.ID = "Suite Étoile 12" }, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ev := sampleEvent()
			tc.edit(&ev)
			err := ev.CheckLimits()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !errors.Is(err, ErrLimit) {
				t.Fatalf("err = %v, want ErrLimit", err)
			}
			if got := limitField(err); got != tc.field {
				t.Errorf("field = %q, want %q (%v)", got, tc.field, err)
			}
		})
	}
}

func limitField(err error) string {
	var le *LimitError
	var ee *EnvelopeError
	switch {
	case errors.As(err, &le):
		return le.Field
	case errors.As(err, &ee):
		return ee.Field
	}
	return ""
}

// TestLargestEventFitsItsLimits: an event with every field at its limit,
// names full of characters JSON escapes, encodes within MaxEventBytes, and
// a pull answer holds it.
func TestLargestEventFitsItsLimits(t *testing.T) {
	ev := sampleEvent()
	worst := strings.Repeat("<", MaxNameBytes) // escaped as \u003c: 6 bytes each
	ev.Entity.Kind, ev.Entity.ID, ev.Type, ev.Desk, ev.Actor = worst, worst, worst, worst, worst
	ev.Body = bodyOf(MaxBodyBytes)
	ev.Extra = map[string]json.RawMessage{"sig": bodyOf(MaxExtraBytes - 3)}
	if err := ev.CheckLimits(); err != nil {
		t.Fatal(err)
	}
	enc, err := ev.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckEncodedSize(len(enc)); err != nil {
		t.Fatalf("largest event allowed: %v", err)
	}
	if err := CheckEncodedSize(MaxEventBytes + 1); !errors.Is(err, ErrLimit) {
		t.Errorf("one byte over MaxEventBytes: %v", err)
	}
	if MaxEventBytes+1024 > MaxAnswerBytes {
		t.Errorf("a pull answer (%d bytes) cannot hold the largest event (%d)", MaxAnswerBytes, MaxEventBytes)
	}
}

// TestValidateIgnoresLimits: events already stored (or pulled) stay
// readable whatever their size: only new events are held to the limits.
func TestValidateIgnoresLimits(t *testing.T) {
	ev := sampleEvent()
	ev.Body = bodyOf(MaxBodyBytes + 1)
	ev.Entity.ID = "F3\tMASTER"
	enc, err := ev.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeEvent(enc); err != nil {
		t.Errorf("an oversize stored event no longer decodes: %v", err)
	}
}
