package personal

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// Record is one record holding a guest's personal data, as its register
// describes it to the purge and to a guest's deletion request.
type Record struct {
	Ref wire.EntityRef
	// Closed is when the record was closed; zero while it is open (an
	// open record keeps its data: the work is not done).
	Closed time.Time
	State  State
	// Holds is whether the view still shows personal data (sealed, or
	// plain from events written before sealing).
	Holds bool
	// Names, Phones and Rooms are what a guest's request finds it by.
	Names, Phones, Rooms []string
	// Summary is a line a supervisor recognises the record by.
	Summary string
	// Retired are the keys of a replaced-whole record's versions
	// (retire.go); such a record is not purged, its old versions are.
	Retired []KeyUse
}

// reader decodes a view of one kind into its Record.
type reader func(ref wire.EntityRef, view []byte) (Record, error)

var readers = map[string]reader{}

// Indexes of the records the housekeeping looks at, by time: closed
// records still holding personal data (by when they closed), and
// replaced-whole records with an old version's key (by the earliest
// replacement). A register that calls Register changes its kind's index
// version (app.RegisterIndexVersion).
const (
	closedIndex   = "personal/closed"
	replacedIndex = "personal/replaced"
)

// Register names a kind whose records hold personal data, with how its
// view (a T) describes them (Ref is filled in) and the body fields its
// events carry them in (those it seals; events from before sealing hold
// them in the clear, and a purge erases them: compact.go); each such
// register calls it from init. A kind registered twice panics.
func Register[T any](kind string, describe func(*T) Record, fields ...string) {
	if _, dup := readers[kind]; dup {
		panic("personal: kind registered twice: " + kind)
	}
	for _, f := range fields {
		if !slices.Contains(pkey.Erasable[kind], f) {
			panic("personal: " + kind + "." + f + " is not in data/pkey.Erasable: the server would not erase it")
		}
	}
	plainFields[kind] = fields
	readers[kind] = func(ref wire.EntityRef, b []byte) (Record, error) {
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			return Record{}, err
		}
		r := describe(&v)
		r.Ref = ref
		return r, nil
	}
	app.RegisterIndex(kind, func(v *T) []wire.IndexEntry { return describe(v).entries() })
}

// due reports whether r is closed and still holds personal data.
func (r Record) due() bool {
	return !r.Closed.IsZero() && (r.Holds || len(r.State.Keys) > 0) && r.State.Removed == nil
}

// entries files r where the housekeeping finds it.
func (r Record) entries() []wire.IndexEntry {
	var out []wire.IndexEntry
	if r.due() {
		out = append(out, wire.IndexEntry{Name: closedIndex, Key: app.TimeKey(r.Closed)})
	}
	var first time.Time
	for _, u := range r.Retired {
		if !u.Until.IsZero() && (first.IsZero() || u.Until.Before(first)) {
			first = u.Until
		}
	}
	if !first.IsZero() {
		out = append(out, wire.IndexEntry{Name: replacedIndex, Key: app.TimeKey(first)})
	}
	return out
}

// filedBefore reads the records filed under index name before cutoff.
func filedBefore(s *app.Service, name string, cutoff time.Time) ([]Record, error) {
	var out []Record
	err := s.Store().IndexedRange(name, app.TimeKey(time.Time{}), app.TimeKey(cutoff.Add(time.Millisecond)),
		func(_ []byte, ref wire.EntityRef, b []byte) error {
			read, ok := readers[ref.Kind]
			if !ok {
				return nil
			}
			r, err := read(ref, b)
			if err != nil {
				return fmt.Errorf("read %s: %w", ref, err)
			}
			out = append(out, r)
			return nil
		})
	return out, err
}

// Kinds lists the kinds registered, sorted.
func Kinds() []string {
	out := make([]string, 0, len(readers))
	for k := range readers {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Records calls fn for every record of every registered kind.
func Records(s *app.Service, fn func(Record) error) error {
	for _, kind := range Kinds() {
		read := readers[kind]
		err := s.Store().Views(kind, func(id string, b []byte) error {
			r, err := read(app.Ref(kind, id), b)
			if err != nil {
				return fmt.Errorf("read %s/%s: %w", kind, id, err)
			}
			return fn(r)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Purge removes the personal data of records: for each, the events that
// destroy its keys and the purge on the record, appended atomically; then
// this desk erases the key material it held. The other desks and the
// server do the same when they receive the events.
func Purge(s *app.Service, actor string, recs []Record, p Purged) error {
	var evs []wire.Event
	var issued []string
	for _, r := range recs {
		for _, k := range r.State.Keys {
			ev, ok, err := destroyKey(s, actor, k, p.Reason, p.Days)
			if err != nil {
				return err
			}
			if ok {
				evs = append(evs, ev)
				issued = append(issued, k)
			}
		}
		ev, err := app.NewEvent(actor, r.Ref, TypePurged, p)
		if err != nil {
			return err
		}
		evs = append(evs, ev)
	}
	if len(evs) == 0 {
		return nil
	}
	if _, err := s.Store().AppendAll(evs); err != nil {
		return fmt.Errorf("purge: %w", app.StoreRefusal(err))
	}
	_, err := EraseDestroyed(s)
	return err
}

// Matches reports whether r is about the guest q names: every part q
// gives (name, phone, room) must match one of r's, a name or a phone by
// its whole text (spaces and dashes aside), a room exactly.
func (q Query) Matches(r Record) bool {
	return matchAny(q.Name, r.Names, normName) && matchAny(q.Phone, r.Phones, normPhone) &&
		matchAny(q.Room, r.Rooms, strings.TrimSpace)
}

func matchAny(want string, have []string, norm func(string) string) bool {
	if norm(want) == "" {
		return true
	}
	return slices.ContainsFunc(have, func(h string) bool { return norm(h) == norm(want) })
}

func normName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func normPhone(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '+' {
			return r
		}
		return -1
	}, s)
}
