package data

import (
	"sort"
	"sync"

	"floordesk/data/wire"
)

// feed fans changes out to subscribers without ever blocking a writer: each
// subscriber keeps a coalesced set of changed entities and a one-slot
// signal channel.
type feed struct {
	mu   sync.Mutex
	subs map[*Subscription]struct{}
}

// Subscription receives the store's changes. Wait on Ready, then call Next.
// A change to the store's sync state (outbox, cursor) with no entity
// change still signals Ready, with Next returning no entities.
type Subscription struct {
	f       *feed
	ready   chan struct{}
	mu      sync.Mutex
	pending map[wire.EntityRef]struct{}
}

// Subscribe starts a subscription. Close it when done.
func (s *Store) Subscribe() *Subscription {
	sub := &Subscription{f: &s.feed, ready: make(chan struct{}, 1), pending: map[wire.EntityRef]struct{}{}}
	s.feed.mu.Lock()
	if s.feed.subs == nil {
		s.feed.subs = map[*Subscription]struct{}{}
	}
	s.feed.subs[sub] = struct{}{}
	s.feed.mu.Unlock()
	return sub
}

// Ready is signalled when changes are pending. It is closed when the
// subscription or the store is closed.
func (sub *Subscription) Ready() <-chan struct{} { return sub.ready }

// Next returns and clears the pending changed entities, sorted.
func (sub *Subscription) Next() []wire.EntityRef {
	sub.mu.Lock()
	defer sub.mu.Unlock()
	out := make([]wire.EntityRef, 0, len(sub.pending))
	for r := range sub.pending {
		out = append(out, r)
	}
	clear(sub.pending)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Close ends the subscription; Ready is closed.
func (sub *Subscription) Close() {
	sub.f.mu.Lock()
	defer sub.f.mu.Unlock()
	if _, ok := sub.f.subs[sub]; ok {
		delete(sub.f.subs, sub)
		close(sub.ready)
	}
}

func (f *feed) publish(refs map[wire.EntityRef]struct{}) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for sub := range f.subs {
		sub.add(refs)
	}
}

func (sub *Subscription) add(refs map[wire.EntityRef]struct{}) {
	sub.mu.Lock()
	for r := range refs {
		sub.pending[r] = struct{}{}
	}
	sub.mu.Unlock()
	select {
	case sub.ready <- struct{}{}:
	default:
	}
}

func (f *feed) closeAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for sub := range f.subs {
		close(sub.ready)
	}
	f.subs = nil
}
