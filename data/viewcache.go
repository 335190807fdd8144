package data

import (
	"slices"
	"sync"

	"floordesk/data/wire"
)

// A command reads the same few views over and over: the staff member who
// acts, the hotel's settings, the room list, the record it works on, which
// its last command wrote. Each read was a lookup through Badger's levels
// of encrypted tables, and the room list a copy of a few dozen kilobytes:
// about a quarter of what a found item or a loan cost beyond its fsync
// (issue 12). So View keeps the views it read and those the desk wrote
// last, and each commit puts the views it wrote there as it writes them
// to Badger: a view cached is the view committed.
//
// Views are written only by a writer's commit (every local, remote,
// snapshot and refold write) and by AppendBulk, which drops the cache.

// cachedViews bounds the views held: the set-up and the records being
// worked on, a few hundred kilobytes.
const cachedViews = 256

// viewCache holds views by view key, nil for an entity known to have
// none (a hotel's settings never set, the next free tag). gen moves on at
// every change, so a reader that read Badger before a commit cannot put
// back what it read.
type viewCache struct {
	mu    sync.Mutex
	gen   uint64
	byKey map[string][]byte
}

// get returns the view cached under key, or the generation to pass to
// add with what Badger holds.
func (c *viewCache) get(key []byte) (view []byte, gen uint64, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	view, ok = c.byKey[string(key)]
	return view, c.gen, ok
}

// add caches view (nil: none), read from Badger after get returned gen,
// unless a commit changed the cache since.
func (c *viewCache) add(key []byte, view []byte, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	c.put(string(key), view)
}

// put caches view under key, making room by dropping any one view (a
// map's order is random). Called with c.mu held.
func (c *viewCache) put(key string, view []byte) {
	if c.byKey == nil {
		c.byKey = map[string][]byte{}
	}
	if _, ok := c.byKey[key]; !ok && len(c.byKey) >= cachedViews {
		for k := range c.byKey {
			delete(c.byKey, k)
			break
		}
	}
	c.byKey[key] = slices.Clip(view) // an append to it cannot write into the cache
}

// committed caches the views a transaction has just committed.
func (c *viewCache) committed(filed map[wire.EntityRef]*filing) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for ref, f := range filed {
		key := string(viewKey(ref))
		if len(f.view) == 0 {
			delete(c.byKey, key)
			continue
		}
		c.put(key, f.view)
	}
}

// drop forgets every view: views were written some other way.
func (c *viewCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.byKey = nil
}
