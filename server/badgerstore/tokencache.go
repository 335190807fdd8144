package badgerstore

import (
	"sync"

	"floordesk/server"
)

// tokenCache remembers the desks of valid tokens, which every request
// looks up. The store is single-process, so Revoke, the only way a valid
// token stops being valid, forgets them here too.
type tokenCache struct {
	mu    sync.RWMutex
	gen   uint64 // moves at every forget, so a lookup that raced it is not kept
	desks map[string]server.Desk
}

func newTokenCache() *tokenCache {
	return &tokenCache{desks: map[string]server.Desk{}}
}

func (c *tokenCache) get(tokenHash string) (server.Desk, uint64, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	d, ok := c.desks[tokenHash]
	return d, c.gen, ok
}

// put keeps a valid token's desk, read after get returned gen.
func (c *tokenCache) put(tokenHash string, d server.Desk, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen == gen {
		c.desks[tokenHash] = d
	}
}

// forget drops desk's tokens; call it after the revocation committed.
func (c *tokenCache) forget(desk string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for h, d := range c.desks {
		if d.ID == desk {
			delete(c.desks, h)
		}
	}
}

// forgetAll drops every token; call it after every desk was revoked.
func (c *tokenCache) forgetAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	clear(c.desks)
}
