package personal

import (
	"fmt"
	"slices"
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

// eraser is the store's EraseAll (data.Store).
type eraser interface {
	EraseAll(ids []string, erase func(wire.Event) wire.Event) error
}

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

// erasures are the events to erase, by ID: which fields, and the record
// they must belong to.
type erasures map[string]target

type target struct {
	record wire.EntityRef
	fields []string
}

func (es erasures) add(record wire.EntityRef, targets []pkey.ErasedEvent) {
	for _, t := range targets {
		es[t.ID] = target{record, t.Fields}
	}
}

// compactLogged carries out the erasures in evs and compacts each record
// purged in evs.
func compactLogged(s *app.Service, e eraser, evs []wire.Event) (int, error) {
	todo := erasures{}
	var purged []wire.EntityRef
	for _, ev := range evs {
		if ev.Type == TypePurged && plainFields[ev.Entity.Kind] != nil && !slices.Contains(purged, ev.Entity) {
			purged = append(purged, ev.Entity)
		}
		if targets, ok := pkey.ErasesFields(ev); ok {
			todo.add(ev.Entity, targets)
		}
	}
	var mine []wire.Event
	for _, ref := range purged {
		evs, err := plainLeft(s, ref, todo)
		if err != nil {
			return 0, err
		}
		mine = append(mine, evs...)
	}
	if err := appendErasures(s, mine); err != nil {
		return 0, err
	}
	return todo.eraseIn(e)
}

// plainLeft adds to todo the erasures ref's stream holds (one pulled from
// the desk that purged it), and returns the erasures this desk writes for
// the plain fields no erasure names (none when there are none).
func plainLeft(s *app.Service, ref wire.EntityRef, todo erasures) ([]wire.Event, error) {
	stream, err := s.Store().Stream(ref)
	if err != nil {
		return nil, err
	}
	for _, ev := range stream {
		if targets, ok := pkey.ErasesFields(ev); ok {
			todo.add(ref, targets)
		}
	}
	var left []pkey.ErasedEvent
	for _, ev := range stream {
		if _, named := todo[ev.ID]; named || ev.Type == pkey.TypeFieldsErased {
			continue
		}
		if f := pkey.PlainFields(ev, plainFields[ref.Kind]); len(f) > 0 {
			left = append(left, pkey.ErasedEvent{ID: ev.ID, Fields: f})
		}
	}
	todo.add(ref, left)
	return erasureEvents(ref, left)
}

// erasureEvents are the events erasing targets on ref, each naming at
// most pkey.MaxErasedEvents.
func erasureEvents(ref wire.EntityRef, targets []pkey.ErasedEvent) ([]wire.Event, error) {
	var out []wire.Event
	for len(targets) > 0 {
		n := min(len(targets), pkey.MaxErasedEvents)
		ev, err := app.NewEvent(HousekeepActor, ref, pkey.TypeFieldsErased, pkey.FieldsErased{Events: targets[:n]})
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
		targets = targets[n:]
	}
	return out, nil
}

// appendErasures appends evs, purgeBatch at a time, under the core's lock.
func appendErasures(s *app.Service, evs []wire.Event) error {
	s.Lock()
	defer s.Unlock()
	for len(evs) > 0 {
		n := min(len(evs), purgeBatch)
		if _, err := s.Store().AppendAll(evs[:n]); err != nil {
			return fmt.Errorf("compact: %w", app.StoreRefusal(err))
		}
		evs = evs[n:]
	}
	return nil
}

// eraseIn erases the fields es names in the store, each event only when
// it is of the record its erasure is on; it returns how many it erased.
func (es erasures) eraseIn(e eraser) (int, error) {
	if len(es) == 0 {
		return 0, nil
	}
	ids := make([]string, 0, len(es))
	for id := range es {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	n := 0
	err := e.EraseAll(ids, func(ev wire.Event) wire.Event {
		t := es[ev.ID]
		out, ok := pkey.EraseFields(ev, nil, t.fields)
		if ev.Entity != t.record || !ok {
			return ev
		}
		n++
		return out
	})
	return n, err
}
