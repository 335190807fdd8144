package server

import (
	"context"
	"errors"
	"fmt"

	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// MaxPendingErasures is how many erasures a property's store remembers
// whose target event it does not hold yet (Store.AddPendingErasure).
// Beyond it the oldest are forgotten, with a warning. Pending erasures
// arise only when an erasure reaches the server before its target: in
// ordinary work a desk destroys only a key it pulled from the server or
// pushed itself first, so they come after a restore from a backup, one
// for each target written since the backup whose erasure was re-pushed
// first; ten thousand is years of a hotel's purges. Forgetting the oldest
// is the least harm the bound can do: the oldest waited longest, so its
// target is the least likely to come (its desk replaced, its events
// lost); if it does come, it is stored as the server stored it before
// pending erasures, and every desk that pulls it pulls the erasure too,
// stops using the key at once and erases its copy at its next
// housekeeping. A bound is needed because the targets are named by the
// desks: a faulty one could name any number that never come.
const MaxPendingErasures = 10_000

// eraseAsTold erases what the pushed events tell every store to erase
// (data/pkey): for an event that destroys a guest's personal-data key, the
// body of the stored event that carried the key, so the server keeps no
// key any desk destroyed; for an event that erases a record's plain
// personal fields, those fields of the record's events it names. It runs
// after the push is stored, for duplicates too, so a push repeated after a
// failure here erases then. Only events of the same entity are touched: a
// destroyed key erases its own issue, a record's erasure its own events.
//
// An erasure whose target the store does not hold yet is remembered, and
// the target erased as it arrives (eraseArrived), before its push is
// answered: as if the erasure had come after it. pending are the pending
// erasures of the push's events, as its Append found them.
func (s *Server) eraseAsTold(ctx context.Context, property string, evs []Pushed, pending []PendingErasure) error {
	for _, p := range evs {
		for _, e := range erasuresOf(p.Event) {
			if err := s.eraseOrRemember(ctx, property, p.Event.ID, e); err != nil {
				return err
			}
		}
	}
	return s.eraseArrived(ctx, property, pending)
}

// erasure is one event an erasure event names, and how to erase it.
type erasure struct {
	target string
	erase  func(raw []byte) ([]byte, error)
}

// erasuresOf lists what ev erases: none for an event that erases nothing.
func erasuresOf(ev wire.Event) []erasure {
	if issued, ok := pkey.DestroyedIssued(ev); ok {
		return []erasure{{issued, keyEraser(ev.Entity)}}
	}
	targets, ok := pkey.ErasesFields(ev)
	if !ok {
		return nil
	}
	out := make([]erasure, 0, len(targets))
	for _, t := range targets {
		out = append(out, erasure{t.ID, fieldsEraser(ev.Entity, t.Fields)})
	}
	return out
}

// keyEraser erases the issue of key; any other event stays as it is.
func keyEraser(key wire.EntityRef) func([]byte) ([]byte, error) {
	return func(raw []byte) ([]byte, error) {
		ev, err := wire.DecodeEvent(raw)
		if err != nil {
			return nil, err
		}
		if ev.Entity != key || ev.Type != pkey.TypeIssued {
			return raw, nil
		}
		return pkey.Erase(ev).Encode()
	}
}

// fieldsEraser erases fields of an event of record; any other event
// stays as it is.
func fieldsEraser(record wire.EntityRef, fields []string) func([]byte) ([]byte, error) {
	return func(raw []byte) ([]byte, error) {
		ev, err := wire.DecodeEvent(raw)
		if err != nil {
			return nil, err
		}
		out, ok := pkey.EraseFields(ev, raw, fields)
		if ev.Entity != record || !ok {
			return raw, nil
		}
		return out.Encode()
	}
}

// eraseOrRemember erases e's target, or remembers the erasure when the
// store does not hold the target. A target that is no event ID (a UUID)
// can never come, and is not remembered.
func (s *Server) eraseOrRemember(ctx context.Context, property, erasureID string, e erasure) error {
	err := s.store.Erase(ctx, property, e.target, e.erase)
	if !errors.Is(err, ErrNotFound) {
		return wrapErase(e.target, err)
	}
	if !wire.ValidID(e.target) {
		return nil
	}
	p := PendingErasure{Target: e.target, Erasure: erasureID}
	dropped, err := s.store.AddPendingErasure(ctx, property, p, MaxPendingErasures)
	if err != nil {
		return err
	}
	for _, d := range dropped {
		s.log.Warn("too many erasures wait for their events: the oldest is forgotten, and its event, should it come, is stored as pushed",
			"property", property, "event", d.Target, "erasure", d.Erasure, "limit", MaxPendingErasures)
	}
	// A push of the target that committed after the Erase above may have
	// looked for pending erasures before this one was added: erase it
	// now. (The Append contract: either that push's result has the
	// pending erasure, or this sees its event.)
	err = s.store.Erase(ctx, property, e.target, e.erase)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return wrapErase(e.target, err)
	}
	return s.store.DropPendingErasure(ctx, property, p)
}

// eraseArrived erases the pushed events that pending erasures wait for,
// and forgets those erasures. The push's Append found them (in the same
// round trip to PostgreSQL: a query of its own cost about a twentieth of
// a push of 100 events).
func (s *Server) eraseArrived(ctx context.Context, property string, pending []PendingErasure) error {
	for _, p := range pending {
		if err := s.applyPending(ctx, property, p); err != nil {
			return err
		}
	}
	return nil
}

// applyPending erases p's target as p's erasure event says, and forgets
// p. A target stored for another property stays pending (never erased
// here); an erasure event the store no longer holds is forgotten.
func (s *Server) applyPending(ctx context.Context, property string, p PendingErasure) error {
	raw, err := s.store.Event(ctx, p.Erasure)
	if errors.Is(err, ErrNotFound) {
		s.log.Warn("a pending erasure names an event the server does not hold: forgotten", "property", property, "event", p.Target, "erasure", p.Erasure)
		return s.store.DropPendingErasure(ctx, property, p)
	}
	if err != nil {
		return err
	}
	ev, err := wire.DecodeEvent(raw)
	if err != nil {
		return fmt.Errorf("pending erasure %s: %w", p.Erasure, err)
	}
	for _, e := range erasuresOf(ev) {
		if e.target != p.Target {
			continue
		}
		err := s.store.Erase(ctx, property, e.target, e.erase)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		if err != nil {
			return wrapErase(e.target, err)
		}
	}
	return s.store.DropPendingErasure(ctx, property, p)
}

func wrapErase(target string, err error) error {
	if err != nil {
		return fmt.Errorf("erase %s: %w", target, err)
	}
	return nil
}
