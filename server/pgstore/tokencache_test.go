package pgstore

import (
	"testing"
	"time"

	"floordesk/server"
)

type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

func newTestCache() (*tokenCache, *clock) {
	clk := &clock{now: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)}
	c := newTokenCache(30*time.Second, clk.Now)
	c.start()
	return c, clk
}

var desk1 = server.Desk{ID: "desk-1", Property: "hotel", TokenHash: "tok-1"}

// A lookup reads the database between get and put. Whatever happens to
// the cache meanwhile, its answer may be out of date and is not kept.
func TestTokenCacheDropsLookupsThatRacedAChange(t *testing.T) {
	tests := []struct {
		name      string
		meanwhile func(*tokenCache)
	}{
		{"the desk changed", func(c *tokenCache) { c.forget("desk-1") }},
		{"another desk changed", func(c *tokenCache) { c.forget("desk-2") }},
		{"the listener was lost", func(c *tokenCache) { c.stop() }},
		{"the listener was lost and came back", func(c *tokenCache) { c.stop(); c.start() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newTestCache()
			_, gen, _ := c.get("tok-1")
			tt.meanwhile(c)
			c.put("tok-1", desk1, gen)
			if _, _, ok := c.get("tok-1"); ok {
				t.Fatal("kept a lookup that raced a change")
			}
		})
	}
}

func TestTokenCacheKeepsAQuietLookup(t *testing.T) {
	c, _ := newTestCache()
	_, gen, _ := c.get("tok-1")
	c.put("tok-1", desk1, gen)
	if d, _, ok := c.get("tok-1"); !ok || d.ID != desk1.ID || d.TokenHash != desk1.TokenHash {
		t.Fatalf("get = %+v, %v; want the desk", d, ok)
	}
}

func TestTokenCacheForgets(t *testing.T) {
	tests := []struct {
		name   string
		change func(*tokenCache, *clock)
		kept   bool
	}{
		{"the desk changed", func(c *tokenCache, _ *clock) { c.forget("desk-1") }, false},
		{"another desk changed", func(c *tokenCache, _ *clock) { c.forget("desk-2") }, true},
		{"the listener was lost", func(c *tokenCache, _ *clock) { c.stop() }, false},
		{"the listener was lost and came back", func(c *tokenCache, _ *clock) { c.stop(); c.start() }, false},
		{"29 s passed", func(_ *tokenCache, clk *clock) { clk.now = clk.now.Add(29 * time.Second) }, true},
		{"30 s passed", func(_ *tokenCache, clk *clock) { clk.now = clk.now.Add(30 * time.Second) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, clk := newTestCache()
			_, gen, _ := c.get("tok-1")
			c.put("tok-1", desk1, gen)
			tt.change(c, clk)
			if _, _, ok := c.get("tok-1"); ok != tt.kept {
				t.Fatalf("kept = %v, want %v", ok, tt.kept)
			}
		})
	}
}

// Until the listener hears notifications, nothing is kept.
func TestTokenCacheOffKeepsNothing(t *testing.T) {
	c := newTokenCache(30*time.Second, time.Now)
	_, gen, _ := c.get("tok-1")
	c.put("tok-1", desk1, gen)
	if _, _, ok := c.get("tok-1"); ok {
		t.Fatal("kept a token before start")
	}
}
