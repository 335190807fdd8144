package server

import (
	"context"
	"errors"
	"regexp"
	"time"

	"floordesk/data/wire"
)

// Errors a Store returns. Backends translate their own errors into these or
// wrap them with the operation.
var (
	// ErrNotFound: no such desk, token or enrolment code.
	ErrNotFound = errors.New("not found")
	// ErrRevoked: the desk's token was revoked.
	ErrRevoked = errors.New("token revoked")
	// ErrCodeUsed: the enrolment code was already used or has expired.
	ErrCodeUsed = errors.New("enrolment code used or expired")
	// ErrDeskExists: a desk with that ID is already enrolled and not revoked.
	ErrDeskExists = errors.New("desk already enrolled")
	// ErrLocked: another process holds the store (the embedded Badger store
	// is single-process).
	ErrLocked = errors.New("store in use by another process")
	// ErrDiskFull: the store's disk has too little room to write; nothing
	// was stored, what was stored before can still be read, and writing
	// works again once space is freed (wire.ErrDiskFull).
	ErrDiskFull = wire.ErrDiskFull
)

// Pushed is an event as a desk sent it: the decoded envelope (checked by
// the caller) and its encoding, which the store keeps byte for byte.
type Pushed struct {
	Event wire.Event
	Raw   []byte
}

// Record is a stored event with the sequence number its property gave it.
type Record struct {
	Seq uint64
	Raw []byte
}

// AppendResult counts what one Append did.
type AppendResult struct {
	Stored     int
	Duplicates int
	LastSeq    uint64 // the property's latest sequence after the append
	// DuplicateAt lists the indexes in the batch of the events skipped as
	// duplicates, in order (nil when none was): the server tells each
	// push of an append that stored several (appendq.go) its own counts.
	DuplicateAt []int
	// Pending lists property's pending erasures (AddPendingErasure) of
	// the batch's events, stored now or before, oldest first, as
	// PendingErasures would return them once the append committed: the
	// server erases those events before it answers the push. A store
	// reads them in the append's own round trip where it has one.
	Pending []PendingErasure
}

// PendingErasure is an erasure whose target the store did not hold when
// it came: after a restore, desks push again in their own order, and a
// "pkey.destroyed" event (or a record's "personal.erased") may come before
// the event it erases. The target is erased as it arrives.
type PendingErasure struct {
	Target  string // the ID of the event to erase
	Erasure string // the ID of the stored event that erases it
}

// Desk is an enrolled desk. Only the hash of its token is kept.
type Desk struct {
	ID        string
	Property  string
	TokenHash string
	Enrolled  time.Time
	Revoked   time.Time // zero while the token is valid
	// Group lists the properties a group supervisor's desk may read (a
	// group grant, server/group.go); empty for a property's own desk.
	// A group desk has no Property of its own and never pushes.
	Group []string
}

// Enrolment is a one-time code an administrator created for a property.
// Only the hash of the code is kept.
type Enrolment struct {
	CodeHash string
	Property string
	Expires  time.Time
	// Group lists the properties of a group grant (Property is then
	// empty): the desk enrolled with the code gets Desk.Group.
	Group []string
}

// Store is where the server keeps events, desks and enrolment codes. All
// methods are safe for concurrent use.
type Store interface {
	// Append stores a batch of events for property in one transaction:
	// either every new event is stored or none is. An event whose ID the
	// store already holds (in any property) with the same content (see
	// SameEvent) is a duplicate and is skipped, as is a repeat inside the
	// batch; with other content it is a conflict: nothing is stored and
	// the error is a *ConflictError naming it. New events get the property's next
	// sequence numbers, in batch order and in commit order: once a reader
	// has seen sequence n, every later commit gets a sequence above n, so a
	// reader that moves its cursor to n never skips an event. On a disk
	// too full to take the batch it stores nothing and the error is
	// ErrDiskFull, as for every other write. Once the append commits, an
	// AddPendingErasure of one of its events either is in the result's
	// Pending or finds the event stored (its second Erase; see
	// server/erase.go), never neither.
	Append(ctx context.Context, property string, evs []Pushed) (AppendResult, error)

	// Since returns up to limit events of property with a sequence above
	// after, in sequence order, and stops after the event that takes the
	// total size of their Raw over maxBytes: that event is returned too
	// (so the first event comes whatever its size, and the caller can tell
	// the budget was reached, as with limit+1). It returns an empty slice,
	// not an error, when there are none.
	Since(ctx context.Context, property string, after uint64, limit, maxBytes int) ([]Record, error)

	// Erase replaces the stored bytes of property's event id with what
	// erase makes of them, keeping its sequence: the one change a store
	// makes to an event, for the key of a guest's personal data a
	// "pkey.destroyed" event destroys (data/pkey, docs/data-protection.md).
	// An event the store does not hold, or holds for another property, is
	// left alone and the error is ErrNotFound (the server then remembers
	// the erasure: AddPendingErasure); an error from erase is returned and
	// nothing is changed.
	Erase(ctx context.Context, property, id string, erase func(raw []byte) ([]byte, error)) error

	// AddPendingErasure remembers, durably, an erasure of property's event
	// p.Target that came before the event itself (server/erase.go), until
	// DropPendingErasure. Adding one the store remembers already changes
	// nothing. When property then has more than max, the oldest added are
	// forgotten to leave max, and returned.
	AddPendingErasure(ctx context.Context, property string, p PendingErasure, max int) (dropped []PendingErasure, err error)

	// PendingErasures returns property's pending erasures of the events
	// targets names, oldest first; none (and no error) when there are none.
	PendingErasures(ctx context.Context, property string, targets []string) ([]PendingErasure, error)

	// DropPendingErasure forgets p, once applied. Forgetting one the store
	// does not remember is not an error.
	DropPendingErasure(ctx context.Context, property string, p PendingErasure) error

	// LastSeq is property's latest sequence number, 0 when it has none.
	LastSeq(ctx context.Context, property string) (uint64, error)

	// Epoch identifies this copy of the data. It is created on first use,
	// stays the same across restarts and changes with Restored.
	Epoch(ctx context.Context) (string, error)

	// Restored is called once on a store just restored from a backup. In
	// one transaction it gives the store a fresh epoch, revokes every desk
	// at time now and voids every enrolment code not yet used, and returns
	// the new epoch. A backup remembers tokens and codes as they were when
	// it was taken: a desk revoked since, or a code used since, would work
	// again. After Restored none does; every desk enrols again with a new
	// code, then re-pushes what it holds (it sees the new epoch) and pulls
	// from zero.
	Restored(ctx context.Context, now time.Time) (string, error)

	// AddEnrolment records a one-time enrolment code (by its hash), with
	// its group grant when it has one.
	AddEnrolment(ctx context.Context, e Enrolment) error

	// Enroll uses up the enrolment code with hash codeHash at time now and
	// records the desk with its token hash. Three things might happen: the
	// desk is enrolled in the code's property and returned; the code is
	// unknown (ErrNotFound) or used or expired (ErrCodeUsed); or a desk
	// with that ID is already enrolled and not revoked (ErrDeskExists), and
	// the code stays unused. A revoked desk may enrol again with a new code.
	// The desk gets the code's Property, or its Group for a group grant.
	Enroll(ctx context.Context, codeHash, desk, tokenHash string, now time.Time) (Desk, error)

	// DeskByToken finds the desk whose token has hash tokenHash: ErrNotFound
	// when there is none, ErrRevoked when its token was revoked.
	DeskByToken(ctx context.Context, tokenHash string) (Desk, error)

	// Revoke revokes a desk's token at time now: ErrNotFound for an
	// unknown desk. Revoking twice is not an error.
	Revoke(ctx context.Context, desk string, now time.Time) error

	// Desks lists every desk ever enrolled, by ID.
	Desks(ctx context.Context) ([]Desk, error)

	// AddDeskKey records a desk's public signing key and the clock
	// reading from which that desk seals every event (wire.DeskKey). A key
	// the desk has already is not an error and changes nothing: its first
	// Since stays. Keys are never removed, and survive revoking and
	// enrolling again: the events they signed stay in the log.
	AddDeskKey(ctx context.Context, k wire.DeskKey) error

	// DeskKeys returns every desk's keys.
	DeskKeys(ctx context.Context) (wire.KeyRing, error)

	// Event returns the stored encoding of the event with ID id, in any
	// property: ErrNotFound when the store does not hold it.
	Event(ctx context.Context, id string) ([]byte, error)

	// Close releases the store.
	Close() error
}

var propertyRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// ValidProperty reports whether name can name a property: 1 to 64 letters,
// digits, '.', '_' or '-', starting with a letter or digit.
func ValidProperty(name string) bool { return propertyRE.MatchString(name) }

// ValidDesk reports whether id can name a desk: the same rule as properties.
func ValidDesk(id string) bool { return propertyRE.MatchString(id) }
