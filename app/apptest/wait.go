package apptest

import (
	"testing"
	"time"
)

// WaitFor waits until cond holds, checking every 10 ms, and fails the
// test naming what it waited for when it does not within limit.
func WaitFor(t testing.TB, what string, limit time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
