package wire

import (
	"errors"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits every new event keeps. The desk's store checks them before it
// saves an event (so a desk never makes one the server would refuse), and
// the server again at push (so a buggy, old or hostile desk cannot put one
// in the hotel's log, which is never trimmed). They are not checked on
// events read back or pulled: what is stored stays readable.
const (
	// MaxNameBytes bounds each of the envelope's names: entity kind,
	// entity ID, type, desk and actor. The longest real ones are a few
	// dozen bytes (a UUID is 36, "found.transferred" 17).
	MaxNameBytes = 256

	// MaxBodyBytes bounds an event's body as encoded. Measured in a demo
	// hotel of 50,000 records (157,671 events): the largest body is the
	// room list (rooms.imported, 12,798 bytes for 300 rooms, about 43 bytes
	// a room); every other type stays under 400 bytes, as its text fields
	// are capped (at most 1,000 characters). 1 MiB is 80 times the largest
	// and holds a list of some 24,000 rooms, more than any hotel has, while
	// 15 events at the cap still fit one pull answer. A bigger body is a
	// bug or an attack, not a record.
	MaxBodyBytes = 1 << 20

	// MaxExtraBytes bounds the envelope fields a newer build may add
	// (Event.Extra), names and values together.
	MaxExtraBytes = 16 << 10

	// MaxEventBytes bounds a whole encoded event: the body, the names (each
	// at most 6×MaxNameBytes once escaped), the extras and the fixed fields
	// all fit.
	MaxEventBytes = MaxBodyBytes + 64<<10

	// MaxAnswerBytes bounds a pull answer. The server stops adding events
	// before an answer would grow past it, but always sends at least one,
	// and one event of MaxEventBytes always fits; the desk reads answers of
	// up to this size, so every event the server stores can be delivered.
	MaxAnswerBytes = 16 << 20

	// MaxClockAhead is how far ahead of the server's own clock an event's
	// HLC may be. A desk PC whose date is wrong makes events from the
	// future, which would sort after every other desk's for as long as it
	// is wrong; the server refuses them (ErrCodeClockAhead) and the desk
	// keeps them until its clock is right. It equals the desks' default
	// drift tolerance, so every stored event's clock is one a desk with a
	// right clock follows.
	MaxClockAhead = 5 * time.Minute
)

// ErrLimit is matched (errors.Is) by every error CheckLimits returns.
var ErrLimit = errors.New("event over a limit")

// LimitError reports an event field over its size limit.
type LimitError struct {
	Field string // "body", "entity.id", "extra", "event"...
	Size  int    // its size in bytes
	Max   int    // the limit
}

func (e *LimitError) Error() string {
	return "event " + e.Field + " is " + strconv.Itoa(e.Size) + " bytes, at most " + strconv.Itoa(e.Max) + " allowed"
}

// Is makes a LimitError match ErrLimit.
func (e *LimitError) Is(target error) bool { return target == ErrLimit }

// CheckLimits checks what Validate does not: the size of every field and
// the characters of the names. Names must be valid UTF-8 without control
// characters (NUL, tab, line breaks, DEL...); the body must be valid UTF-8.
// It returns a *LimitError for a field too big and an *EnvelopeError for
// bad characters, both matching ErrLimit.
func (e Event) CheckLimits() error {
	names := []struct{ field, v string }{
		{"entity.kind", e.Entity.Kind}, {"entity.id", e.Entity.ID},
		{"type", e.Type}, {"desk", e.Desk}, {"actor", e.Actor},
	}
	for _, n := range names {
		if err := checkName(n.field, n.v); err != nil {
			return err
		}
	}
	if len(e.Body) > MaxBodyBytes {
		return &LimitError{Field: "body", Size: len(e.Body), Max: MaxBodyBytes}
	}
	if !utf8.Valid(e.Body) {
		return &EnvelopeError{Field: "body", Problem: "must be valid UTF-8", limit: true}
	}
	extra := 0
	for k, v := range e.Extra {
		extra += len(k) + len(v)
	}
	if extra > MaxExtraBytes {
		return &LimitError{Field: "extra", Size: extra, Max: MaxExtraBytes}
	}
	return nil
}

func checkName(field, v string) error {
	if len(v) > MaxNameBytes {
		return &LimitError{Field: field, Size: len(v), Max: MaxNameBytes}
	}
	if !utf8.ValidString(v) {
		return &EnvelopeError{Field: field, Problem: "must be valid UTF-8", limit: true}
	}
	for _, r := range v {
		if unicode.IsControl(r) {
			return &EnvelopeError{Field: field, Problem: "must not contain control characters (NUL, tab, line breaks...)", limit: true}
		}
	}
	return nil
}

// CheckEncodedSize checks the size of an event's whole encoding.
func CheckEncodedSize(n int) error {
	if n > MaxEventBytes {
		return &LimitError{Field: "event", Size: n, Max: MaxEventBytes}
	}
	return nil
}
