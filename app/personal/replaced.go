package personal

import (
	"fmt"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// A replaced-whole record's versions imported before sealing (the in-house
// guest list from before this package) hold their guests in the clear and
// have no key to destroy. Once a later version has replaced one for longer
// than the retention, compactReplaced erases its fields as Compact does a
// purged record's.

// replacedKinds are the kinds whose records are replaced whole
// (RegisterReplaced).
var replacedKinds = map[string]bool{}

// RegisterReplaced is Register for a kind whose records are replaced
// whole, each version carrying fields (sealed, or in the clear before
// sealing), rather than closed.
func RegisterReplaced[T any](kind string, describe func(*T) Record, fields ...string) {
	Register(kind, describe, fields...)
	replacedKinds[kind] = true
}

// plainVersionsDone is the local setting saying no replaced-whole record
// holds a plain version any more, and a sealed version was seen (so this
// desk has its history, not an empty store yet to pull it): new versions
// are sealed, so the streams need not be read again.
const plainVersionsDone = "personal.plain_versions_done"

// compactReplaced erases the fields of the plain versions of replaced-whole
// records that a later version replaced before cutoff.
func compactReplaced(s *app.Service, cutoff time.Time) error {
	if v, err := s.Store().Setting(plainVersionsDone); err == nil && v == "1" {
		return nil
	}
	e, ok := s.Store().(eraser)
	if !ok {
		return nil
	}
	plainLeft, sealedSeen := false, false
	for kind := range replacedKinds {
		err := s.Store().Views(kind, func(id string, _ []byte) error {
			left, sealed, err := compactVersions(s, e, app.Ref(kind, id), cutoff)
			plainLeft, sealedSeen = plainLeft || left, sealedSeen || sealed
			return err
		})
		if err != nil {
			return err
		}
	}
	if plainLeft || !sealedSeen {
		return nil
	}
	return s.Store().SetSetting(plainVersionsDone, "1")
}

// compactVersions erases ref's plain versions replaced before cutoff; it
// reports whether a plain version is left (the current one, or one
// replaced since), and whether ref has a sealed version.
func compactVersions(s *app.Service, e eraser, ref wire.EntityRef, cutoff time.Time) (left, sealed bool, err error) {
	s.Lock()
	defer s.Unlock()
	stream, err := s.Store().Stream(ref)
	if err != nil {
		return false, false, err
	}
	fields := plainFields[ref.Kind]
	var versions []wire.Event
	for _, ev := range stream {
		isSealed := strings.Contains(string(ev.Body), `"`+sealedField+`":`)
		sealed = sealed || isSealed
		if isSealed || len(pkey.PlainFields(ev, fields)) > 0 {
			versions = append(versions, ev)
		}
	}
	var due []pkey.ErasedEvent
	for i, v := range versions {
		plain := pkey.PlainFields(v, fields)
		if len(plain) == 0 {
			continue
		}
		if i+1 < len(versions) && versions[i+1].HLC.Time().Before(cutoff) {
			due = append(due, pkey.ErasedEvent{ID: v.ID, Fields: plain})
		} else {
			left = true
		}
	}
	if len(due) == 0 {
		return left, sealed, nil
	}
	evs, err := erasureEvents(ref, due)
	if err != nil {
		return left, sealed, err
	}
	if _, err := s.Store().AppendAll(evs); err != nil {
		return left, sealed, fmt.Errorf("compact %s: %w", ref, app.StoreRefusal(err))
	}
	todo := erasures{}
	todo.add(ref, due)
	_, err = todo.eraseIn(e)
	return left, sealed, err
}
