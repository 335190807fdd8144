package server_test

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

func TestLongPollWakesOnPush(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.LongPoll = 20 * time.Second })
	a := e.enroll("hotel", "desk-a")
	b := e.enroll("hotel", "desk-b")
	start := time.Now()
	done := make(chan wire.PullResponse, 1)
	go func() {
		done <- e.pull(b, "after=0")
	}()
	waitFor(t, "the pull to be held", 5*time.Second, func() bool { return e.metric("floordesk_longpolls_connected") == "1" })
	e.push(a, storetest.NewEvents("desk-a", 1, 10))
	select {
	case got := <-done:
		if len(got.Events) != 1 {
			t.Fatalf("woken pull had %d events", len(got.Events))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the held pull did not wake on a push")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("pull took %v", d)
	}
}

func TestLongPollAnswersEmptyAtDeadline(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.LongPoll = 150 * time.Millisecond })
	b := e.enroll("hotel", "desk-b")
	start := time.Now()
	got := e.pull(b, "after=7")
	if len(got.Events) != 0 || got.Next != 7 {
		t.Fatalf("empty pull = %+v", got)
	}
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Fatalf("pull returned after %v, before the long-poll time", d)
	}
	if v := e.metric("floordesk_longpolls_connected"); v != "0" {
		t.Fatalf("longpolls gauge = %q after the pull ended", v)
	}
}

func TestMetricsCountTraffic(t *testing.T) {
	e := newEnv(t, nil)
	a := e.enroll("hotel", "desk-a")
	evs := storetest.NewEvents("desk-a", 3, 10)
	e.push(a, evs)
	e.push(a, evs)
	e.pull(a, "after=0")
	e.decode(e.do("GET", "/v1/info", "bad", nil, nil), 401, nil)
	want := map[string]string{
		"floordesk_pushes_total":                "2",
		"floordesk_events_stored_total":         "3",
		"floordesk_events_duplicate_total":      "3",
		"floordesk_pulls_total":                 "1",
		"floordesk_events_pulled_total":         "3",
		"floordesk_unauthorized_total":          "1",
		"floordesk_push_duration_seconds_count": "2",
	}
	for name, v := range want {
		if got := e.metric(name); got != v {
			t.Errorf("%s = %q, want %q", name, got, v)
		}
	}
}

func TestListenCheck(t *testing.T) {
	tests := []struct {
		lc   server.ListenConfig
		want bool
	}{
		{server.ListenConfig{Addr: "127.0.0.1:8420"}, true},
		{server.ListenConfig{Addr: "localhost:8420"}, true},
		{server.ListenConfig{Addr: "[::1]:8420"}, true},
		{server.ListenConfig{Addr: ":8420"}, false},
		{server.ListenConfig{Addr: "0.0.0.0:8420"}, false},
		{server.ListenConfig{Addr: "192.0.2.10:8420"}, false},
		{server.ListenConfig{Addr: "0.0.0.0:8420", InsecureHTTP: true}, true},
		{server.ListenConfig{Addr: "0.0.0.0:8420", TLSCert: "c.pem", TLSKey: "k.pem"}, true},
		{server.ListenConfig{Addr: "127.0.0.1:8420", TLSCert: "c.pem"}, false},
	}
	for _, tc := range tests {
		if err := tc.lc.Check(); (err == nil) != tc.want {
			t.Errorf("Check(%+v) = %v, want ok=%v", tc.lc, err, tc.want)
		}
	}
}

// A graceful shutdown answers held pulls at once instead of waiting out
// the long poll.
func TestServeShutsDownGracefully(t *testing.T) {
	st, err := badgerstore.Open(t.TempDir(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(server.Config{Store: st, Logger: quiet, LongPoll: time.Minute, AdminToken: testAdminToken})
	if err != nil {
		t.Fatal(err)
	}
	code, _ := server.CreateEnrolment(t.Context(), st, "hotel", time.Now(), time.Hour)
	ctx, cancel := context.WithCancel(t.Context())
	addrc := make(chan net.Addr, 1)
	served := make(chan error, 1)
	go func() {
		served <- server.Serve(ctx, srv, server.ListenConfig{Addr: "127.0.0.1:0"}, 5*time.Second, func(a net.Addr) { addrc <- a })
	}()
	base := "http://" + (<-addrc).String()
	resp, err := http.Post(base+"/v1/enroll", "application/json", jsonBody(wire.EnrollRequest{Code: code, Desk: "desk-a"}))
	if err != nil {
		t.Fatal(err)
	}
	var enr wire.EnrollResponse
	(&env{t: t}).decode(resp, 200, &enr)
	pulled := make(chan int, 1)
	go func() {
		req, _ := http.NewRequest("GET", base+"/v1/events?after=0", nil)
		req.Header.Set("Authorization", "Bearer "+enr.Token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			pulled <- -1
			return
		}
		resp.Body.Close()
		pulled <- resp.StatusCode
	}()
	waitFor(t, "the pull to be held", 5*time.Second, func() bool {
		req, _ := http.NewRequest("GET", base+"/metrics", nil)
		req.Header.Set("Authorization", "Bearer "+testAdminToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		var sb strings.Builder
		buf := make([]byte, 8<<10)
		n, _ := resp.Body.Read(buf)
		sb.Write(buf[:n])
		return strings.Contains(sb.String(), "floordesk_longpolls_connected 1")
	})
	start := time.Now()
	cancel()
	if err := <-served; err != nil {
		t.Fatalf("serve: %v", err)
	}
	if status := <-pulled; status != 200 {
		t.Fatalf("held pull ended with %d, want an empty 200", status)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("shutdown took %v", d)
	}
}

func TestServeRefusesPlainHTTPOffLoopback(t *testing.T) {
	srv, _ := server.New(server.Config{Store: nil})
	if srv != nil {
		t.Fatal("New accepted a nil store")
	}
	st, err := badgerstore.Open(t.TempDir(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, _ = server.New(server.Config{Store: st, Logger: quiet})
	err = server.Serve(t.Context(), srv, server.ListenConfig{Addr: "0.0.0.0:0"}, time.Second, nil)
	if err != server.ErrNeedTLS {
		t.Fatalf("Serve on 0.0.0.0 without TLS: %v, want ErrNeedTLS", err)
	}
}

// A desk whose cursor belongs to another epoch is told the new one at
// once, not held for the long poll.
func TestPullWithOldEpochAnswersAtOnce(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.LongPoll = 20 * time.Second })
	tok := e.enroll("hotel", "desk-a")
	start := time.Now()
	got := e.pull(tok, "after=99&epoch=some-old-epoch")
	if len(got.Events) != 0 || got.Next != 99 || got.Epoch == "some-old-epoch" || got.Epoch == "" {
		t.Fatalf("pull = %+v", got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("pull with an old epoch was held %v", d)
	}
}
