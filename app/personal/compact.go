package personal

import (
	"fmt"
	"strconv"

	"floordesk/app"
	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// Records written before their personal fields were sealed hold them in
// their events in the clear. When such a record is purged, its view and
// indexes drop the fields at once (TypePurged); Compact then erases them
// from the events too: it writes a pkey.TypeFieldsErased event on the
// record naming the events and fields, and erases them in this desk's
// store. The server erases its copies as the event is pushed, and every
// other desk as its housekeeping finds the event in its log. The rest of
// each event (and its seal, data/pkey) stays.

// plainFields are the body fields each registered kind's events carry
// personal data in (Register).
var plainFields = map[string][]string{}

// compactCursor is the local setting holding how far in this desk's log
// Compact has looked.
const compactCursor = "personal.compact_cursor"

// compactPage is how many log entries Compact reads at once.
const compactPage = 1024

// Compact erases, in this desk's store, the plain personal fields of the
// records purged in the desk's log since it last looked (by this desk or
// pulled from another; the first run after the upgrade reads the whole
// log), writing the erasure for the other stores when a record still held
// any; and it carries out the erasures other desks wrote. It returns how
// many events it erased. Housekeep and DeleteGuest run it; it takes the
// core's lock to write, and is idempotent.
func Compact(s *app.Service) (int, error) {
	e, ok := s.Store().(eraser)
	lr, ok2 := s.Store().(logReader)
	if !ok || !ok2 {
		return 0, nil
	}
	start := uint64(0)
	if v, err := s.Store().Setting(compactCursor); err == nil {
		start, _ = strconv.ParseUint(v, 10, 64)
	}
	after, n := start, 0
	for {
		evs, next, err := lr.Log(after, compactPage)
		if err != nil {
			return n, err
		}
		m, err := compactLogged(s, e, evs)
		n += m
		if err != nil {
			return n, err
		}
		if len(evs) == 0 || next == after {
			break
		}
		after = next
	}
	if after == start {
		return n, nil
	}
	return n, s.Store().SetSetting(compactCursor, strconv.FormatUint(after, 10))
}

// compactLogged carries out the erasures in evs, then compacts each record
// purged in evs.
func compactLogged(s *app.Service, e eraser, evs []wire.Event) (int, error) {
	n := 0
	purged := map[wire.EntityRef]bool{}
	for _, ev := range evs {
		if ev.Type == TypePurged && plainFields[ev.Entity.Kind] != nil {
			purged[ev.Entity] = true
		}
		if targets, ok := pkey.ErasesFields(ev); ok {
			m, err := eraseTargets(e, ev.Entity, targets)
			if n += m; err != nil {
				return n, err
			}
		}
	}
	for ref := range purged {
		m, err := compactRecord(s, e, ref)
		if n += m; err != nil {
			return n, err
		}
	}
	return n, nil
}

// compactRecord erases ref's plain personal fields: first as the
// erasures in its stream say (one pulled from the desk that purged it),
// then, for what is left, with an erasure of this desk's.
func compactRecord(s *app.Service, e eraser, ref wire.EntityRef) (int, error) {
	s.Lock()
	defer s.Unlock()
	stream, err := s.Store().Stream(ref)
	if err != nil {
		return 0, err
	}
	n := 0
	var left []pkey.ErasedEvent
	for _, ev := range stream {
		if targets, ok := pkey.ErasesFields(ev); ok {
			m, err := eraseTargets(e, ref, targets)
			if n += m; err != nil {
				return n, err
			}
		}
	}
	if stream, err = s.Store().Stream(ref); err != nil {
		return n, err
	}
	for _, ev := range stream {
		if f := pkey.PlainFields(ev, plainFields[ref.Kind]); len(f) > 0 && ev.Type != pkey.TypeFieldsErased {
			left = append(left, pkey.ErasedEvent{ID: ev.ID, Fields: f})
		}
	}
	if len(left) == 0 {
		return n, nil
	}
	ev, err := app.NewEvent(HousekeepActor, ref, pkey.TypeFieldsErased, pkey.FieldsErased{Events: left})
	if err != nil {
		return n, err
	}
	if _, err := s.Store().AppendAll([]wire.Event{ev}); err != nil {
		return n, fmt.Errorf("compact %s: %w", ref, app.StoreRefusal(err))
	}
	m, err := eraseTargets(e, ref, left)
	return n + m, err
}

// eraseTargets erases the fields of the events of record that targets
// name, in this desk's store; an event of another record is left alone.
func eraseTargets(e eraser, record wire.EntityRef, targets []pkey.ErasedEvent) (int, error) {
	n := 0
	for _, t := range targets {
		err := e.Erase(t.ID, func(ev wire.Event) wire.Event {
			out, ok := pkey.EraseFields(ev, nil, t.Fields)
			if ev.Entity != record || !ok {
				return ev
			}
			n++
			return out
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
