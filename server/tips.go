package server

import "sync"

// tipCache keeps the place in its chain of each desk's latest sealed
// event this server stored. A desk's next push starts with the event
// after it, whose link names it: the link is then checked from memory
// instead of by reading that event back from the store, a round trip to
// the database on every push. Only events the store holds are kept (the
// push is remembered once stored), and a stored event's place in its chain
// never changes, so an entry stays true, whichever server stored the
// events after it.
type tipCache struct {
	mu    sync.Mutex
	desks map[string]tip // by author desk
}

// tip is a desk's latest sealed event this server stored.
type tip struct {
	id string
	sealedLink
}

// maxTips bounds the desks remembered; past it the cache starts again
// (a hotel has tens of desks).
const maxTips = 10_000

// get returns the link of event id when it is desk's remembered tip.
func (c *tipCache) get(desk, id string) (sealedLink, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.desks[desk]
	if !ok || t.id != id {
		return sealedLink{}, false
	}
	return t.sealedLink, true
}

// remember keeps the tips of a push the store now holds.
func (c *tipCache) remember(tips map[string]tip) {
	if len(tips) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.desks == nil || len(c.desks)+len(tips) > maxTips {
		c.desks = make(map[string]tip, len(tips))
	}
	for desk, t := range tips {
		c.desks[desk] = t
	}
}
