package personal

import (
	"slices"
	"time"

	"floordesk/app"
)

// HousekeepActor is the actor of the events the daily housekeeping writes:
// no person, the desk itself.
const HousekeepActor = "housekeeping"

// purgeBatch is how many records one purge appends at once.
const purgeBatch = 256

// Housekeep purges the personal data of every record closed longer than
// the hotel's retention before now, erases the key material purges on
// other desks destroyed, and erases the plain personal fields of purged
// records' older events (Compact). Any desk may run it (each runs it daily): two
// desks purging one record write two purges that mean the same. It
// returns how many records it purged.
func Housekeep(s *app.Service, now time.Time) (int, error) {
	h, err := s.Settings()
	if err != nil {
		return 0, err
	}
	days := h.Retention()
	cutoff := now.Add(-time.Duration(days) * 24 * time.Hour)
	due, err := filedBefore(s, closedIndex, cutoff)
	if err != nil {
		return 0, err
	}
	due = slices.DeleteFunc(due, func(r Record) bool { return !r.due() })
	replaced, err := filedBefore(s, replacedIndex, cutoff)
	if err != nil {
		return 0, err
	}
	if err := retireAll(s, replaced, cutoff, days); err != nil {
		return 0, err
	}
	if err := compactReplaced(s, cutoff); err != nil {
		return 0, err
	}
	if err := purgeAll(s, HousekeepActor, due, Purged{Reason: ReasonRetention, Days: days, At: s.Now()}); err != nil {
		return 0, err
	}
	if _, err = Compact(s); err != nil { // first: EraseDestroyed then reads past its erasures at once
		return len(due), err
	}
	_, err = EraseDestroyed(s)
	return len(due), err
}

func retireAll(s *app.Service, recs []Record, cutoff time.Time, days int) error {
	s.Lock()
	defer s.Unlock()
	return retire(s, recs, cutoff, days)
}

func purgeAll(s *app.Service, actor string, recs []Record, p Purged) error {
	s.Lock()
	defer s.Unlock()
	for len(recs) > 0 {
		n := min(len(recs), purgeBatch)
		if err := Purge(s, actor, recs[:n], p); err != nil {
			return err
		}
		recs = recs[n:]
	}
	return nil
}

// Limits of a guest's deletion request.
const (
	MaxQueryName  = 100
	MaxQueryPhone = 32
	MaxQueryRoom  = 16
)

// Query names the guest whose data a deletion request is about. A name
// or a phone number is needed; a room alone would find every guest who
// ever stayed there.
type Query struct {
	Name  string
	Phone string
	Room  string
}

func (q Query) check() error {
	if normName(q.Name) == "" && normPhone(q.Phone) == "" {
		return app.Invalid("name", "personal.name_or_phone")
	}
	return app.FirstErr(app.MaxLen("name", q.Name, MaxQueryName), app.MaxLen("phone", q.Phone, MaxQueryPhone),
		app.MaxLen("room", q.Room, MaxQueryRoom))
}

func init() {
	app.RegisterMessages(map[string]string{
		"personal.name_or_phone": "Give the guest's name or phone number — a room alone would find every guest who stayed there.",
	})
}

// FindGuest lists the records holding personal data of the guest q names
// (those already purged left out); supervisors only.
func FindGuest(s *app.Service, actorID string, q Query) ([]Record, error) {
	if _, err := s.Authorize(actorID, app.RoleSupervisor); err != nil {
		return nil, err
	}
	if err := q.check(); err != nil {
		return nil, err
	}
	var out []Record
	err := Records(s, func(r Record) error {
		if r.State.Removed == nil && q.Matches(r) {
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// DeleteGuest removes the personal data of the records FindGuest lists
// for q, open or closed, on a guest's request; supervisors only. It
// returns the records it purged.
func DeleteGuest(s *app.Service, actorID string, q Query) ([]Record, error) {
	recs, err := FindGuest(s, actorID, q)
	if err != nil || len(recs) == 0 {
		return recs, err
	}
	if err := purgeAll(s, actorID, recs, Purged{Reason: ReasonRequest, At: s.Now()}); err != nil {
		return recs, err
	}
	_, err = Compact(s)
	return recs, err
}
