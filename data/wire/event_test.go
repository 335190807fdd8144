package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func sampleEvent() Event {
	return Event{
		ID:      "01936b2e-8f4a-7c3d-9e2f-1a2b3c4d5e6f",
		HLC:     MakeTimestamp(1_763_900_000_123, 2),
		Desk:    "desk-3f",
		Actor:   "staff-017",
		Entity:  EntityRef{Kind: "key", ID: "F3-MASTER"},
		Type:    "key.signed_out",
		Version: 1,
		Prev:    "01936b2e-8f4a-7c3d-9e2f-000000000001",
		Body:    json.RawMessage(`{"holder":"staff-017","purpose":"客房清洁","due":"2026-11-23T16:00:00Z"}`),
	}
}

// TestEventEncodingGolden pins the envelope's encoding, which is both the
// on-disk and the wire format: changing it breaks every desk and server.
func TestEventEncodingGolden(t *testing.T) {
	got, err := sampleEvent().Encode()
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "event.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("encoding changed:\n got %s\nwant %s", got, want)
	}
	back, err := DecodeEvent(want)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := back.Encode(); !bytes.Equal(again, want) {
		t.Fatalf("decode/encode not stable: %s", again)
	}
}

func TestEventValidate(t *testing.T) {
	tests := []struct {
		field  string
		mutate func(*Event)
	}{
		{"id", func(e *Event) { e.ID = "not-a-uuid" }},
		{"id", func(e *Event) { e.ID = "01936B2E-8F4A-7C3D-9E2F-1A2B3C4D5E6F" }},
		{"hlc", func(e *Event) { e.HLC = 0 }},
		{"desk", func(e *Event) { e.Desk = "" }},
		{"entity.kind", func(e *Event) { e.Entity.Kind = "a/b" }},
		{"entity.id", func(e *Event) { e.Entity.ID = "" }},
		{"entity.id", func(e *Event) { e.Entity.ID = "x\x00y" }},
		{"type", func(e *Event) { e.Type = "" }},
		{"v", func(e *Event) { e.Version = 0 }},
		{"prev", func(e *Event) { e.Prev = "nope" }},
		{"body", func(e *Event) { e.Body = json.RawMessage(`{"a":`) }},
	}
	if err := sampleEvent().Validate(); err != nil {
		t.Fatalf("sample invalid: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			ev := sampleEvent()
			tt.mutate(&ev)
			var env *EnvelopeError
			if err := ev.Validate(); !errors.As(err, &env) || env.Field != tt.field {
				t.Fatalf("Validate() = %v, want an error naming %q", err, tt.field)
			}
		})
	}
}

// TestUnknownEnvelopeFieldsSurvive: a field from a newer desk's envelope is
// kept through decoding, storing and encoding again, so an older desk that
// re-pushes the event does not strip it.
func TestUnknownEnvelopeFieldsSurvive(t *testing.T) {
	base, _ := sampleEvent().Encode()
	newer := append(base[:len(base)-1:len(base)-1], []byte(`,"sig":"c2lnbmVk","chain":{"n": 7, "h":"ab"}}`)...)
	ev, err := DecodeEvent(newer)
	if err != nil {
		t.Fatal(err)
	}
	if string(ev.Extra["sig"]) != `"c2lnbmVk"` || ev.Extra["chain"] == nil || len(ev.Extra) != 2 {
		t.Fatalf("extras = %v", ev.Extra)
	}
	want := string(base[:len(base)-1]) + `,"chain":{"n":7,"h":"ab"},"sig":"c2lnbmVk"}`
	if got, _ := ev.Encode(); string(got) != want {
		t.Fatalf("re-encoded:\n got %s\nwant %s", got, want)
	}

}

// TestDecodeEventCompact: an event is compact when it has no whitespace
// outside its strings, however deep, before or after it.
func TestDecodeEventCompact(t *testing.T) {
	base, _ := sampleEvent().Encode()
	open := string(base[:len(base)-1])
	tests := []struct {
		name string
		raw  string
		want bool
	}{
		{"as encoded", string(base), true},
		{"space inside a string", open + `,"note":"a b\t c"}`, true},
		{"space between members", open + `, "note":"x"}`, false},
		{"space inside an unknown member", open + `,"chain":{"n": 7}}`, false},
		{"newline inside an array", open + `,"list":[1,` + "\n" + `2]}`, false},
		{"trailing newline", string(base) + "\n", false},
		{"leading space", " " + string(base), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, compact, err := DecodeEventCompact([]byte(tt.raw))
			if err != nil {
				t.Fatal(err)
			}
			if compact != tt.want {
				t.Fatalf("compact = %v, want %v for %s", compact, tt.want, tt.raw)
			}
		})
	}
}

// BenchmarkEncodeSealed encodes a sealed event as a desk stores it
// ("encode") beside json.Marshal of the same event ("json.Marshal", the
// way Encode worked before: a second pass over every byte), same bytes.
func BenchmarkEncodeSealed(b *testing.B) {
	ev := sampleEvent()
	if _, err := SealEvent(&ev, testKey(1), ChainLink{}); err != nil {
		b.Fatal(err)
	}
	b.Run("encode", func(b *testing.B) {
		for b.Loop() {
			if _, err := ev.Encode(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(ev); err != nil {
				b.Fatal(err)
			}
		}
	})
}
