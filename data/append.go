package data

import (
	"fmt"

	"floordesk/data/wire"
)

// Append stores a local event in one durable transaction: the event, its
// place in the entity's stream, the outbox mark and the entity's refolded
// view. The caller sets Actor, Entity, Type, Body and optionally Version
// (default 1); the store fills ID, HLC, Desk and Prev (the entity's latest
// event, which this desk has seen). When Append returns nil the event is on
// disk. A fold error, an invalid envelope or an event over the limits the
// server keeps (wire.CheckLimits: an error matching wire.ErrLimit) stores
// nothing.
func (s *Store) Append(ev wire.Event) (wire.Event, error) {
	out, err := s.AppendAll([]wire.Event{ev})
	if err != nil {
		return wire.Event{}, err
	}
	return out[0], nil
}

// AppendView is Append that also returns the entity's view as the event
// left it, so a command can answer with it instead of reading it back.
// The view must not be changed.
func (s *Store) AppendView(ev wire.Event) (wire.Event, []byte, error) {
	out, w, err := s.appendAll([]wire.Event{ev})
	if err != nil {
		return wire.Event{}, nil, err
	}
	return out[0], w.filed[ev.Entity].view, nil
}

// AppendAll stores several local events atomically: all of them or none.
func (s *Store) AppendAll(evs []wire.Event) ([]wire.Event, error) {
	out, _, err := s.appendAll(evs)
	return out, err
}

// appendAll is AppendAll, returning the committed writer too.
func (s *Store) appendAll(evs []wire.Event) ([]wire.Event, *writer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, nil, ErrClosed
	}
	if err := s.roomToWrite(); err != nil {
		return nil, nil, fmt.Errorf("append: %w", err)
	}
	w := s.newWriter()
	defer w.discard()
	sigs := make([]*signing, len(evs))
	for i, ev := range evs {
		stamped, sig, err := s.stamp(w, ev)
		if err != nil {
			return nil, nil, err
		}
		sigs[i] = sig
		if err := w.putSigning(stamped, sig); err != nil {
			return nil, nil, fmt.Errorf("append: %w", err)
		}
	}
	if err := w.commit(); err != nil {
		return nil, nil, fmt.Errorf("append: %w", err)
	}
	out, err := signed(sigs)
	if err != nil {
		return nil, nil, err
	}
	s.feed.publish(w.touched)
	return out, w, nil
}

// stamp fills the fields the store owns, checks the envelope and links
// the event into the desk's chain; its signature is being made.
func (s *Store) stamp(w *writer, ev wire.Event) (wire.Event, *signing, error) {
	ev.ID = s.opts.NewID()
	ev.HLC = s.clock.Now()
	ev.Desk = s.desk
	ev.Prev = w.head(ev.Entity)
	if ev.Version == 0 {
		ev.Version = 1
	}
	if err := ev.Validate(); err != nil {
		return wire.Event{}, nil, fmt.Errorf("append: %w", err)
	}
	if err := checkLimits(&ev); err != nil {
		return wire.Event{}, nil, fmt.Errorf("append: %w", err)
	}
	sig, err := w.link(ev)
	if err != nil {
		return wire.Event{}, nil, fmt.Errorf("append: %w", err)
	}
	return ev, sig, nil
}
