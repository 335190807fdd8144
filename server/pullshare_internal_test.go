package server

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// countingRead is a read for round.answer that counts its calls and, when
// gate is not nil, waits for it to close.
type countingRead struct {
	calls   atomic.Int32
	started chan struct{} // gets a value as each call starts
	gate    chan struct{}
	err     error
}

func newCountingRead() *countingRead {
	return &countingRead{started: make(chan struct{}, 10)}
}

func (c *countingRead) read(context.Context, answerKey) (*pullAnswer, error) {
	c.calls.Add(1)
	c.started <- struct{}{}
	if c.gate != nil {
		<-c.gate
	}
	if c.err != nil {
		return nil, c.err
	}
	return &pullAnswer{body: []byte("{}")}, nil
}

// A pull of a round asking what another pull of the round is reading waits
// for that read; after a push, the new round reads again even while the old
// round's read is in flight.
func TestRoundSharesReadsOnlyWithinTheRound(t *testing.T) {
	h := newHub()
	k := answerKey{epoch: "e", after: 7, limit: 100}
	old := newCountingRead()
	old.gate = make(chan struct{})
	r1 := h.join("hotel")
	first := make(chan *pullAnswer, 1)
	go func() {
		a, _ := r1.answer(t.Context(), k, old.read)
		first <- a
	}()
	<-old.started
	// A desk that hangs up while waiting for the read shows it waited:
	// had it read itself, it would not have looked at its context.
	gone, hangUp := context.WithCancel(t.Context())
	hangUp()
	if _, err := r1.answer(gone, k, old.read); !errors.Is(err, context.Canceled) || old.calls.Load() != 1 {
		t.Fatalf("second pull of the round: %v after %d reads; want it to wait for the first read", err, old.calls.Load())
	}
	h.notify("hotel")
	r2 := h.join("hotel")
	if r2 == r1 {
		t.Fatal("a push did not start a new round")
	}
	fresh := newCountingRead()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second) // joining the old read would wait for ever
	defer cancel()
	if _, err := r2.answer(ctx, k, fresh.read); err != nil || fresh.calls.Load() != 1 {
		t.Fatalf("the new round's pull shared the old round's read (%d reads, %v)", fresh.calls.Load(), err)
	}
	close(old.gate)
	if a := <-first; a == nil {
		t.Fatal("the first pull got no answer")
	}
	waitUntil(t, "the round to drop its answer", time.Second, func() bool {
		r1.mu.Lock()
		defer r1.mu.Unlock()
		return len(r1.calls) == 0
	})
}

// A failed read is not shared with the pulls that ask after it.
func TestRoundDoesNotKeepFailedReads(t *testing.T) {
	r := newHub().join("hotel")
	k := answerKey{epoch: "e", after: 0, limit: 100}
	failing := newCountingRead()
	failing.err = errors.New("disk on fire")
	if _, err := r.answer(t.Context(), k, failing.read); !errors.Is(err, failing.err) {
		t.Fatalf("answer = %v, want the read's error", err)
	}
	ok := newCountingRead()
	if a, err := r.answer(t.Context(), k, ok.read); err != nil || a == nil || ok.calls.Load() != 1 {
		t.Fatalf("after a failed read: %v, %d reads", err, ok.calls.Load())
	}
}

func waitUntil(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}
