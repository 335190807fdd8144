package storetest

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server"
)

// SealEvents makes n events of desk sealed in the chain of priv's key,
// after *link (the zero link starts the chain), which it moves on.
func SealEvents(desk string, priv ed25519.PrivateKey, link *wire.ChainLink, n, bodyBytes int) []server.Pushed {
	evs := NewEvents(desk, n, bodyBytes)
	for i := range evs {
		next, err := wire.SealEvent(&evs[i].Event, priv, *link)
		if err != nil {
			panic(err)
		}
		*link = next
		if evs[i].Raw, err = evs[i].Event.Encode(); err != nil {
			panic(err)
		}
	}
	return evs
}

// NewKey makes a desk's key pair from a one-byte seed, for tests.
func NewKey(seed byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
}

func pubOf(k ed25519.PrivateKey) ed25519.PublicKey { return k.Public().(ed25519.PublicKey) }

// testDeskKeys: keys are kept per desk, once each with their first Since,
// and survive a restore that signs every desk out.
func testDeskKeys(t *testing.T, s server.Store) {
	a1, a2, b := pubOf(NewKey(1)), pubOf(NewKey(2)), pubOf(NewKey(3))
	for _, k := range []wire.DeskKey{
		{Desk: "desk-a", Pub: a1, Since: 100},
		{Desk: "desk-a", Pub: a1, Since: 50}, // again: changes nothing
		{Desk: "desk-a", Pub: a2, Since: 300},
		{Desk: "desk-b", Pub: b, Since: 200},
	} {
		if err := s.AddDeskKey(ctx(t), k); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Restored(ctx(t), time.Now()); err != nil {
		t.Fatal(err)
	}
	ring, err := s.DeskKeys(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(ring["desk-a"]) != 2 || len(ring["desk-b"]) != 1 {
		t.Fatalf("keys: %+v", ring)
	}
	if since, ok := ring.SealedSince("desk-a"); !ok || since != 100 {
		t.Fatalf("desk-a seals since %d, %v; want 100", since, ok)
	}
	if got, ok := ring.Key("desk-a", wire.KeyID(a2)); !ok || !got.Equal(a2) {
		t.Fatalf("desk-a's second key: %v", ok)
	}
	if _, ok := ring.Key("desk-b", wire.KeyID(a1)); ok {
		t.Fatal("desk-b has desk-a's key")
	}
}

// testEventByID: a stored event reads back byte for byte by its ID, in
// any property; an unknown ID is ErrNotFound.
func testEventByID(t *testing.T, s server.Store) {
	evs := NewEvents("desk-a", 3, 50)
	mustAppend(t, s, "hotel-b", evs)
	got, err := s.Event(ctx(t), evs[1].Event.ID)
	if err != nil || !bytes.Equal(got, evs[1].Raw) {
		t.Fatalf("Event = %s, %v; want %s", got, err, evs[1].Raw)
	}
	if _, err := s.Event(ctx(t), NewEvent("desk-a", "x", 1).Event.ID); !errors.Is(err, server.ErrNotFound) {
		t.Fatalf("unknown ID: %v", err)
	}
}
