package data

import (
	"testing"
	"time"

	"floordesk/data/wire"
)

// fakeWall is a settable wall clock for tests.
type fakeWall struct{ t time.Time }

func (f *fakeWall) now() time.Time { return f.t }

func ms(n int64) time.Time { return time.UnixMilli(n) }

func TestClockSendRule(t *testing.T) {
	tests := []struct {
		name string
		last wire.Timestamp
		wall int64
		want wire.Timestamp
	}{
		{"wall ahead takes wall, counter 0", wire.MakeTimestamp(1000, 7), 2000, wire.MakeTimestamp(2000, 0)},
		{"same millisecond bumps counter", wire.MakeTimestamp(2000, 0), 2000, wire.MakeTimestamp(2000, 1)},
		{"wall stepped back keeps logical time", wire.MakeTimestamp(5000, 3), 1000, wire.MakeTimestamp(5000, 4)},
		{"full counter moves to next millisecond", wire.MakeTimestamp(5000, counterMax), 5000, wire.MakeTimestamp(5001, 0)},
		{"fresh clock", 0, 1234, wire.MakeTimestamp(1234, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &fakeWall{ms(tt.wall)}
			c := NewClock(tt.last, w.now, DefaultMaxDrift)
			if got := c.Now(); got != tt.want {
				t.Fatalf("Now() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestClockReceiveRule(t *testing.T) {
	const wall = 1_000_000
	drift := 5 * time.Minute
	tests := []struct {
		name     string
		last     wire.Timestamp
		remote   wire.Timestamp
		followed bool
		next     wire.Timestamp // the next local reading after Observe
	}{
		{"remote behind: local continues", wire.MakeTimestamp(wall, 4), wire.MakeTimestamp(wall-10, 9), true, wire.MakeTimestamp(wall, 5)},
		{"remote ahead within drift: jump to it", wire.MakeTimestamp(wall, 0), wire.MakeTimestamp(wall+60_000, 2), true, wire.MakeTimestamp(wall+60_000, 3)},
		{"remote equal ms higher counter: take counter", wire.MakeTimestamp(wall, 1), wire.MakeTimestamp(wall, 8), true, wire.MakeTimestamp(wall, 9)},
		{"remote far ahead: kept but not followed", wire.MakeTimestamp(wall, 0), wire.MakeTimestamp(wall+drift.Milliseconds()+1, 0), false, wire.MakeTimestamp(wall, 1)},
		{"remote exactly at the drift limit: followed", wire.MakeTimestamp(wall, 0), wire.MakeTimestamp(wall+drift.Milliseconds(), 0), true, wire.MakeTimestamp(wall+drift.Milliseconds(), 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &fakeWall{ms(wall)}
			c := NewClock(tt.last, w.now, drift)
			if got := c.Observe(tt.remote); got != tt.followed {
				t.Fatalf("Observe() = %v, want %v", got, tt.followed)
			}
			if got := c.Now(); got != tt.next {
				t.Fatalf("next Now() = %v, want %v", got, tt.next)
			}
		})
	}
}

func TestClockMonotonicWhenWallJumpsAround(t *testing.T) {
	w := &fakeWall{ms(10_000)}
	c := NewClock(0, w.now, DefaultMaxDrift)
	prev := c.Now()
	for _, step := range []int64{5, -3000, 0, 0, 7000, -1, -60_000, 1} {
		w.t = w.t.Add(time.Duration(step) * time.Millisecond)
		got := c.Now()
		if got <= prev {
			t.Fatalf("after wall step %d ms: %v not after %v", step, got, prev)
		}
		prev = got
	}
}

func TestTimestampText(t *testing.T) {
	ts := wire.MakeTimestamp(1_763_900_000_123, 42)
	b, _ := ts.MarshalText()
	if string(b) != "1763900000123.42" {
		t.Fatalf("text = %s", b)
	}
	var back wire.Timestamp
	if err := back.UnmarshalText(b); err != nil || back != ts {
		t.Fatalf("round trip = %v, %v", back, err)
	}
	for _, bad := range []string{"", "12", "x.1", "1.x", "1.70000", "-1.0", "281474976710656.0"} {
		if err := back.UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("UnmarshalText(%q) accepted", bad)
		}
	}
}
