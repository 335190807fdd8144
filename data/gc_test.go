package data

import (
	"sync/atomic"
	"testing"
	"time"
)

// TestGCRunsOnlyWhenIdle: garbage collection waits for a quiet minute.
func TestGCRunsOnlyWhenIdle(t *testing.T) {
	var offset atomic.Int64 // how far the fake wall clock is ahead of real time
	wall := func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }
	s, err := Open(Options{Dir: t.TempDir(), Desk: "d", Fold: TraceFold, Wall: wall, GCInterval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Append(newEvent("k", "1", "t")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // ten ticks while busy
	if n := s.gcRuns.Load(); n != 0 {
		t.Fatalf("GC ran %d times right after a write", n)
	}
	offset.Store(int64(2 * time.Minute))
	deadline := time.Now().Add(10 * time.Second)
	for s.gcRuns.Load() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("GC never ran while idle")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
