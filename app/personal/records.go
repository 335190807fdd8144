package personal

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"floordesk/app"
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

// Reader decodes a view of one kind into its Record.
type Reader func(ref wire.EntityRef, view []byte) (Record, error)

var readers = map[string]Reader{}

// Register names a kind whose records hold personal data; each such
// register calls it from init. A kind registered twice panics.
func Register(kind string, read Reader) {
	if _, dup := readers[kind]; dup {
		panic("personal: kind registered twice: " + kind)
	}
	readers[kind] = read
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
