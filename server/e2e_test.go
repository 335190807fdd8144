package server_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
)

// liveServer is a real server on a fixed loopback port over a Badger
// folder, which can be killed abruptly and started again.
type liveServer struct {
	t    *testing.T
	dir  string
	addr string

	store *badgerstore.Store
	srv   *server.Server
	hs    *http.Server
	done  chan struct{}
}

func startLive(t *testing.T, dir, addr string) *liveServer {
	t.Helper()
	st, err := badgerstore.Open(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Store: st, Logger: quiet, LongPoll: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	l := &liveServer{t: t, dir: dir, addr: ln.Addr().String(), store: st, srv: srv,
		hs: &http.Server{Handler: srv.Handler()}, done: make(chan struct{})}
	go func() {
		defer close(l.done)
		l.hs.Serve(ln)
	}()
	return l
}

// kill stops the server at once: connections are cut, nothing drains.
func (l *liveServer) kill() {
	l.srv.Close()
	l.hs.Close()
	<-l.done
	l.store.Close()
}

func (l *liveServer) url() string { return "http://" + l.addr }

// deskUnderTest is a desk store syncing through its own fault proxy.
type deskUnderTest struct {
	store  *data.Store
	proxy  *faultProxy
	client *data.SyncClient
	ids    []string
}

func newDeskUnderTest(t *testing.T, l *liveServer, name string, seed uint64) *deskUnderTest {
	t.Helper()
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: name, Fold: listFold, Logger: quiet, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	code, err := server.CreateEnrolment(t.Context(), l.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	p := newFaultProxy(t, l.url(), seed)
	if err := data.EnrollStore(t.Context(), st, p.http.URL, code); err != nil {
		t.Fatal(err)
	}
	c := data.NewSyncClient(st, data.SyncConfig{
		Logger: quiet, PollWait: time.Second, PushBatch: 7,
		MinBackoff: 10 * time.Millisecond, MaxBackoff: 150 * time.Millisecond,
	})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { c.Run(ctx) })
	t.Cleanup(func() {
		cancel()
		wg.Wait()
	})
	return &deskUnderTest{store: st, proxy: p, client: c}
}

// work appends n events on the keys, loans and found items all desks share.
func (d *deskUnderTest) work(t *testing.T, n int, round string) {
	t.Helper()
	kinds := []struct{ kind, typ string }{{"key", "key.signed_out"}, {"loan", "loan.returned"}, {"found", "found.claimed"}}
	for i := range n {
		k := kinds[i%len(kinds)]
		ev, err := d.store.Append(wire.Event{
			Actor: "staff-1", Entity: wire.EntityRef{Kind: k.kind, ID: fmt.Sprintf("%s-%d", k.kind, i%4)},
			Type: k.typ, Body: json.RawMessage(fmt.Sprintf(`{"round":%q,"i":%d}`, round, i)),
		})
		if err != nil {
			t.Fatal(err)
		}
		d.ids = append(d.ids, ev.ID)
	}
}

// views reads every folded view of the desk.
func views(t *testing.T, st *data.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	kinds, err := st.Kinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kinds {
		err := st.Views(k, func(id string, state []byte) error {
			out[k+"/"+id] = string(state)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func listFold(_ wire.EntityRef, state []byte, ev wire.Event) ([]byte, error) {
	var list []string
	if state != nil {
		if err := json.Unmarshal(state, &list); err != nil {
			return nil, err
		}
	}
	return json.Marshal(append(list, ev.Type+"@"+ev.Desk))
}

// TestEndToEndOfflineFaultsRestartHeal runs three desks through faults, an
// offline desk and a server killed and restarted, then checks that every
// desk holds every event and shows byte-identical views.
func TestEndToEndOfflineFaultsRestartHeal(t *testing.T) {
	dir := t.TempDir()
	live := startLive(t, dir, "127.0.0.1:0")
	addr := live.addr
	desks := []*deskUnderTest{
		newDeskUnderTest(t, live, "desk-a", 1),
		newDeskUnderTest(t, live, "desk-b", 2),
		newDeskUnderTest(t, live, "desk-c", 3),
	}
	a, b, c := desks[0], desks[1], desks[2]
	for _, d := range desks {
		d.proxy.faulty.Store(true)
	}
	// Round 1: everyone online through a faulty network, until every kind
	// of fault has hit every desk (bounded).
	for round := 0; round < 40 && !allFaultsSeen(desks); round++ {
		for _, d := range desks {
			d.work(t, 2, "faulty")
		}
		waitFor(t, "round 1 to be pushed", 30*time.Second, func() bool { return pendingAll(desks) == 0 })
	}
	if !allFaultsSeen(desks) {
		t.Fatal("the proxy never hit every desk with every fault")
	}
	// Round 2: desk C goes offline and works on the same entities.
	c.proxy.offline.Store(true)
	a.work(t, 10, "c-offline")
	c.work(t, 15, "c-offline")
	// Round 3: the server dies; every desk keeps working.
	live.kill()
	for _, d := range desks {
		d.work(t, 8, "server-down")
	}
	live = startLive(t, dir, addr)
	defer live.kill()
	b.work(t, 6, "server-back")
	// Heal.
	for _, d := range desks {
		d.proxy.faulty.Store(false)
		d.proxy.offline.Store(false)
		d.client.SyncNow()
	}
	total := 0
	for _, d := range desks {
		total += len(d.ids)
	}
	waitHealed(t, live, desks, total)
	checkSameViews(t, desks)
	for i, d := range desks {
		for _, f := range []string{"drop", "cut", "duplicate"} {
			t.Logf("desk %d: %d requests with fault %s", i, d.proxy.count(f), f)
		}
	}
}

func allFaultsSeen(desks []*deskUnderTest) bool {
	for _, d := range desks {
		for _, f := range []string{"drop", "cut", "duplicate", "delay"} {
			if d.proxy.count(f) == 0 {
				return false
			}
		}
	}
	return true
}

func pendingAll(desks []*deskUnderTest) int {
	n := 0
	for _, d := range desks {
		n += d.client.Status().Pending
	}
	return n
}

func waitHealed(t *testing.T, live *liveServer, desks []*deskUnderTest, total int) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		n, err := live.store.LastSeq(t.Context(), "hotel")
		if err != nil {
			t.Fatal(err)
		}
		if n == uint64(total) && allHaveAll(desks) {
			return
		}
		if n > uint64(total) {
			t.Fatalf("server holds %d events, more than the %d made: a duplicate was stored", n, total)
		}
		if time.Now().After(deadline) {
			t.Fatalf("not healed after 60 s: server holds %d of %d events", n, total)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func allHaveAll(desks []*deskUnderTest) bool {
	for _, d := range desks {
		if d.client.Status().Pending != 0 {
			return false
		}
		for _, other := range desks {
			for _, id := range other.ids {
				if _, err := d.store.Get(id); errors.Is(err, wire.ErrNotFound) {
					return false
				}
			}
		}
	}
	return true
}

func checkSameViews(t *testing.T, desks []*deskUnderTest) {
	t.Helper()
	want := views(t, desks[0].store)
	if len(want) != 12 {
		t.Fatalf("desk 0 has %d views, want 12 entities", len(want))
	}
	for i, d := range desks[1:] {
		if got := views(t, d.store); !reflect.DeepEqual(got, want) {
			t.Fatalf("desk %d views differ from desk 0", i+1)
		}
	}
}
