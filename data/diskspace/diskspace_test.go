package diskspace

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestFreeOfThisFolder(t *testing.T) {
	n, err := Free(t.TempDir())
	if errors.Is(err, ErrUnsupported) {
		t.Skip(err)
	}
	if err != nil || n == 0 {
		t.Fatalf("Free = %d, %v", n, err)
	}
}

// TestGuardAsksAtMostOncePerEvery: the guard reuses the system's answer
// for Every, asks again after it or after Recheck, and counts a disk it
// cannot measure as having room.
func TestGuardAsksAtMostOncePerEvery(t *testing.T) {
	now := time.Unix(1000, 0)
	free, asked := uint64(500), 0
	var fail error
	g := NewGuard("/data", 100)
	g.Now = func() time.Time { return now }
	g.Free = func(string) (uint64, error) { asked++; return free, fail }
	room := func() bool { _, ok, _ := g.Room(); return ok }

	if !room() || asked != 1 {
		t.Fatalf("first Room: asked %d", asked)
	}
	free = 50
	now = now.Add(time.Second - time.Millisecond)
	if !room() || asked != 1 {
		t.Fatalf("within a second the guard asked again (%d) or changed its answer", asked)
	}
	now = now.Add(time.Millisecond)
	if room() || asked != 2 {
		t.Fatalf("after a second: room with %d free of 100, asked %d", free, asked)
	}
	free = 100
	g.Recheck()
	if !room() || asked != 3 {
		t.Fatalf("after Recheck: asked %d", asked)
	}
	fail = errors.New("no statfs")
	g.Recheck()
	if _, ok, err := g.Room(); !ok || err == nil {
		t.Fatalf("a disk that cannot be measured: ok=%v err=%v, want room and the error", ok, err)
	}
}

// TestGuardAsksEveryTimeNearTheReserve: below twice the reserve the guard
// trusts no earlier answer, so a disk filling fast is seen at once.
func TestGuardAsksEveryTimeNearTheReserve(t *testing.T) {
	free, asked := uint64(199), 0
	g := NewGuard("/data", 100)
	g.Now = func() time.Time { return time.Unix(1000, 0) } // the clock stands still
	g.Free = func(string) (uint64, error) { asked++; return free, nil }
	for i := range 3 {
		if _, ok, _ := g.Room(); !ok || asked != i+1 {
			t.Fatalf("call %d near the reserve: ok=%v asked=%d", i+1, ok, asked)
		}
	}
	free = 99
	if _, ok, _ := g.Room(); ok || asked != 4 {
		t.Fatalf("the disk filled: ok=%v asked=%d, want refused at once", ok, asked)
	}
	free = 200
	g.Room()
	g.Room()
	if asked != 5 {
		t.Fatalf("asked %d, want 5: once the disk has twice the reserve, an answer is kept a second", asked)
	}
}

// TestReaderStopsAtTheReserve: a restore's reader fails once what it has
// read would take the disk below the reserve, even before the disk shows
// it (the writes lag the reads), and keeps failing.
func TestReaderStopsAtTheReserve(t *testing.T) {
	g := NewGuard("/data", 100)
	g.Free = func(string) (uint64, error) { return 100 + 3<<20, nil } // the disk never shows the writes
	full := errors.New("full")
	rr := NewReader(strings.NewReader(strings.Repeat("x", 10<<20)), g, func(uint64) error { return full })
	n, err := io.Copy(io.Discard, rr)
	if !errors.Is(err, full) || n < 3<<20 || n > 5<<20 {
		t.Fatalf("read %d bytes, then %v; want about 3 MB, then the full error", n, err)
	}
	if _, err := rr.Read(make([]byte, 10)); !errors.Is(err, full) || rr.Err != full {
		t.Fatalf("after the stop: %v", err)
	}
}
