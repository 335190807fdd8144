package server_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

// gatedStore is a real Badger store whose appends wait while its gate is
// shut: a push being stored, held there for as long as a test needs.
type gatedStore struct {
	server.Store
	mu      sync.Mutex
	gate    chan struct{} // nil: open
	entered chan struct{} // gets a value as each gated append starts waiting
}

func newGatedStore(t *testing.T) *gatedStore {
	st, err := badgerstore.Open(t.TempDir(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	return &gatedStore{Store: st, entered: make(chan struct{}, 10)}
}

func (g *gatedStore) shut() {
	g.mu.Lock()
	g.gate = make(chan struct{})
	g.mu.Unlock()
}

func (g *gatedStore) open() {
	g.mu.Lock()
	if g.gate != nil {
		close(g.gate)
		g.gate = nil
	}
	g.mu.Unlock()
}

func (g *gatedStore) Append(ctx context.Context, property string, evs []server.Pushed) (server.AppendResult, error) {
	g.mu.Lock()
	gate := g.gate
	g.mu.Unlock()
	if gate != nil {
		g.entered <- struct{}{}
		<-gate
	}
	return g.Store.Append(ctx, property, evs)
}

// pushBeingStored sets a server gathering pulls for up to gather, has
// desk-a push n events in two pushes, the first of stored events, and
// holds the second in the store. It returns the server, desk-b's token,
// the events, and land, which lets the second push land and waits for
// its answer: the test defers it, so that it runs whatever the test
// finds, while the push's request is still alive.
func pushBeingStored(t *testing.T, gather time.Duration, n, stored int) (e *env, reader string, evs []server.Pushed, land func()) {
	st := newGatedStore(t)
	e = newEnvOn(t, st, func(c *server.Config) { c.GatherPulls = gather })
	a, b := e.enroll("hotel", "desk-a"), e.enroll("hotel", "desk-b")
	evs = storetest.NewEvents("desk-a", n, 10)
	e.push(a, evs[:stored])
	st.shut()
	pushed := make(chan struct{})
	go func() { defer close(pushed); e.push(a, evs[stored:]) }()
	<-st.entered // the second push is being stored
	return e, b, evs, func() { st.open(); <-pushed }
}

// A desk pushing a backlog is stored a push at a time; a pull made while
// a push is being stored waits for it to land and takes what was stored
// before and that push in one answer, instead of answering with what was
// there and pulling again a few milliseconds later.
func TestAPullWaitsForThePushBeingStored(t *testing.T) {
	e, b, evs, land := pushBeingStored(t, 10*time.Second, 8, 3)
	defer land()
	got := make(chan pullOutcome, 1)
	go e.pullAsync(b, "after=0&limit=100&wait=0", "gzip", got)
	select {
	case o := <-got:
		t.Fatalf("the pull answered while a push was being stored: %d events, %v", len(o.resp.Events), o.err)
	case <-time.After(300 * time.Millisecond):
	}
	land()
	o := <-got
	if o.err != nil {
		t.Fatal(o.err)
	}
	checkPulled(t, o.resp, evs, 1, 8, false)
}

// The wait is bounded: a push that takes longer than GatherPulls to store
// does not hold the pulls back; they answer with what is stored.
func TestAPullWaitsForAPushBeingStoredOnlySoLong(t *testing.T) {
	e, b, evs, land := pushBeingStored(t, 50*time.Millisecond, 5, 2)
	defer land()
	got := make(chan pullOutcome, 1)
	go e.pullAsync(b, "after=0&limit=100&wait=0", "gzip", got)
	select {
	case o := <-got:
		if o.err != nil {
			t.Fatal(o.err)
		}
		checkPulled(t, o.resp, evs[:2], 1, 2, false)
	case <-time.After(5 * time.Second):
		t.Fatal("the pull waited past its bound for a push being stored")
	}
}
