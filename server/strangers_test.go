package server_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

// served is the real server, as floordesk-server runs it (server.Serve),
// on a loopback port.
type served struct {
	store *badgerstore.Store
	url   string
	addr  string
}

func serveReal(t *testing.T, lc server.ListenConfig, longPoll time.Duration) *served {
	t.Helper()
	st, err := badgerstore.Open(t.TempDir(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Store: st, Logger: quiet, LongPoll: longPoll, AdminToken: testAdminToken})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	lc.Addr = "127.0.0.1:0"
	go func() { done <- server.Serve(ctx, srv, lc, time.Second, func(a net.Addr) { addr <- a }) }()
	t.Cleanup(func() {
		cancel()
		<-done
		st.Close()
	})
	select {
	case a := <-addr:
		return &served{store: st, url: "http://" + a.String(), addr: a.String()}
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not start")
	}
	return nil
}

// stranger is a connection from someone without a token who sends the
// start of a request, then one byte at a time.
type stranger struct {
	conn   net.Conn
	closed bool // a write failed: the server cut the connection
}

// strangerStarts are the beginnings of the requests strangers trickle: the
// headers themselves, a push without a token or with an unknown one, and an
// enrolment (which needs no token).
var strangerStarts = []string{
	"POST /v1/events HTTP/1.1\r\nHost: x\r\nX-Slow: ",
	"POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{",
	"POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer fdt_nope\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{",
	"POST /v1/enroll HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
}

// trickle keeps writing one byte every 100 ms to each stranger still
// connected, until stop; it runs on one goroutine, whatever the count.
func trickle(strangers []*stranger, stop <-chan struct{}, mu *sync.Mutex) {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		mu.Lock()
		for _, s := range strangers {
			if s.closed {
				continue
			}
			s.conn.SetWriteDeadline(time.Now().Add(50 * time.Millisecond))
			if _, err := s.conn.Write([]byte("a")); err != nil {
				s.closed = true
			}
		}
		mu.Unlock()
	}
}

// TestStrangersTricklingAreCut: 200 connections without a valid token
// trickle their headers or bodies. The server answers those it can with
// 401 without reading the body and closes the connection, and cuts the
// others within seconds, so their goroutines do not pile up; meanwhile
// two real desks sync through the same server.
func TestStrangersTricklingAreCut(t *testing.T) {
	const n = 200
	s := serveReal(t, server.ListenConfig{}, 2*time.Second)
	a, b := realDesk(t, s, "desk-a"), realDesk(t, s, "desk-b")
	base := runtime.NumGoroutine()

	var mu sync.Mutex
	strangers := make([]*stranger, 0, n)
	for i := range n {
		conn, err := net.Dial("tcp", s.addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.Write([]byte(strangerStarts[i%len(strangerStarts)]))
		strangers = append(strangers, &stranger{conn: conn})
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { trickle(strangers, stop, &mu) })
	defer wg.Wait()
	defer close(stop)
	start := time.Now()

	// A real desk still syncs while the strangers trickle.
	ev, err := a.store.Append(wire.Event{Actor: "staff-1", Entity: wire.EntityRef{Kind: "key", ID: "k1"}, Type: "key.signed_out", Body: []byte(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "desk-b to receive desk-a's event", 5*time.Second, func() bool {
		_, err := b.store.Get(ev.ID)
		return err == nil
	})
	t.Logf("a desk's event reached another desk %v after the strangers came", time.Since(start).Round(time.Millisecond))

	open := func() int {
		mu.Lock()
		defer mu.Unlock()
		c := 0
		for _, s := range strangers {
			if !s.closed {
				c++
			}
		}
		return c
	}
	var figures []string
	deadline := start.Add(8 * time.Second)
	for next := start.Add(time.Second); ; next = next.Add(time.Second) {
		time.Sleep(time.Until(next))
		g := runtime.NumGoroutine() - base
		figures = append(figures, fmt.Sprintf("%ds: %d goroutines over the base, %d strangers connected", int(time.Since(start).Round(time.Second)/time.Second), g, open()))
		if open() == 0 && g <= 20 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("strangers still held after %v (base %d goroutines):\n%v", time.Since(start).Round(time.Second), base, figures)
		}
	}
	t.Logf("base %d goroutines; %v", base, figures)
}

// syncingDesk is a desk store with its sync client running.
type syncingDesk struct {
	store  *data.Store
	client *data.SyncClient
}

// realDesk enrols a new desk with the server and starts syncing it.
func realDesk(t *testing.T, s *served, name string) *syncingDesk {
	t.Helper()
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: name, Fold: listFold, Logger: quiet, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	code, err := server.CreateEnrolment(t.Context(), s.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.EnrollStore(t.Context(), st, s.url, code); err != nil {
		t.Fatal(err)
	}
	c := data.NewSyncClient(st, data.SyncConfig{Logger: quiet, PollWait: time.Second, MinBackoff: 10 * time.Millisecond, MaxBackoff: 200 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { c.Run(ctx) })
	t.Cleanup(func() {
		cancel()
		wg.Wait()
	})
	return &syncingDesk{store: st, client: c}
}

// A request without a valid token gets its 401 before the server reads its
// body, and the connection is closed: nothing it trickles is waited for.
func TestUnauthorizedAnsweredBeforeTheBody(t *testing.T) {
	s := serveReal(t, server.ListenConfig{}, 2*time.Second)
	for _, start := range strangerStarts[1:3] {
		conn, err := net.Dial("tcp", s.addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.Write([]byte(start)) // and not a byte more
		conn.SetReadDeadline(time.Now().Add(2 * time.Second))
		br := bufio.NewReader(conn)
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("no answer before the body: %v", err)
		}
		io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized || !resp.Close {
			t.Fatalf("answer %d (close %v), want 401 and the connection closed", resp.StatusCode, resp.Close)
		}
		if _, err := br.ReadByte(); err != io.EOF {
			t.Fatalf("after the 401 the connection gave %v, want EOF", err)
		}
	}
}

// A desk with a valid token is not held to a stranger's deadlines: a pull
// is held for its whole wait, and a push whose body comes slowly is read.
func TestDesksOutlastStrangerDeadlines(t *testing.T) {
	slow := server.RequestTimeout + 1500*time.Millisecond
	s := serveReal(t, server.ListenConfig{}, slow+time.Second)
	token := enrolIn(t, s, "hotel", "desk-a")
	other := enrolIn(t, s, "other-hotel", "desk-b") // not woken by desk-a's push
	pulled := make(chan error, 1)
	go func() {
		start := time.Now()
		req, _ := http.NewRequest("GET", fmt.Sprintf("%s/v1/events?after=0&wait=%g", s.url, slow.Seconds()), nil)
		req.Header.Set("Authorization", "Bearer "+other)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || time.Since(start) < slow-time.Second {
				err = fmt.Errorf("pull answered %d after %v", resp.StatusCode, time.Since(start))
			}
		}
		pulled <- err
	}()
	body, _ := json.Marshal(wire.PushRequest{Events: []json.RawMessage{storetest.NewEvent("desk-a", "key.signed_out", 10).Raw}})
	conn, err := net.Dial("tcp", s.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", token, len(body))
	pieces := 6
	for i := range pieces {
		conn.Write(body[i*len(body)/pieces : (i+1)*len(body)/pieces])
		time.Sleep(slow / time.Duration(pieces))
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("slow push: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("slow push answered %d", resp.StatusCode)
	}
	if err := <-pulled; err != nil {
		t.Fatal(err)
	}
}

// enrolIn enrols desk in property and returns its token.
func enrolIn(t *testing.T, s *served, property, desk string) string {
	t.Helper()
	code, err := server.CreateEnrolment(t.Context(), s.store, property, time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	token, err := data.Enroll(t.Context(), s.url, code, desk)
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// Past MaxConns, connections wait to be accepted until one served ends.
func TestConnectionLimit(t *testing.T) {
	const limit = 4
	s := serveReal(t, server.ListenConfig{MaxConns: limit}, 2*time.Second)
	var silent []net.Conn
	for range limit {
		conn, err := net.Dial("tcp", s.addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		silent = append(silent, conn)
	}
	conn, err := net.Dial("tcp", s.addr) // the kernel accepts it; the server does not yet
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"))
	conn.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
	br := bufio.NewReader(conn)
	if _, err := br.ReadByte(); err == nil {
		t.Fatalf("a connection past the limit of %d was served", limit)
	}
	silent[0].Close()
	conn.SetReadDeadline(time.Now().Add(3 * time.Second))
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("no answer once a connection ended: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %d", resp.StatusCode)
	}
}

// Headers past MaxHeaderBytes get 431 and the connection closed.
func TestOversizedHeadersRefused(t *testing.T) {
	s := serveReal(t, server.ListenConfig{}, 2*time.Second)
	conn, err := net.Dial("tcp", s.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: %s\r\n\r\n", strings.Repeat("a", server.MaxHeaderBytes+8<<10))
	conn.SetReadDeadline(time.Now().Add(3 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Fatalf("oversized headers: %d, want 431", resp.StatusCode)
	}
}
