package app

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"floordesk/data/wire"
)

// Store is what the domain needs from the event store; *data.Store
// implements it.
type Store interface {
	// Append stores one local event durably and refolds its entity; it
	// fills ID, HLC, Desk and Prev and returns the stored event.
	Append(ev wire.Event) (wire.Event, error)
	// AppendAll stores several local events atomically.
	AppendAll(evs []wire.Event) ([]wire.Event, error)
	// AppendView is Append that also returns the entity's view as the
	// event left it (not to be changed).
	AppendView(ev wire.Event) (wire.Event, []byte, error)
	// View returns an entity's folded state; data.ErrNotFound when none.
	View(ref wire.EntityRef) ([]byte, error)
	// Views calls fn for every entity of a kind, in ID order.
	Views(kind string, fn func(id string, state []byte) error) error
	// Indexed calls fn for every entity filed under index name (see
	// Index), in the index's key order, with its view; IndexedAt for those
	// filed under one key; IndexedRange for those filed under a key k of
	// from's width with from <= k < to.
	Indexed(name string, fn func(key []byte, ref wire.EntityRef, view []byte) error) error
	IndexedAt(name string, key []byte, fn func(ref wire.EntityRef, view []byte) error) error
	// ReadIndex reads the entries of index name filed ByPrefix (the word
	// index, see Search), and views, from one snapshot.
	ReadIndex(name string, fn func(r wire.IndexReader) error) error
	IndexedRange(name string, from, to []byte, fn func(key []byte, ref wire.EntityRef, view []byte) error) error
	// IndexKeys calls fn for every entry of index name, in key order,
	// without reading the views (key is valid during the call only).
	IndexKeys(name string, fn func(key []byte, ref wire.EntityRef) error) error
	// Stream returns an entity's events in fold order; StreamSince those
	// stamped at since or later.
	Stream(ref wire.EntityRef) ([]wire.Event, error)
	StreamSince(ref wire.EntityRef, since wire.Timestamp) ([]wire.Event, error)
	// Get returns one event; data.ErrNotFound when unknown.
	Get(id string) (wire.Event, error)
	// Desk is this desk's ID.
	Desk() string
	// Setting and SetSetting keep small local values that are not synced;
	// Setting returns data.ErrNotFound when missing.
	Setting(name string) (string, error)
	SetSetting(name, value string) error
}

// Service runs the desk's commands and queries. Commands are serialised by
// a mutex, so a check and the event it leads to see the same state; queries
// read folded views and may run concurrently with each other.
type Service struct {
	store Store
	mu    sync.Mutex

	// Clock is the wall clock for every time the domain records.
	Clock func() time.Time
	// NewID makes IDs for new entities (door openings, lost reports...).
	NewID func() string
	// Rand is the source of PIN salts.
	Rand io.Reader
	// PINCost is the Argon2id cost of new PIN hashes.
	PINCost PINCost
	// Location is the hotel's time zone, for times in messages.
	Location *time.Location
	// DeskCode is this desk's short code ("D1") in the hotel set-up; it
	// prefixes found-item tags. Empty uses the first characters of the
	// store's desk ID.
	DeskCode string
}

// New returns a Service on store. clock nil means time.Now.
func New(store Store, clock func() time.Time) *Service {
	if clock == nil {
		clock = time.Now
	}
	return &Service{
		store:    store,
		Clock:    clock,
		NewID:    func() string { return uuid.Must(uuid.NewV7()).String() },
		Rand:     rand.Reader,
		PINCost:  DefaultPINCost,
		Location: time.Local,
	}
}

// Store returns the underlying store, for the sync client and tests.
func (s *Service) Store() Store { return s.store }

// Now is the injected clock in UTC, to the millisecond.
func (s *Service) Now() time.Time { return s.Clock().UTC().Truncate(time.Millisecond) }

// LoadView reads and decodes one entity's view; ErrNotFound (as a
// *Refusal naming kind and id) when there is none.
func LoadView[T any](s *Service, kind, id string) (T, error) {
	var v T
	b, err := s.store.View(wire.EntityRef{Kind: kind, ID: id})
	if errors.Is(err, wire.ErrNotFound) {
		return v, NotFound(kind, id)
	}
	if err != nil {
		return v, fmt.Errorf("load %s/%s: %w", kind, id, err)
	}
	p, err := decodeView[T](wire.EntityRef{Kind: kind, ID: id}, b)
	if err != nil {
		return v, fmt.Errorf("decode %s/%s: %w", kind, id, err)
	}
	return *p, nil
}

// Exists reports whether an entity has a view.
func (s *Service) Exists(kind, id string) (bool, error) {
	_, err := s.store.View(wire.EntityRef{Kind: kind, ID: id})
	if errors.Is(err, wire.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// ListViews decodes every view of a kind, in ID order, keeping those keep
// accepts (nil keeps all).
func ListViews[T any](s *Service, kind string, keep func(*T) bool) ([]T, error) {
	var out []T
	err := s.store.Views(kind, func(id string, b []byte) error {
		return decodeInto(&out, Ref(kind, id), b, keep)
	})
	return out, err
}

// NewEvent builds an unsaved event with a JSON body.
func NewEvent(actor string, ref wire.EntityRef, typ string, body any) (wire.Event, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return wire.Event{}, fmt.Errorf("encode %s: %w", typ, err)
	}
	return wire.Event{Actor: actor, Entity: ref, Type: typ, Version: 1, Body: b}, nil
}

// Emit appends one event made by actor.
func (s *Service) Emit(actor Staff, ref wire.EntityRef, typ string, body any) (wire.Event, error) {
	ev, err := NewEvent(actor.ID, ref, typ, body)
	if err != nil {
		return wire.Event{}, err
	}
	stored, err := s.store.Append(ev)
	if err != nil {
		return wire.Event{}, fmt.Errorf("save %s: %w", typ, StoreRefusal(err))
	}
	return stored, nil
}

// EmitView appends one event made by actor and returns the entity's view
// as that event left it: a command's answer, without reading the view
// back from the store.
func EmitView[T any](s *Service, actor Staff, ref wire.EntityRef, typ string, body any) (T, error) {
	var v T
	ev, err := NewEvent(actor.ID, ref, typ, body)
	if err != nil {
		return v, err
	}
	_, view, err := s.store.AppendView(ev)
	if err != nil {
		return v, fmt.Errorf("save %s: %w", typ, StoreRefusal(err))
	}
	p, err := decodeView[T](ref, view)
	if err != nil {
		return v, fmt.Errorf("decode %s: %w", ref, err)
	}
	return *p, nil
}

// Ref is shorthand for an entity reference.
func Ref(kind, id string) wire.EntityRef { return wire.EntityRef{Kind: kind, ID: id} }

// Authorize checks that actorID is an active staff member with at least the
// given role. It does not check a PIN: the UI asked for it at log-in (see
// Login); commands that need a fresh signature call checkPIN.
func (s *Service) Authorize(actorID string, role Role) (Staff, error) {
	st, err := LoadView[Staff](s, KindStaff, actorID)
	if errors.Is(err, ErrNotFound) {
		return Staff{}, Forbidden("staff.unknown", "staff", actorID)
	}
	if err != nil {
		return Staff{}, err
	}
	if st.Disabled {
		return Staff{}, Forbidden("staff.disabled", "staff", st.Name)
	}
	if !st.Role.AtLeast(role) {
		return Staff{}, Forbidden("role.required", "staff", st.Name, "role", string(role))
	}
	return st, nil
}

// Desk is this desk's code for records: the configured code, or the
// store's desk ID.
func (s *Service) Desk() string {
	if s.DeskCode != "" {
		return s.DeskCode
	}
	return s.store.Desk()
}

// ScanViews is ListViews for registers with many finished entities: it
// decodes only the views whose status is one of statuses, then keeps
// those keep accepts, in ID order within each status. A kind filed by
// status (IndexStatus) is read from that index, so the cost follows the
// answer; another is found by a byte search of every view (views are
// encoded by encoding/json, so a status is always spelled
// `"status":"open"`).
func ScanViews[T any](s *Service, kind string, statuses []string, keep func(*T) bool) ([]T, error) {
	if statusKinds[kind] {
		return statusViews(s, kind, statuses, keep)
	}
	marks := make([][]byte, len(statuses))
	for i, st := range statuses {
		marks[i] = []byte(`"status":"` + st + `"`)
	}
	return scanMarked(s, kind, marks, keep)
}

func statusViews[T any](s *Service, kind string, statuses []string, keep func(*T) bool) ([]T, error) {
	type filed struct {
		id   string
		view []byte
	}
	var found []filed
	for _, st := range statuses {
		err := s.store.IndexedAt(statusIndex(kind), []byte(st), func(ref wire.EntityRef, b []byte) error {
			found = append(found, filed{ref.ID, b})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(found, func(a, b filed) int { return strings.Compare(a.id, b.id) })
	var out []T
	for _, f := range found {
		if err := decodeInto(&out, Ref(kind, f.id), f.view, keep); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func scanMarked[T any](s *Service, kind string, marks [][]byte, keep func(*T) bool) ([]T, error) {
	var out []T
	err := s.store.Views(kind, func(id string, b []byte) error {
		if !slices.ContainsFunc(marks, func(m []byte) bool { return bytes.Contains(b, m) }) {
			return nil
		}
		return decodeInto(&out, Ref(kind, id), b, keep)
	})
	return out, err
}

// Lock serialises commands: a register's command holds it from its checks
// to its event, so both see the same state. Commands of every register
// share this one lock.
func (s *Service) Lock() { s.mu.Lock() }

// Unlock ends a command begun with Lock.
func (s *Service) Unlock() { s.mu.Unlock() }

// LocalSetting reads a setting kept on this desk PC only (its desk code,
// language, theme), not synced; "" with no error when it was never set.
func (s *Service) LocalSetting(name string) (string, error) {
	v, err := s.store.Setting(name)
	if errors.Is(err, wire.ErrNotFound) {
		return "", nil
	}
	return v, err
}

// SetLocalSetting keeps a setting on this desk PC only.
func (s *Service) SetLocalSetting(name, value string) error {
	return StoreRefusal(s.store.SetSetting(name, value))
}

// ConfiguredDesk is the desk code this PC was set to ("D1"), "" before a
// supervisor named it; Desk falls back to the store's desk ID.
func (s *Service) ConfiguredDesk() string { return s.DeskCode }

// ConfigureDesk sets this PC's desk code for the records it makes.
func (s *Service) ConfigureDesk(code string) { s.DeskCode = code }
