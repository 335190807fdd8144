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

// A desk pushing a backlog is stored a push at a time; a pull made while
// a push is being stored waits for it to land and takes what was stored
// before and that push in one answer, instead of answering with what was
// there and pulling again a few milliseconds later.
func TestAPullWaitsForThePushBeingStored(t *testing.T) {
	st := newGatedStore(t)
	e := newEnvOn(t, st, func(c *server.Config) { c.GatherPulls = 10 * time.Second })
	t.Cleanup(st.open) // before the server closes, whatever the test found
	a, b := e.enroll("hotel", "desk-a"), e.enroll("hotel", "desk-b")
	evs := storetest.NewEvents("desk-a", 8, 10)
	e.push(a, evs[:3])
	st.shut()
	pushed := make(chan struct{})
	go func() { defer close(pushed); e.push(a, evs[3:]) }()
	t.Cleanup(func() { st.open(); <-pushed })
	<-st.entered // the second push is being stored
	got := make(chan pullOutcome, 1)
	go e.pullAsync(b, "after=0&limit=100&wait=0", "gzip", got)
	select {
	case o := <-got:
		t.Fatalf("the pull answered while a push was being stored: %d events, %v", len(o.resp.Events), o.err)
	case <-time.After(300 * time.Millisecond):
	}
	st.open()
	o := <-got
	if o.err != nil {
		t.Fatal(o.err)
	}
	checkPulled(t, o.resp, evs, 1, 8, false)
	<-pushed
}

// The wait is bounded: a push that takes longer than GatherPulls to store
// does not hold the pulls back; they answer with what is stored.
func TestAPullWaitsForAPushBeingStoredOnlySoLong(t *testing.T) {
	st := newGatedStore(t)
	e := newEnvOn(t, st, func(c *server.Config) { c.GatherPulls = 50 * time.Millisecond })
	t.Cleanup(st.open)
	a, b := e.enroll("hotel", "desk-a"), e.enroll("hotel", "desk-b")
	evs := storetest.NewEvents("desk-a", 5, 10)
	e.push(a, evs[:2])
	st.shut()
	pushed := make(chan struct{})
	go func() { defer close(pushed); e.push(a, evs[2:]) }()
	<-st.entered
	got := make(chan pullOutcome, 1)
	go e.pullAsync(b, "after=0&limit=100&wait=0", "gzip", got)
	var o pullOutcome
	select {
	case o = <-got:
	case <-time.After(5 * time.Second):
		t.Error("the pull waited past its bound for a push being stored")
	}
	st.open()
	<-pushed
	if o.err != nil {
		t.Fatal(o.err)
	}
	checkPulled(t, o.resp, evs[:2], 1, 2, false)
}
