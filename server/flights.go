package server

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"floordesk/data/wire"
)

// A desk may send its next push before the last one is answered
// (wire.FollowsHeader, up to wire.PushAheadHeader at once). The server
// still stores a desk's pushes in the order of its chain and checks every
// link: a push whose first event follows an event of a push in flight (its
// checks passed, waiting in the append queue or being stored) is checked
// against that event and queued behind that push, and stored only if that
// push is. A push that says it follows an event the server has not met
// yet, sent on another connection and not yet read, waits for it.

// PushAhead is how many pushes a desk may have in flight at once: the
// server says it on every push answer (wire.PushAheadHeader). Three keep
// a desk's next push queued behind the one being stored, and one more
// read and checked meanwhile.
const PushAhead = 3

// FollowWait bounds how long a push waits for the push it follows to
// reach the server; then it is refused as unavailable, and the desk sends
// its outbox again from the start.
const FollowWait = 10 * time.Second

// flights are the pushes in flight, by each author's last sealed event in
// them.
type flights struct {
	mu      sync.Mutex
	byTip   map[string]flight
	changed chan struct{} // closed, and replaced, at every change
}

// flight is a push in flight and where its author's last sealed event in
// it stands in its chain.
type flight struct {
	push *queuedPush
	link sealedLink
}

// get returns the flight whose tip is event id.
func (f *flights) get(id string) (flight, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fl, ok := f.byTip[id]
	return fl, ok
}

// start registers p's tips and queues it, in one step: a push that finds
// p here is queued behind it.
func (f *flights) start(p *queuedPush, tips map[string]tip, queue func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.byTip == nil {
		f.byTip = map[string]flight{}
	}
	for _, t := range tips {
		f.byTip[t.id] = flight{p, t.sealedLink}
	}
	queue()
	f.signal()
}

// end forgets p's tips, once stored (and remembered in the tip cache) or
// refused.
func (f *flights) end(p *queuedPush, tips map[string]tip) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range tips {
		if fl, ok := f.byTip[t.id]; ok && fl.push == p {
			delete(f.byTip, t.id)
		}
	}
	f.signal()
}

// signal wakes the pushes waiting for a change; the caller holds f.mu.
func (f *flights) signal() {
	if f.changed != nil {
		close(f.changed)
		f.changed = nil
	}
}

// watch returns a channel closed at the next change.
func (f *flights) watch() <-chan struct{} {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.changed == nil {
		f.changed = make(chan struct{})
	}
	return f.changed
}

// followPoll is how often a push waiting for the one it follows looks in
// the store, for a push stored through another server.
const followPoll = 50 * time.Millisecond

// awaitFollowed waits until the event id, which the desk's push follows,
// is in flight or stored. It returns the push in flight that holds it
// (nil when stored): the desk's push is stored only if that one is, even
// when it has ended (refused) by the time this push's links are checked,
// which would otherwise take its missing events for a gap.
func (s *Server) awaitFollowed(ctx context.Context, desk, id string) (*queuedPush, *pushError, error) {
	if !wire.ValidID(id) {
		return nil, badPush(wire.FollowsHeader, wire.FollowsHeader+" must be an event ID"), nil
	}
	deadline := time.NewTimer(s.followWait)
	defer deadline.Stop()
	poll := time.NewTicker(followPoll)
	defer poll.Stop()
	// The store is looked in only after a first wait: the push followed
	// is most often being read on another connection, in flight soon.
	for checked := true; ; {
		changed := s.flights.watch()
		if fl, ok := s.flights.get(id); ok {
			return fl.push, nil, nil
		}
		if _, ok := s.tips.get(desk, id); ok {
			return nil, nil, nil
		}
		if !checked {
			checked = true
			_, err := s.store.Event(ctx, id)
			if err == nil {
				return nil, nil, nil
			}
			if !errors.Is(err, ErrNotFound) {
				return nil, nil, err
			}
		}
		select {
		case <-changed:
		case <-poll.C:
			checked = false
		case <-deadline.C:
			return nil, followedMissing, nil
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
	}
}

// followedMissing refuses a push whose predecessor never came.
var followedMissing = &pushError{http.StatusServiceUnavailable, wire.ErrorBody{Code: wire.ErrCodeUnavailable,
	Message: "the push this one follows has not reached the server: nothing was stored; send the events again in order"}}

// afterFailed refuses a push queued behind a push that was not stored.
var afterFailed = &pushError{http.StatusServiceUnavailable, wire.ErrorBody{Code: wire.ErrCodeUnavailable,
	Message: "the push this one follows was not stored: nothing was stored; send the events again in order"}}
