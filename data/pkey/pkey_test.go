package pkey

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"

	"floordesk/data/wire"
)

func issued(t *testing.T) wire.Event {
	t.Helper()
	body, _ := json.Marshal(Issued{Key: bytes.Repeat([]byte{7}, 32)})
	return wire.Event{ID: "0190f0e0-0000-7000-8000-000000000001", HLC: wire.MakeTimestamp(1_700_000_000_000, 0), Desk: "desk-a",
		Actor: "A001", Entity: wire.EntityRef{Kind: Kind, ID: "k1"}, Type: TypeIssued, Version: 1, Body: body}
}

// TestEraseKeepsTheHashAndTheEnvelope: an erased key event holds no key,
// keeps the SHA-256 of the body it held and its envelope, and erasing it
// again changes nothing; the server takes a re-push of the original as
// the same event.
func TestEraseKeepsTheHashAndTheEnvelope(t *testing.T) {
	ev := issued(t)
	sum := sha256.Sum256(ev.Body)
	out := Erase(ev)
	if bytes.Contains(out.Body, []byte(`"key"`)) || !bytes.Contains(out.Body, []byte(hex.EncodeToString(sum[:]))) || !IsErased(out.Body) {
		t.Fatalf("erased body %s", out.Body)
	}
	if out.ID != ev.ID || out.HLC != ev.HLC || out.Entity != ev.Entity || out.Type != ev.Type {
		t.Fatal("the erase changed the envelope")
	}
	if again := Erase(out); !bytes.Equal(again.Body, out.Body) {
		t.Fatal("erasing twice changed the body")
	}
	raw, _ := ev.Encode()
	erasedRaw, err := EraseRaw(raw)
	if err != nil || !ErasedOf(erasedRaw, raw) || ErasedOf(raw, erasedRaw) || ErasedOf(raw, raw) {
		t.Fatalf("ErasedOf: %v", err)
	}
	other := ev
	other.Body = json.RawMessage(`{"key":"AAAA"}`)
	otherRaw, _ := other.Encode()
	if ErasedOf(erasedRaw, otherRaw) {
		t.Fatal("an erased event matches an event with another key")
	}
	if IsErased([]byte(`{"erased":true}`)) {
		t.Fatal("a body without the hash counts as erased")
	}
}
