package server_test

import (
	"bytes"
	"compress/gzip"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
	"floordesk/server/storetest"
)

func TestMain(m *testing.M) {
	if code, ok := runHelper(); ok {
		os.Exit(code)
	}
	code := m.Run()
	pgtest.Shutdown()
	os.Exit(code)
}

const benchEvents = 10_000

// BenchmarkPushPull pushes 10,000 events of about 570 bytes from one desk
// to a server on loopback and pulls them back while they are pushed, in
// batches, as the sync client does (gzip on both ways). The server's
// writes are durable: Badger with SyncWrites, PostgreSQL with fsync and
// synchronous_commit on.
func BenchmarkPushPull(b *testing.B) {
	stores := []struct {
		name string
		open func(b *testing.B) (server.Store, cpuClock)
	}{
		{"badger", func(b *testing.B) (server.Store, cpuClock) {
			s, err := badgerstore.Open(b.TempDir(), quiet)
			if err != nil {
				b.Fatal(err)
			}
			return s, cpuClock{}
		}},
		{"postgres", func(b *testing.B) (server.Store, cpuClock) {
			url := pgtest.NewDB(b)
			s, err := pgstore.Open(b.Context(), url)
			if err != nil {
				b.Fatal(err)
			}
			return s, newCPUClock(b.Context(), url)
		}},
	}
	for _, st := range stores {
		for _, batch := range []int{100, 1000} {
			b.Run(fmt.Sprintf("%s/batch=%d", st.name, batch), func(b *testing.B) {
				s, clock := st.open(b)
				benchPushPull(b, s, clock, batch)
			})
		}
	}
}

// benchPushPull reports, besides events/s, the processor time of each
// 10,000 events pushed and pulled: this process's (desk and server,
// cpu-ms) and PostgreSQL's (pg-cpu-ms), which other work on a shared
// machine does not stretch as it stretches the elapsed time.
func benchPushPull(b *testing.B, st server.Store, clock cpuClock, batch int) {
	defer st.Close()
	srv, err := server.New(server.Config{Store: st, Logger: quiet, LongPoll: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	code, _ := server.CreateEnrolment(b.Context(), st, "hotel", time.Now(), time.Hour)
	token, err := data.Enroll(b.Context(), hs.URL, code, "desk-bench")
	if err != nil {
		b.Fatal(err)
	}
	hc := hs.Client()
	// Idle connections kept as the sync client keeps them (SyncConfig):
	// its pushes ahead and its pull each have one.
	hc.Transport.(*http.Transport).MaxIdleConnsPerHost = 4
	c := &benchClient{url: hs.URL, token: token, hc: hc}
	key := storetest.NewKey(1)
	c.registerKey(b, key)
	var cursor uint64
	var link wire.ChainLink
	var cpu, pgCPU time.Duration
	for b.Loop() {
		b.StopTimer()
		bodies, lasts := pushBodies(b, batch, key, &link)
		self0, pg0 := clock.read()
		b.StartTimer()
		pulled := make(chan uint64, 1)
		go func() { pulled <- c.pullAll(b, cursor, wire.DefaultPullLimit) }()
		c.pushAll(b, bodies, lasts)
		cursor = <-pulled
		b.StopTimer()
		self1, pg1 := clock.read()
		cpu, pgCPU = cpu+self1-self0, pgCPU+pg1-pg0
		b.StartTimer()
	}
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms")
	}
	if clock.postmaster != 0 {
		b.ReportMetric(float64(pgCPU.Milliseconds())/float64(b.N), "pg-cpu-ms")
	}
	b.ReportMetric(float64(benchEvents*b.N)/b.Elapsed().Seconds(), "events/s")
}

// pushBodies encodes 10,000 fresh events, sealed in the desk's chain as
// a desk's are (so the server checks every signature and link), as
// gzipped push bodies, with the ID of each body's last event. It uses
// one gzip writer throughout, as the sync client would: a writer per body
// left a gigabyte of garbage per run for the timed part's collections.
func pushBodies(b *testing.B, batch int, key ed25519.PrivateKey, link *wire.ChainLink) (bodies [][]byte, lasts []string) {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	for i := 0; i < benchEvents; i += batch {
		var req wire.PushRequest
		for _, p := range storetest.SealEvents("desk-bench", key, link, batch, 100) {
			req.Events = append(req.Events, p.Raw)
		}
		lasts = append(lasts, link.ID)
		raw, err := json.Marshal(req)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		zw.Reset(&buf)
		zw.Write(raw)
		zw.Close()
		bodies = append(bodies, buf.Bytes())
	}
	return bodies, lasts
}

type benchClient struct {
	url, token string
	hc         *http.Client
}

// send sends req with the desk's token and returns the answer's body.
func (c *benchClient) send(b *testing.B, req *http.Request) []byte {
	body, _, err := c.exchange(req)
	if err != nil {
		b.Fatal(err)
	}
	return body
}

// exchange sends req with the desk's token and returns the answer's body
// and headers. Safe to call from any goroutine.
func (c *benchClient) exchange(req *http.Request) ([]byte, http.Header, error) {
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := data.ReadAnswer(resp) // as the desk reads it
	if err != nil {
		return nil, nil, err
	}
	if resp.StatusCode != 200 {
		return nil, nil, fmt.Errorf("%s: %d %s", req.URL.Path, resp.StatusCode, body)
	}
	return body, resp.Header, nil
}

// registerKey registers the bench desk's key, as a desk does before its
// first push.
func (c *benchClient) registerKey(b *testing.B, key ed25519.PrivateKey) {
	body, _ := json.Marshal(wire.KeyRequest{PublicKey: wire.EncodeKey(key.Public().(ed25519.PublicKey)), Since: 1})
	req, _ := http.NewRequest("POST", c.url+"/v1/key", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	c.send(b, req)
}

// pushAll pushes the bodies as the sync client does: each before the
// ones before it are answered, as many at once as the server's answers
// allow (wire.PushAheadHeader; one until the first answer), each naming
// the last event of the one before it while that one is unanswered.
func (c *benchClient) pushAll(b *testing.B, bodies [][]byte, lasts []string) {
	type answer struct {
		ahead int
		err   error
	}
	ahead := 1
	var window []chan answer
	next := func() {
		a := <-window[0]
		window = window[1:]
		if a.err != nil {
			b.Fatal(a.err)
		}
		ahead = a.ahead
	}
	for i, body := range bodies {
		for len(window) >= ahead {
			next()
		}
		follows := ""
		if len(window) > 0 {
			follows = lasts[i-1]
		}
		done := make(chan answer, 1)
		go func() {
			n, err := c.push(body, follows)
			done <- answer{n, err}
		}()
		window = append(window, done)
	}
	for len(window) > 0 {
		next()
	}
}

// push sends one push body and returns how many pushes the server takes
// at once.
func (c *benchClient) push(body []byte, follows string) (ahead int, err error) {
	req, _ := http.NewRequest("POST", c.url+"/v1/events", bytes.NewReader(body))
	req.Header.Set("Content-Encoding", "gzip")
	req.Header.Set("Content-Type", "application/json")
	if follows != "" {
		req.Header.Set(wire.FollowsHeader, follows)
	}
	raw, h, err := c.exchange(req)
	if err != nil {
		return 0, err
	}
	var res wire.PushResponse
	if err := json.Unmarshal(raw, &res); err != nil {
		return 0, err
	}
	ahead, _ = strconv.Atoi(h.Get(wire.PushAheadHeader))
	return max(ahead, 1), nil
}

// pull sends a pull and decodes the answer as the desk does.
func (c *benchClient) pull(b *testing.B, req *http.Request) wire.PullResponse {
	res, err := wire.DecodePullResponse(c.send(b, req))
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// pullAll pulls pages until it has 10,000 events, decoding each event as
// the desk does, while they are being pushed: the sync client's pull loop
// runs beside its pushes, each pull held by the server until events come
// (the client's wait, which the server caps at its long poll). The sync
// client asks for pages of its PullLimit, wire.DefaultPullLimit unless
// configured, whatever its push batch.
func (c *benchClient) pullAll(b *testing.B, cursor uint64, limit int) uint64 {
	for got := 0; got < benchEvents; {
		req, _ := http.NewRequest("GET", fmt.Sprintf("%s/v1/events?after=%d&limit=%d&wait=25", c.url, cursor, limit), nil)
		res := c.pull(b, req)
		for _, pe := range res.Events {
			if _, err := wire.DecodeEvent(pe.Event); err != nil {
				b.Fatal(err)
			}
		}
		got += len(res.Events)
		cursor = res.Next
	}
	return cursor
}

// BenchmarkPropagation measures how long an event appended at one desk
// takes to be stored and folded at another, through a server on loopback,
// one event at a time.
func BenchmarkPropagation(b *testing.B) {
	st, err := badgerstore.Open(b.TempDir(), quiet)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	srv, _ := server.New(server.Config{Store: st, Logger: quiet})
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	defer srv.Close()
	from, to := benchDesk(b, st, hs.URL, "desk-a"), benchDesk(b, st, hs.URL, "desk-b")
	sub := to.Subscribe()
	defer sub.Close()
	var lat []time.Duration
	for i := 0; b.Loop(); i++ {
		ref := wire.EntityRef{Kind: "key", ID: fmt.Sprintf("K%d", i)}
		start := time.Now()
		if _, err := from.Append(wire.Event{Actor: "s", Entity: ref, Type: "key.signed_out", Body: json.RawMessage(`{"x":1}`)}); err != nil {
			b.Fatal(err)
		}
		waitArrival(b, sub, ref)
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}

func waitArrival(b *testing.B, sub *data.Subscription, ref wire.EntityRef) {
	timeout := time.After(10 * time.Second)
	for {
		select {
		case <-sub.Ready():
			if slices.Contains(sub.Next(), ref) {
				return
			}
		case <-timeout:
			b.Fatalf("%s did not arrive", ref)
		}
	}
}

func benchDesk(b *testing.B, st server.Store, url, name string) *data.Store {
	ds, err := data.Open(data.Options{Dir: b.TempDir(), Desk: name, Fold: listFold, Logger: quiet, GCInterval: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ds.Close() })
	code, _ := server.CreateEnrolment(b.Context(), st, "hotel", time.Now(), time.Hour)
	if err := data.EnrollStore(b.Context(), ds, url, code); err != nil {
		b.Fatal(err)
	}
	c := data.NewSyncClient(ds, data.SyncConfig{Logger: quiet})
	go c.Run(b.Context())
	return ds
}
