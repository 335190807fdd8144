// Package pkey names the events that carry the keys of guests' personal
// data (crypto-shredding, see app/personal) and erases them. A key travels
// in a "pkey.issued" event like any other event; a "pkey.destroyed" event
// names the issued event whose key it destroys, and every store that holds
// that issued event (each desk's, the server's) erases its body: the
// envelope stays (its ID, desk, time, so the log has no gap), the key is
// gone, and the body keeps the SHA-256 of what it held, so a hash chain or
// a signature over the body's hash still checks.
//
// It is shared by the desk's store and the server, and imports only the
// wire format.
package pkey

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"floordesk/data/wire"
)

// Kind is the entity kind of a personal-data key; one entity per key.
const Kind = "pkey"

// Event types of a key.
const (
	// TypeIssued carries a new key (Issued).
	TypeIssued = "pkey.issued.v1"
	// TypeDestroyed destroys it (Destroyed).
	TypeDestroyed = "pkey.destroyed.v1"
)

// Issued is the body of TypeIssued: the key itself (32 bytes).
type Issued struct {
	Key []byte `json:"key"`
}

// Destroyed is the body of TypeDestroyed. Issued is the ID of the event
// that carried the key: the one every store erases.
type Destroyed struct {
	Issued string `json:"issued"`
	Reason string `json:"reason"` // "retention" or "request"
	Days   int    `json:"days,omitempty"`
}

// erased is the body an erased event keeps.
type erased struct {
	Erased bool   `json:"erased"`
	SHA256 string `json:"sha256"`
}

// Erase returns ev with its body replaced by the erased form: a body that
// keeps only the SHA-256 of the one it replaces. Erasing an erased event
// returns it unchanged.
func Erase(ev wire.Event) wire.Event {
	if IsErased(ev.Body) {
		return ev
	}
	sum := sha256.Sum256(ev.Body)
	b, _ := json.Marshal(erased{Erased: true, SHA256: hex.EncodeToString(sum[:])})
	ev.Body = b
	return ev
}

// EraseRaw is Erase of an encoded event.
func EraseRaw(raw []byte) ([]byte, error) {
	ev, err := wire.DecodeEvent(raw)
	if err != nil {
		return nil, fmt.Errorf("erase: %w", err)
	}
	return Erase(ev).Encode()
}

// IsErased reports whether body is an erased body.
func IsErased(body []byte) bool {
	var e erased
	return bytes.Contains(body, []byte(`"erased"`)) && json.Unmarshal(body, &e) == nil && e.Erased && e.SHA256 != ""
}

// ErasedOf reports whether stored is pushed erased: the same event, its
// key destroyed since, or its personal fields erased (fields.go). A desk
// that has not yet heard of the erasure may push the event again as it
// was; the server keeps its erased copy.
func ErasedOf(stored, pushed []byte) bool {
	s, err := wire.DecodeEvent(stored)
	if err != nil {
		return false
	}
	fields, fieldsErased := erasedFieldsOf(s)
	keyErased := s.Entity.Kind == Kind && IsErased(s.Body)
	if !keyErased && !fieldsErased {
		return false
	}
	p, err := wire.DecodeEvent(pushed)
	if err != nil || p.ID != s.ID {
		return false
	}
	if keyErased {
		p = Erase(p)
	} else {
		p, _ = EraseFields(p, pushed, fields)
	}
	a, errA := p.Encode()
	b, errB := s.Encode()
	return errA == nil && errB == nil && bytes.Equal(a, b)
}

// DestroyedIssued returns the ID of the issued event that ev destroys;
// ok is false when ev destroys no key.
func DestroyedIssued(ev wire.Event) (string, bool) {
	if ev.Entity.Kind != Kind || ev.Type != TypeDestroyed {
		return "", false
	}
	var d Destroyed
	if json.Unmarshal(ev.Body, &d) != nil || d.Issued == "" {
		return "", false
	}
	return d.Issued, true
}
