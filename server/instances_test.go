package server_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/server"
	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
)

// instance is one of several servers on one PostgreSQL, on a fixed
// loopback port, which can be killed abruptly and started again.
type instance struct {
	addr   string
	store  *pgstore.Store
	srv    *server.Server
	hs     *http.Server
	done   chan struct{}
	killed sync.Once
}

// instanceLongPoll is longer than any wait in the tests below: a held pull
// answers in time only when a push through another instance wakes it.
const instanceLongPoll = 20 * time.Second

func startInstance(t testing.TB, db, addr string) *instance {
	t.Helper()
	st, err := pgstore.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Store: st, Logger: quiet, LongPoll: instanceLongPoll, AdminToken: testAdminToken})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	in := &instance{addr: ln.Addr().String(), store: st, srv: srv,
		hs: &http.Server{Handler: srv.Handler()}, done: make(chan struct{})}
	go func() {
		defer close(in.done)
		in.hs.Serve(ln)
	}()
	t.Cleanup(in.kill)
	return in
}

// kill stops the instance at once: connections are cut, nothing drains.
func (in *instance) kill() {
	in.killed.Do(func() {
		in.srv.Close()
		in.hs.Close()
		<-in.done
		in.store.Close()
	})
}

// roundRobin is a load balancer on loopback: each request goes to the next
// instance in turn; one that refuses the connection is skipped, as a
// balancer's health check would.
type roundRobin struct {
	upstreams []string
	next      atomic.Uint64
	client    *http.Client
	http      *httptest.Server
}

// maxProxiedBody bounds a request body the balancer holds to retry it.
const maxProxiedBody = 64 << 20

func newRoundRobin(t testing.TB, instances []*instance) *roundRobin {
	p := &roundRobin{client: &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 64}}}
	for _, in := range instances {
		p.upstreams = append(p.upstreams, in.addr)
	}
	p.http = httptest.NewServer(p)
	t.Cleanup(p.http.Close)
	return p
}

func (p *roundRobin) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxProxiedBody))
	if err != nil {
		return
	}
	for range p.upstreams {
		up := p.upstreams[p.next.Add(1)%uint64(len(p.upstreams))]
		req, err := http.NewRequestWithContext(r.Context(), r.Method, "http://"+up+r.URL.RequestURI(), bytes.NewReader(body))
		if err != nil {
			break
		}
		req.Header = r.Header.Clone()
		resp, err := p.client.Do(req)
		if err != nil {
			if r.Context().Err() != nil {
				return
			}
			continue // down or cut: the next one
		}
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body)
		resp.Body.Close()
		return
	}
	http.Error(w, "no instance answered", http.StatusBadGateway)
}

// newClusterDesk is a desk store enrolled and syncing through the balancer.
// Its pulls may be held as long as the instances hold them.
func newClusterDesk(t *testing.T, st server.Store, url, name string) *deskUnderTest {
	t.Helper()
	ds, err := data.Open(data.Options{Dir: t.TempDir(), Desk: name, Fold: listFold, Logger: quiet, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ds.Close() })
	code, err := server.CreateEnrolment(t.Context(), st, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.EnrollStore(t.Context(), ds, url, code); err != nil {
		t.Fatal(err)
	}
	c := data.NewSyncClient(ds, data.SyncConfig{
		Logger: quiet, PollWait: instanceLongPoll, PushBatch: 7,
		MinBackoff: 10 * time.Millisecond, MaxBackoff: 150 * time.Millisecond,
	})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { c.Run(ctx) })
	t.Cleanup(func() {
		cancel()
		wg.Wait()
	})
	return &deskUnderTest{store: ds, client: c}
}

// Three servers on one PostgreSQL behind a round-robin balancer: desks
// pull through one instance and push through another, one instance is
// killed mid-run and started again, and every desk sees every event of
// each round within seconds (the long poll is 20 s: a pull held on one
// instance must wake for a push stored through another), with nothing
// lost and nothing stored twice. Without NOTIFY (an engine such as
// CockroachDB; forced here) the instances poll the counters instead.
func TestInstancesOnOnePostgres(t *testing.T) {
	for _, c := range []struct {
		name string
		db   func(testing.TB) string
	}{{"notify", pgtest.NewDB}, {"polling without notify", pgtest.NewDBWithoutNotify}} {
		t.Run(c.name, func(t *testing.T) { testInstances(t, c.db(t)) })
	}
}

func testInstances(t *testing.T, db string) {
	instances := []*instance{startInstance(t, db, "127.0.0.1:0"), startInstance(t, db, "127.0.0.1:0"), startInstance(t, db, "127.0.0.1:0")}
	lb := newRoundRobin(t, instances)
	var desks []*deskUnderTest
	for i := range 6 {
		desks = append(desks, newClusterDesk(t, instances[0].store, lb.http.URL, fmt.Sprintf("desk-%d", i)))
	}
	const rounds, perDesk, within = 6, 12, 10 * time.Second
	for round := range rounds {
		switch round {
		case 2:
			instances[1].kill()
		case 4:
			instances[1] = startInstance(t, db, instances[1].addr)
		}
		start := time.Now()
		for _, d := range desks {
			d.work(t, perDesk, fmt.Sprintf("round-%d", round))
		}
		waitFor(t, fmt.Sprintf("round %d to reach every desk", round), within, func() bool { return allHaveAll(desks) })
		t.Logf("round %d: every desk had every event after %v", round, time.Since(start).Round(time.Millisecond))
	}
	total := uint64(rounds * perDesk * len(desks))
	last, err := instances[0].store.LastSeq(t.Context(), "hotel")
	if err != nil {
		t.Fatal(err)
	}
	if last != total {
		t.Fatalf("the database holds %d events, want the %d made", last, total)
	}
	checkSameViews(t, desks)
}
