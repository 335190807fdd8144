package personal

import (
	"slices"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// A record that is replaced whole rather than closed (the in-house guest
// list, imported again each day) seals each version under a key of its
// own and keeps the keys it used (KeyUse). Once a version has been
// replaced for longer than the retention, Housekeep destroys its key and
// writes TypeKeysDropped on the record, so the record's view forgets it;
// the current version is never touched.

// TypeKeysDropped tells a record that keys it listed were destroyed.
const TypeKeysDropped = "personal.keys_dropped.v1"

// KeyUse is one key a replaced-whole record sealed a version with, and
// when a later version replaced it (zero while current).
type KeyUse struct {
	Key   string    `json:"key"`
	Until time.Time `json:"until,omitzero"`
}

// Dropped is TypeKeysDropped's body.
type Dropped struct {
	Keys []string `json:"keys"`
}

// Use records that a version sealed with key replaced the current one at
// at: the current one's Until is set.
func Use(uses []KeyUse, key string, at time.Time) []KeyUse {
	if key == "" {
		return uses
	}
	for i := range uses {
		if uses[i].Until.IsZero() {
			uses[i].Until = at
		}
	}
	return append(uses, KeyUse{Key: key})
}

// Drop folds a TypeKeysDropped event: the keys it names are forgotten.
func Drop(uses []KeyUse, ev wire.Event) ([]KeyUse, error) {
	b, err := app.DecodeBody[Dropped](ev)
	return slices.DeleteFunc(uses, func(u KeyUse) bool { return slices.Contains(b.Keys, u.Key) }), err
}

// retire destroys the keys of versions replaced before cutoff, and tells
// their records. It runs with the core's lock held.
func retire(s *app.Service, recs []Record, cutoff time.Time, days int) error {
	for _, r := range recs {
		var evs []wire.Event
		var keys []string
		for _, u := range r.Retired {
			if u.Until.IsZero() || u.Until.After(cutoff) {
				continue
			}
			ev, ok, err := destroyKey(s, HousekeepActor, u.Key, ReasonRetention, days)
			if err != nil {
				return err
			}
			if ok {
				evs = append(evs, ev)
			}
			keys = append(keys, u.Key)
		}
		if len(keys) == 0 {
			continue
		}
		ev, err := app.NewEvent(HousekeepActor, r.Ref, TypeKeysDropped, Dropped{Keys: keys})
		if err != nil {
			return err
		}
		if _, err := s.Store().AppendAll(append(evs, ev)); err != nil {
			return app.StoreRefusal(err)
		}
	}
	return nil
}
