package server_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/storetest"
)

func TestHealthzNeedsNoToken(t *testing.T) {
	e := newEnv(t, nil)
	resp := e.do("GET", "/healthz", "", nil, nil)
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz status %d", resp.StatusCode)
	}
}

func TestPushThenPull(t *testing.T) {
	e := newEnv(t, nil)
	a := e.enroll("hotel", "desk-a")
	b := e.enroll("hotel", "desk-b")
	evs := storetest.NewEvents("desk-a", 3, 100)
	res := e.push(a, evs)
	if res.Stored != 3 || res.Duplicates != 0 || res.LastSeq != 3 || res.Epoch == "" {
		t.Fatalf("push = %+v", res)
	}
	got := e.pull(b, "after=0")
	if got.Epoch != res.Epoch || got.Next != 3 || got.More || len(got.Events) != 3 {
		t.Fatalf("pull = epoch %q next %d more %v, %d events", got.Epoch, got.Next, got.More, len(got.Events))
	}
	for i, pe := range got.Events {
		if pe.Seq != uint64(i+1) || !bytes.Equal(pe.Event, evs[i].Raw) {
			t.Fatalf("event %d = seq %d %s", i, pe.Seq, pe.Event)
		}
	}
	page := e.pull(b, "after=1&limit=1")
	if len(page.Events) != 1 || page.Next != 2 || !page.More {
		t.Fatalf("paged pull = next %d more %v, %d events", page.Next, page.More, len(page.Events))
	}
	empty := e.pull(b, "after=3&wait=0")
	if len(empty.Events) != 0 || empty.Next != 3 || empty.More {
		t.Fatalf("pull at the end = %+v", empty)
	}
}

func TestPushIsIdempotent(t *testing.T) {
	e := newEnv(t, nil)
	a := e.enroll("hotel", "desk-a")
	evs := storetest.NewEvents("desk-a", 5, 50)
	e.push(a, evs)
	res := e.push(a, evs)
	if res.Stored != 0 || res.Duplicates != 5 || res.LastSeq != 5 {
		t.Fatalf("repeated push = %+v", res)
	}
	if n := e.lastSeq("hotel"); n != 5 {
		t.Fatalf("server holds %d events, want 5", n)
	}
}

func TestTokensRequired(t *testing.T) {
	e := newEnv(t, nil)
	good := e.enroll("hotel", "desk-a")
	revoked := e.enroll("hotel", "desk-b")
	if err := e.store.Revoke(t.Context(), "desk-b", time.Now()); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, auth string }{
		{"missing", ""},
		{"not bearer", "Basic " + good},
		{"unknown", "Bearer fdt_nope"},
		{"revoked", "Bearer " + revoked},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, ep := range []struct{ method, path string }{{"POST", "/v1/events"}, {"GET", "/v1/events?wait=0"}, {"GET", "/v1/info"}} {
				resp := e.do(ep.method, ep.path, "", pushBody(storetest.NewEvents("desk-x", 2, 10)), map[string]string{"Authorization": tc.auth})
				e.decode(resp, http.StatusUnauthorized, nil)
			}
			if n := e.lastSeq("hotel"); n != 0 {
				t.Fatalf("a refused push stored %d events", n)
			}
		})
	}
}

func TestPushRefusals(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.MaxBatch = 10; c.MaxBodyBytes = 20 << 10 })
	tok := e.enroll("hotel", "desk-a")
	ok := storetest.NewEvents("desk-a", 2, 10)
	noHLC := storetest.NewEvent("desk-a", "key.returned", 10)
	noHLC.Raw = bytes.Replace(noHLC.Raw, []byte(`"hlc":"`), []byte(`"hlc_":"`), 1)
	badID := storetest.NewEvent("desk-a", "key.returned", 10)
	badID.Raw = bytes.Replace(badID.Raw, []byte(`"id":"`), []byte(`"id":"x`), 1)
	bomb := gzipped(strings.NewReader(`{"events":[` + strings.Repeat(" ", 1<<20) + `]}`))
	tests := []struct {
		name      string
		body      io.Reader
		hdr       map[string]string
		status    int
		wantInMsg string
		wantField string
	}{
		{"not JSON", strings.NewReader(`{"events":[`), nil, 400, "not a JSON push request", ""},
		{"events not a list", strings.NewReader(`{"events":{}}`), nil, 400, "not a JSON push request", ""},
		{"missing hlc", pushBody(append(ok, noHLC)), nil, 400, "events[2]: hlc must be set", "events[2].hlc"},
		{"bad id", pushBody([]server.Pushed{badID}), nil, 400, "events[0]: id must be a UUID", "events[0].id"},
		{"event not an object", strings.NewReader(`{"events":[42]}`), nil, 400, "events[0]", "events[0]"},
		{"too many events", pushBody(storetest.NewEvents("desk-a", 11, 10)), nil, 413, "11 events", ""},
		{"body too big", pushBody(storetest.NewEvents("desk-a", 5, 5000)), nil, 413, "over 20480 bytes", ""},
		{"gzip bomb", bomb, map[string]string{"Content-Encoding": "gzip"}, 413, "over 20480 bytes", ""},
		{"unknown encoding", strings.NewReader(`{}`), map[string]string{"Content-Encoding": "br"}, 400, "not supported", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var body wire.ErrorBody
			e.decode(e.do("POST", "/v1/events", tok, tc.body, tc.hdr), tc.status, &body)
			if !strings.Contains(body.Message, tc.wantInMsg) || body.Field != tc.wantField {
				t.Fatalf("error = %+v, want message with %q and field %q", body, tc.wantInMsg, tc.wantField)
			}
			if n := e.lastSeq("hotel"); n != 0 {
				t.Fatalf("a refused push stored %d events", n)
			}
		})
	}
}

// An older desk must pass on a newer desk's events untouched.
func TestUnknownTypesForwardedUnchanged(t *testing.T) {
	e := newEnv(t, nil)
	a := e.enroll("hotel", "desk-a")
	b := e.enroll("hotel", "desk-b")
	p := storetest.NewEvent("desk-a", "minibar.restocked", 20)
	p.Raw = append(bytes.TrimSuffix(p.Raw, []byte("}")), []byte(`,"sig":{"alg":"ed25519","v":"q83v"}}`)...)
	e.push(a, []server.Pushed{p})
	got := e.pull(b, "after=0")
	if len(got.Events) != 1 || !bytes.Equal(got.Events[0].Event, p.Raw) {
		t.Fatalf("pulled %d events, want %s", len(got.Events), p.Raw)
	}
}

func TestDeskSeesOnlyItsProperty(t *testing.T) {
	e := newEnv(t, nil)
	a := e.enroll("hotel-a", "desk-a")
	b := e.enroll("hotel-b", "desk-b")
	e.push(a, storetest.NewEvents("desk-a", 4, 10))
	if got := e.pull(b, "after=0&wait=0"); len(got.Events) != 0 {
		t.Fatalf("desk of hotel-b saw %d events of hotel-a", len(got.Events))
	}
	var info wire.InfoResponse
	e.decode(e.do("GET", "/v1/info", b, nil, nil), http.StatusOK, &info)
	if info.Property != "hotel-b" || info.Desk != "desk-b" || info.LastSeq != 0 || info.Version != "test" || info.Epoch == "" {
		t.Fatalf("info = %+v", info)
	}
}

func TestGzipBothWays(t *testing.T) {
	e := newEnv(t, nil)
	tok := e.enroll("hotel", "desk-a")
	evs := storetest.NewEvents("desk-a", 20, 300)
	var res wire.PushResponse
	e.decode(e.do("POST", "/v1/events", tok, gzipped(pushBody(evs)), map[string]string{"Content-Encoding": "gzip"}), 200, &res)
	if res.Stored != 20 {
		t.Fatalf("gzip push = %+v", res)
	}
	// Go's client ungzips by itself; ask explicitly to see the raw answer.
	resp := e.do("GET", "/v1/events?after=0", tok, nil, map[string]string{"Accept-Encoding": "gzip"})
	defer resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("answer encoding %q, want gzip", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var got wire.PullResponse
	if err := json.NewDecoder(zr).Decode(&got); err != nil || len(got.Events) != 20 {
		t.Fatalf("gzip pull: %d events, %v", len(got.Events), err)
	}
}

func TestEnrolment(t *testing.T) {
	e := newEnv(t, nil)
	code, err := server.CreateEnrolment(t.Context(), e.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	var out wire.EnrollResponse
	// Codes forgive case and dashes.
	typed := strings.ToLower(strings.ReplaceAll(code, "-", " "))
	e.decode(e.do("POST", "/v1/enroll", "", jsonBody(wire.EnrollRequest{Code: typed, Desk: "desk-7"}), nil), 200, &out)
	if out.Token == "" || out.Property != "hotel" || out.Desk != "desk-7" {
		t.Fatalf("enroll = %+v", out)
	}
	e.decode(e.do("GET", "/v1/info", out.Token, nil, nil), 200, nil)
	tests := []struct {
		name   string
		req    wire.EnrollRequest
		status int
	}{
		{"code used again", wire.EnrollRequest{Code: code, Desk: "desk-8"}, 403},
		{"unknown code", wire.EnrollRequest{Code: "AAAA-BBBB-CCCC-DDDD", Desk: "desk-8"}, 403},
		{"bad desk ID", wire.EnrollRequest{Code: code, Desk: "desk/8"}, 400},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e.decode(e.do("POST", "/v1/enroll", "", jsonBody(tc.req), nil), tc.status, nil)
		})
	}
	if _, err := server.CreateEnrolment(t.Context(), e.store, "bad/name", time.Now(), time.Hour); err == nil {
		t.Fatal("a property name with '/' was accepted")
	}
}

func TestPullQueryRefusals(t *testing.T) {
	e := newEnv(t, nil)
	tok := e.enroll("hotel", "desk-a")
	for _, q := range []string{"after=-1", "after=x", "limit=0", "limit=99999", "wait=soon"} {
		t.Run(q, func(t *testing.T) {
			e.decode(e.do("GET", "/v1/events?"+q, tok, nil, nil), 400, nil)
		})
	}
	e.decode(e.do("GET", "/v2/nothing", tok, nil, nil), 404, nil)
}
