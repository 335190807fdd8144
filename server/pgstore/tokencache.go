package pgstore

import (
	"sync"
	"time"

	"floordesk/server"
)

// tokenCache remembers the desks of valid tokens, which every request
// looks up. Any server sharing the database may revoke a token, so the
// cache is on only while the store's listener hears their notifications
// (start and stop), forgets a desk's tokens on each one, and keeps no entry
// longer than ttl whatever happens.
//
// Entries are dropped when their desk changes, so the map holds at most one
// entry per valid token; an expired entry stays until looked up again.
type tokenCache struct {
	ttl time.Duration
	now func() time.Time

	mu    sync.RWMutex
	on    bool
	gen   uint64 // moves at every forget, start and stop, so a lookup that raced one is not kept
	desks map[string]cachedDesk
}

type cachedDesk struct {
	desk    server.Desk
	expires time.Time
}

func newTokenCache(ttl time.Duration, now func() time.Time) *tokenCache {
	return &tokenCache{ttl: ttl, now: now, desks: map[string]cachedDesk{}}
}

// get returns the cached desk of tokenHash, if any, and the generation to
// pass to put after reading the database instead.
func (c *tokenCache) get(tokenHash string) (server.Desk, uint64, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.desks[tokenHash]
	if !ok || !c.now().Before(e.expires) {
		return server.Desk{}, c.gen, false
	}
	return e.desk, c.gen, true
}

// put keeps a valid token's desk, read from the database after get
// returned gen: unless the cache is off or something moved gen since.
func (c *tokenCache) put(tokenHash string, d server.Desk, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.on && c.gen == gen {
		c.desks[tokenHash] = cachedDesk{desk: d, expires: c.now().Add(c.ttl)}
	}
}

// forget drops desk's tokens; call it once a change to the desk committed.
func (c *tokenCache) forget(desk string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for h, e := range c.desks {
		if e.desk.ID == desk {
			delete(c.desks, h)
		}
	}
}

// start turns the cache on, empty; call it once notifications arrive.
func (c *tokenCache) start() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.on = true
}

// stop empties the cache and turns it off; call it as soon as
// notifications may have been missed.
func (c *tokenCache) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.on = false
	clear(c.desks)
}

// forgetAll drops every token; call it once every desk's revocation
// committed.
func (c *tokenCache) forgetAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	clear(c.desks)
}
