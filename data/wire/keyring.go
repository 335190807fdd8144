package wire

import "crypto/ed25519"

// DeskKey is a desk's public signing key and the clock reading from which
// the desk seals every event it makes: its events before Since are from
// before the chain, and may be unsealed; none after it may.
type DeskKey struct {
	Desk  string
	Pub   ed25519.PublicKey
	Since Timestamp
}

// KeyRing holds the desks' public keys by desk. A desk may have several
// (a new one after its store was restored from a backup). The zero
// KeyRing knows no key.
type KeyRing map[string][]DeskKey

// Add files k under its desk, once.
func (r KeyRing) Add(k DeskKey) {
	for _, have := range r[k.Desk] {
		if have.Pub.Equal(k.Pub) {
			return
		}
	}
	r[k.Desk] = append(r[k.Desk], k)
}

// Key finds desk's key with ID kid.
func (r KeyRing) Key(desk, kid string) (ed25519.PublicKey, bool) {
	for _, k := range r[desk] {
		if KeyID(k.Pub) == kid {
			return k.Pub, true
		}
	}
	return nil, false
}

// SealedSince is the earliest Since of desk's keys: ok is false for a desk
// with no key, all of whose events may be unsealed.
func (r KeyRing) SealedSince(desk string) (Timestamp, bool) {
	var since Timestamp
	for i, k := range r[desk] {
		if i == 0 || k.Since < since {
			since = k.Since
		}
	}
	return since, len(r[desk]) > 0
}
