package server

import "sync"

// hub wakes the pulls held open for a property when events are stored in
// it. Time for a property runs in rounds: a round ends at each push that
// stores events, which wakes every pull that joined it. A pull joins the
// current round before it reads the store, so a commit that lands between
// the read and the wait still wakes it.
type hub struct {
	mu     sync.Mutex
	rounds map[string]*round
}

func newHub() *hub { return &hub{rounds: map[string]*round{}} }

// round is one property's time between two pushes. The pulls that read the
// store in the same round may share their answers (see answer): a commit
// one of those reads missed ends the round and wakes them all to read
// again.
type round struct {
	woken chan struct{} // closed when the round ends

	mu    sync.Mutex
	calls map[answerKey]*pullCall // reads in flight or just done
}

// join returns property's current round.
func (h *hub) join(property string) *round {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, ok := h.rounds[property]
	if !ok {
		r = &round{woken: make(chan struct{}), calls: map[answerKey]*pullCall{}}
		h.rounds[property] = r
	}
	return r
}

// notify ends property's round, waking every pull that joined it.
func (h *hub) notify(property string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if r, ok := h.rounds[property]; ok {
		close(r.woken)
		delete(h.rounds, property)
	}
}

// EventWatcher is a Store shared by several servers (PostgreSQL) that
// tells each of them of the events stored through the others, so that a
// push through any server wakes the pulls held open on every one.
type EventWatcher interface {
	// WatchEvents has fn called, on a goroutine of the store's, with the
	// property of events another server stored. fn must not block. How
	// soon it is called is the store's to document; a pull not woken
	// still looks again at the end of its long poll.
	WatchEvents(fn func(property string))
}

// notifyFromPeer ends property's round for events another server stored.
func (s *Server) notifyFromPeer(property string) {
	s.metrics.peerWakes.Add(1)
	s.hub.notify(property)
}
