package wire

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// testKey is a fixed key, so the sealed golden file is stable (Ed25519
// signatures are deterministic).
func testKey(seed byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
}

// sealedPair is two events of one chain, the second after the first.
func sealedPair(t *testing.T) (Event, Event) {
	t.Helper()
	first, second := sampleEvent(), sampleEvent()
	first.ID, first.Prev = "01936b2e-8f4a-7c3d-9e2f-000000000001", ""
	link, err := SealEvent(&first, testKey(1), ChainLink{})
	if err != nil {
		t.Fatal(err)
	}
	second.Body = json.RawMessage(`{"holder": "staff-017", "note": "<门卡>"}`) // as a module writes it, spaces and all
	if _, err := SealEvent(&second, testKey(1), link); err != nil {
		t.Fatal(err)
	}
	return first, second
}

// TestSealedEncodingGolden pins a sealed event as stored and sent: the
// chain hash's definition and the seal's field names.
func TestSealedEncodingGolden(t *testing.T) {
	_, second := sealedPair(t)
	got, err := second.Encode()
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "event_sealed.golden.json")
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
		t.Fatalf("sealed encoding changed:\n got %s\nwant %s", got, want)
	}
}

// TestSealSurvivesRoundTrip: an event decoded from its encoding (as a
// server or another desk reads it) still checks, with its author's key.
func TestSealSurvivesRoundTrip(t *testing.T) {
	first, second := sealedPair(t)
	pub := testKey(1).Public().(ed25519.PublicKey)
	var link ChainLink
	for i, ev := range []Event{first, second} {
		enc, _ := ev.Encode()
		back, err := DecodeEvent(enc)
		if err != nil {
			t.Fatal(err)
		}
		s, next, err := CheckSeal(back, pub)
		if err != nil {
			t.Fatalf("event %d: %v", i+1, err)
		}
		if !s.Follows(link) {
			t.Fatalf("event %d does not follow event %d", i+1, i)
		}
		link = next
	}
}

func TestSealCatchesChanges(t *testing.T) {
	other := testKey(2).Public().(ed25519.PublicKey)
	pub := testKey(1).Public().(ed25519.PublicKey)
	tests := []struct {
		name   string
		change func(*Event)
		key    ed25519.PublicKey
		want   error
	}{
		{"body", func(e *Event) { e.Body = json.RawMessage(`{"holder":"staff-099"}`) }, pub, ErrSealAltered},
		{"one byte of the body", func(e *Event) { e.Body = bytes.Replace(e.Body, []byte("017"), []byte("018"), 1) }, pub, ErrSealAltered},
		{"desk", func(e *Event) { e.Desk = "desk-other" }, pub, ErrSealAltered},
		{"clock", func(e *Event) { e.HLC++ }, pub, ErrSealAltered},
		{"another envelope field", func(e *Event) { e.Extra["zz"] = json.RawMessage(`1`) }, pub, ErrSealAltered},
		{"another desk's key", func(e *Event) {}, other, ErrBadSignature},
		{"seal not JSON", func(e *Event) { e.Extra[SealField] = json.RawMessage(`"x"`) }, pub, ErrSealMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ev := sealedPair(t)
			tt.change(&ev)
			if _, _, err := CheckSeal(ev, tt.key); !errors.Is(err, tt.want) {
				t.Fatalf("CheckSeal = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestSealResignedByAnotherKey: an event re-sealed by another desk's key
// checks against that key only, so it cannot pass as its claimed author's.
func TestSealResignedByAnotherKey(t *testing.T) {
	_, ev := sealedPair(t)
	if _, err := SealEvent(&ev, testKey(2), ChainLink{}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := CheckSeal(ev, testKey(1).Public().(ed25519.PublicKey)); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("CheckSeal = %v, want ErrBadSignature", err)
	}
}

func TestUnsealedEventHasNoSeal(t *testing.T) {
	if _, ok, err := SealOf(sampleEvent()); ok || err != nil {
		t.Fatalf("SealOf(unsealed) = %v, %v", ok, err)
	}
}

// BenchmarkCheckSeal is what the server spends on each event it stores:
// the seal read, the event encoded again and hashed, the signature checked.
func BenchmarkCheckSeal(b *testing.B) {
	ev := sampleEvent()
	if _, err := SealEvent(&ev, testKey(1), ChainLink{}); err != nil {
		b.Fatal(err)
	}
	enc, _ := ev.Encode()
	ev, _ = DecodeEvent(enc)
	pub := testKey(1).Public().(ed25519.PublicKey)
	for b.Loop() {
		if _, _, err := CheckSeal(ev, pub); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSealEvent is what a desk spends sealing each event it makes.
func BenchmarkSealEvent(b *testing.B) {
	ev := sampleEvent()
	key := testKey(1)
	for b.Loop() {
		if _, err := SealEvent(&ev, key, ChainLink{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCheckSealOfRaw: the server's check from the stored bytes agrees with
// the check from the decoded event: a whole event passes (a body holding
// a "seal" key of its own too), a changed one is caught.
func TestCheckSealOfRaw(t *testing.T) {
	pub := testKey(1).Public().(ed25519.PublicKey)
	for _, body := range []string{`{"n":1}`, `{"x":{"seal":{"k":"1"}},"y":2}`} {
		ev := sampleEvent()
		ev.Body = json.RawMessage(body)
		SealEvent(&ev, testKey(1), ChainLink{})
		raw, _ := ev.Encode()
		back, _ := DecodeEvent(raw)
		s, _, _ := SealOf(back)
		if _, _, err := CheckSealOf(back, s, raw, pub); err != nil {
			t.Fatalf("body %s: %v", body, err)
		}
		changed := bytes.Replace(raw, []byte("staff-017"), []byte("staff-018"), 1)
		back, _ = DecodeEvent(changed)
		if _, _, err := CheckSealOf(back, s, changed, pub); !errors.Is(err, ErrSealAltered) {
			t.Fatalf("body %s changed: %v", body, err)
		}
	}
}

// TestAnErasedKeyStillLinksTheChain: a guest-data key event whose key was
// destroyed has its body replaced on every store (crypto-shredding); it
// still checks with its author's key and links the next event, while the
// same replacement on any other event is caught as an alteration.
func TestAnErasedKeyStillLinksTheChain(t *testing.T) {
	pub := testKey(1).Public().(ed25519.PublicKey)
	erase := func(kind string) (Event, Event) {
		first, second := sampleEvent(), sampleEvent()
		first.ID, first.Prev, first.Entity.Kind = "01936b2e-8f4a-7c3d-9e2f-000000000001", "", kind
		link, err := SealEvent(&first, testKey(1), ChainLink{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := SealEvent(&second, testKey(1), link); err != nil {
			t.Fatal(err)
		}
		first.Body = json.RawMessage(`{"erased":true,"sha256":"0a1b"}`)
		return first, second
	}
	first, second := erase("pkey")
	s, link, err := CheckSeal(first, pub)
	if err != nil {
		t.Fatalf("the erased key event: %v", err)
	}
	next, _, _ := SealOf(second)
	if !next.Follows(link) || s.N != 1 {
		t.Errorf("the event after the erased key no longer follows it")
	}
	if _, _, err := CheckSeal(first, testKey(2).Public().(ed25519.PublicKey)); !errors.Is(err, ErrBadSignature) {
		t.Errorf("an erased key event under another key: %v, want a bad signature", err)
	}
	other, _ := erase("loan")
	if _, _, err := CheckSeal(other, pub); !errors.Is(err, ErrSealAltered) {
		t.Errorf("a loan with an erased-looking body: %v, want it caught", err)
	}
}
