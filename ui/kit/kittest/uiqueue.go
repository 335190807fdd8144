package kittest

import (
	"sync"
	"testing"
	"time"
)

// UIQueueWait is how long UIQueue.Until waits for its condition.
const UIQueueWait = 20 * time.Second

// UIQueue stands in for the Fyne goroutine: what other goroutines hand to
// Do waits in it until the test goroutine runs it (Until), so widgets are
// only touched by the test goroutine. Set a session's Do to q.Do.
type UIQueue struct {
	mu    sync.Mutex
	fns   []func()
	ready chan struct{}
}

// NewUIQueue returns an empty queue.
func NewUIQueue() *UIQueue { return &UIQueue{ready: make(chan struct{}, 1)} }

// Do queues f for the test goroutine.
func (q *UIQueue) Do(f func()) {
	q.mu.Lock()
	q.fns = append(q.fns, f)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// next takes the oldest queued work, or nil.
func (q *UIQueue) next() func() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.fns) == 0 {
		return nil
	}
	f := q.fns[0]
	q.fns = q.fns[1:]
	return f
}

// Until runs the queued work, one piece at a time, until cond holds, and
// fails the test when it does not within UIQueueWait.
func (q *UIQueue) Until(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(UIQueueWait)
	for {
		if cond() {
			return
		}
		if f := q.next(); f != nil {
			f()
			continue
		}
		select {
		case <-q.ready:
		case <-time.After(20 * time.Millisecond): // cond may hang on another goroutine's store
		case <-deadline:
			t.Fatalf("not within %s: %s", UIQueueWait, what)
		}
	}
}
