package data

import (
	"sync"
	"time"

	"floordesk/data/wire"
)

// counterMax is the largest logical counter of a wire.Timestamp.
const counterMax = 1<<16 - 1

// DefaultMaxDrift is how far ahead of the local wall clock a remote
// timestamp may be and still move the local clock forward: as far as the
// server lets an event's clock be ahead of its own, so a desk whose clock
// is right follows every event the server takes.
const DefaultMaxDrift = wire.MaxClockAhead

// Clock is a hybrid logical clock (Kulkarni et al., 2014). It is safe for
// concurrent use. Readings never go backwards, even when the wall clock
// steps back; a remote reading more than MaxDrift ahead of the wall clock is
// reported but not followed, so one desk with a wrong clock cannot drag the
// others into the future.
type Clock struct {
	mu       sync.Mutex
	last     wire.Timestamp
	wall     func() time.Time
	maxDrift time.Duration
}

// NewClock starts a clock that will not go below last (the reading persisted
// before a restart). wall is the physical clock; nil means time.Now.
func NewClock(last wire.Timestamp, wall func() time.Time, maxDrift time.Duration) *Clock {
	if wall == nil {
		wall = time.Now
	}
	return &Clock{last: last, wall: wall, maxDrift: maxDrift}
}

// Now returns a reading for a local event: later than every reading this
// clock has given or observed.
func (c *Clock) Now() wire.Timestamp {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = advance(c.last, c.physical())
	return c.last
}

// Observe merges a remote reading into the clock. It returns false, and
// leaves the clock as it was, when the remote reading is more than MaxDrift
// ahead of the wall clock: the event is kept, but its clock is not followed.
func (c *Clock) Observe(remote wire.Timestamp) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	pt := c.physical()
	if remote.Millis() > pt+c.maxDrift.Milliseconds() {
		return false
	}
	if remote > c.last {
		c.last = remote
	}
	return true
}

// Reset sets the clock back to reading to, for Store.Restamp only: the
// readings above it were made while the wall clock was wrong, and are
// being given new ones.
func (c *Clock) Reset(to wire.Timestamp) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = to
}

// Last is the latest reading given or observed, for persisting.
func (c *Clock) Last() wire.Timestamp {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

func (c *Clock) physical() int64 { return c.wall().UnixMilli() }

// advance applies the send rule: take the wall clock when it is ahead,
// otherwise keep the logical time and bump the counter. A full counter moves
// to the next millisecond rather than wrapping.
func advance(last wire.Timestamp, pt int64) wire.Timestamp {
	if pt > last.Millis() {
		return wire.MakeTimestamp(pt, 0)
	}
	if last.Counter() == counterMax {
		return wire.MakeTimestamp(last.Millis()+1, 0)
	}
	return last + 1
}
