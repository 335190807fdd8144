package server

import (
	"bytes"
	"errors"
	"net/http"

	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// ErrConflict: a pushed event has the ID of an event stored (or pushed in
// the same batch) with other content. An event is never changed, so this
// is a bug or a forgery, never a repeat: it is refused, not counted as a
// duplicate, so the desk that sent it finds out.
var ErrConflict = errors.New("event ID already stored with other content")

// ConflictError names the event of a conflict; it matches ErrConflict.
type ConflictError struct{ ID string }

func (e *ConflictError) Error() string {
	return "event " + e.ID + " is already stored with other content"
}

// Is makes a ConflictError match ErrConflict.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// SameEvent reports whether two encodings hold the same event: byte for
// byte, or once decoded and encoded again (a desk of another version may
// order its fields differently); or the same key event, one copy erased
// since its key was destroyed (data/pkey).
func SameEvent(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	if pkey.ErasedOf(a, b) || pkey.ErasedOf(b, a) {
		return true // a key destroyed since: the store keeps the erased copy
	}
	ea, err := wire.DecodeEvent(a)
	if err != nil {
		return false
	}
	eb, err := wire.DecodeEvent(b)
	if err != nil {
		return false
	}
	ca, errA := ea.Encode()
	cb, errB := eb.Encode()
	return errA == nil && errB == nil && bytes.Equal(ca, cb)
}

// CheckRepeats returns a *ConflictError when a batch holds one event ID
// twice with other content; a repeat of the same event is harmless and
// stored once.
func CheckRepeats(evs []Pushed) error {
	seen := make(map[string]int, len(evs))
	for i, p := range evs {
		j, ok := seen[p.Event.ID]
		if !ok {
			seen[p.Event.ID] = i
			continue
		}
		if !SameEvent(evs[j].Raw, p.Raw) {
			return &ConflictError{ID: p.Event.ID}
		}
	}
	return nil
}

func conflictRefusal(id string) *pushError {
	return &pushError{http.StatusConflict, wire.ErrorBody{
		Code: wire.ErrCodeConflict, Event: id,
		Message: "event " + id + " is already stored with other content: an event is never changed, and a new one needs a new ID",
	}}
}
