package pkey

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"testing"

	"floordesk/data/wire"
)

func plainReport(t *testing.T, priv ed25519.PrivateKey) wire.Event {
	t.Helper()
	ev := wire.Event{ID: "0190f0e0-0000-7000-8000-000000000002", HLC: wire.MakeTimestamp(1_700_000_000_000, 0), Desk: "desk-a",
		Actor: "A001", Entity: wire.EntityRef{Kind: "lostreport", ID: "r1"}, Type: "lostreport.filed", Version: 1,
		Body: json.RawMessage(`{"guest":"陈晓燕","contact":"13912345678","room":"302","description":"phone"}`)}
	if priv != nil {
		if _, err := wire.SealEvent(&ev, priv, wire.ChainLink{}); err != nil {
			t.Fatal(err)
		}
	}
	return ev
}

// TestEraseFieldsKeepsTheChain: a sealed event's plain personal fields
// erased leave its other fields and a body its seal still accepts; a body
// claiming another content is caught; an unsealed one keeps no hash (a
// hash of a phone number could be guessed back).
func TestEraseFieldsKeepsTheChain(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	ev := plainReport(t, priv)
	raw, _ := ev.Encode()
	out, ok := EraseFields(ev, raw, []string{"guest", "contact", "visitor"})
	if !ok || bytes.Contains(out.Body, []byte("13912345678")) || bytes.Contains(out.Body, []byte("陈晓燕")) ||
		!bytes.Contains(out.Body, []byte(`"room":"302"`)) || !bytes.Contains(out.Body, []byte(`"fields":["contact","guest"]`)) {
		t.Fatalf("erased body %s (%v)", out.Body, ok)
	}
	if _, _, err := wire.CheckSeal(out, pub); err != nil {
		t.Fatalf("the erased event fails its seal: %v", err)
	}
	if _, again := EraseFields(out, nil, []string{"guest", "contact"}); again {
		t.Fatal("erasing twice changed the body again")
	}
	forged := out
	var mark struct {
		E wire.ErasedFields `json:"erased_fields"`
	}
	json.Unmarshal(out.Body, &mark)
	forged.Body = bytes.Replace(out.Body, []byte(mark.E.Content), bytes.Repeat([]byte("0"), 64), 1)
	if _, _, err := wire.CheckSeal(forged, pub); !errors.Is(err, wire.ErrSealAltered) {
		t.Fatalf("an erased body naming another content passes its seal: %v", err)
	}
	altered := plainReport(t, priv)
	altered.Body = bytes.Replace(altered.Body, []byte("302"), []byte("303"), 1)
	if _, ok := EraseFields(altered, nil, []string{"guest"}); ok {
		t.Fatal("an event altered since it was sealed was erased (and its alteration hidden)")
	}

	legacy, ok := EraseFields(plainReport(t, nil), nil, []string{"guest", "contact"})
	if !ok || bytes.Contains(legacy.Body, []byte(`"content"`)) || bytes.Contains(legacy.Body, []byte("陈晓燕")) {
		t.Fatalf("an unsealed event erased: %s (%v)", legacy.Body, ok)
	}
}

// TestErasedFieldsMatchTheirPlainCopy: the server takes a desk's plain
// copy of an event it holds erased as the same event, not one that
// differs in anything else.
func TestErasedFieldsMatchTheirPlainCopy(t *testing.T) {
	_, priv, _ := ed25519.GenerateKey(nil)
	for _, ev := range []wire.Event{plainReport(t, nil), plainReport(t, priv)} {
		raw, _ := ev.Encode()
		out, _ := EraseFields(ev, raw, []string{"guest", "contact"})
		erased, _ := out.Encode()
		if !ErasedOf(erased, raw) || ErasedOf(raw, erased) || ErasedOf(raw, raw) {
			t.Fatalf("ErasedOf between %s and %s", erased, raw)
		}
		other := ev
		other.Body = bytes.Replace(ev.Body, []byte("302"), []byte("303"), 1)
		otherRaw, _ := other.Encode()
		if ErasedOf(erased, otherRaw) {
			t.Fatal("an erased event matches an event with another room")
		}
	}
}

// TestEraseOnlyPersonalFields: an erasure cannot remove what a record
// says about the hotel's work: a field Erasable does not list for the
// event's kind stays, and an event of another kind keeps every field.
func TestEraseOnlyPersonalFields(t *testing.T) {
	ev := plainReport(t, nil)
	out, ok := EraseFields(ev, nil, []string{"room", "description", "guest"})
	if !ok || !bytes.Contains(out.Body, []byte(`"room":"302"`)) || !bytes.Contains(out.Body, []byte(`"description":"phone"`)) ||
		bytes.Contains(out.Body, []byte("陈晓燕")) || !bytes.Contains(out.Body, []byte("13912345678")) {
		t.Fatalf("erasing guest, room and description gave %s (%v)", out.Body, ok)
	}
	ev.Entity.Kind = "key"
	if out, ok := EraseFields(ev, nil, []string{"guest", "contact"}); ok || !bytes.Equal(out.Body, ev.Body) {
		t.Fatalf("a key event lost fields: %s", out.Body)
	}
}
