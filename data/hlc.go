package data

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Timestamp is a hybrid logical clock reading: 48 bits of physical
// milliseconds since the Unix epoch and a 16-bit logical counter, packed so
// that comparing two Timestamps as integers compares them as HLC readings.
type Timestamp uint64

const counterBits = 16
const counterMax = 1<<counterBits - 1

// MakeTimestamp packs milliseconds and a counter into a Timestamp.
func MakeTimestamp(ms int64, counter uint16) Timestamp {
	return Timestamp(uint64(ms)<<counterBits | uint64(counter))
}

// Millis is the physical part, in milliseconds since the Unix epoch.
func (t Timestamp) Millis() int64 { return int64(t >> counterBits) }

// Counter is the logical part.
func (t Timestamp) Counter() uint16 { return uint16(t & counterMax) }

// Time is the physical part as a time.Time.
func (t Timestamp) Time() time.Time { return time.UnixMilli(t.Millis()) }

// String renders the timestamp as "millis.counter".
func (t Timestamp) String() string {
	return strconv.FormatInt(t.Millis(), 10) + "." + strconv.Itoa(int(t.Counter()))
}

// MarshalText encodes the timestamp as its String form. JSON numbers cannot
// carry 64 bits safely through every client, so the wire uses text.
func (t Timestamp) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText parses the "millis.counter" form.
func (t *Timestamp) UnmarshalText(b []byte) error {
	ms, c, ok := strings.Cut(string(b), ".")
	if !ok {
		return fmt.Errorf("hlc %q: want millis.counter", b)
	}
	m, err := strconv.ParseInt(ms, 10, 64)
	if err != nil || m < 0 || m >= 1<<48 {
		return fmt.Errorf("hlc %q: bad milliseconds", b)
	}
	n, err := strconv.ParseUint(c, 10, 16)
	if err != nil {
		return fmt.Errorf("hlc %q: bad counter", b)
	}
	*t = MakeTimestamp(m, uint16(n))
	return nil
}

// DefaultMaxDrift is how far ahead of the local wall clock a remote
// timestamp may be and still move the local clock forward.
const DefaultMaxDrift = 5 * time.Minute

// Clock is a hybrid logical clock (Kulkarni et al., 2014). It is safe for
// concurrent use. Readings never go backwards, even when the wall clock
// steps back; a remote reading more than MaxDrift ahead of the wall clock is
// reported but not followed, so one desk with a wrong clock cannot drag the
// others into the future.
type Clock struct {
	mu       sync.Mutex
	last     Timestamp
	wall     func() time.Time
	maxDrift time.Duration
}

// NewClock starts a clock that will not go below last (the reading persisted
// before a restart). wall is the physical clock; nil means time.Now.
func NewClock(last Timestamp, wall func() time.Time, maxDrift time.Duration) *Clock {
	if wall == nil {
		wall = time.Now
	}
	return &Clock{last: last, wall: wall, maxDrift: maxDrift}
}

// Now returns a reading for a local event: later than every reading this
// clock has given or observed.
func (c *Clock) Now() Timestamp {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = advance(c.last, c.physical())
	return c.last
}

// Observe merges a remote reading into the clock. It returns false, and
// leaves the clock as it was, when the remote reading is more than MaxDrift
// ahead of the wall clock: the event is kept, but its clock is not followed.
func (c *Clock) Observe(remote Timestamp) bool {
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

// Last is the latest reading given or observed, for persisting.
func (c *Clock) Last() Timestamp {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

func (c *Clock) physical() int64 { return c.wall().UnixMilli() }

// advance applies the send rule: take the wall clock when it is ahead,
// otherwise keep the logical time and bump the counter. A full counter moves
// to the next millisecond rather than wrapping.
func advance(last Timestamp, pt int64) Timestamp {
	if pt > last.Millis() {
		return MakeTimestamp(pt, 0)
	}
	if last.Counter() == counterMax {
		return MakeTimestamp(last.Millis()+1, 0)
	}
	return last + 1
}
