package server_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
)

// The fuzz targets drive the real handler (authentication, content type,
// body reading, decoding, limits, the Badger store) with an enrolled
// desk's token, in process: each worker has its own server and store.

// fuzzServer is a server on a Badger store with one enrolled desk.
type fuzzServer struct {
	store   server.Store
	handler http.Handler
	token   string
	known   map[string][]byte // every event the store holds, by ID
}

// fuzzMaxBatch and fuzzMaxBody are small, so that inputs of a fuzzer's
// size reach the batch and body limits.
const (
	fuzzMaxBatch = 4
	fuzzMaxBody  = 16 << 10
)

func newFuzzServer(tb testing.TB) *fuzzServer {
	tb.Helper()
	st, err := badgerstore.Open(tb.TempDir(), quiet)
	if err != nil {
		tb.Fatal(err)
	}
	srv, err := server.New(server.Config{Store: st, Logger: quiet, LongPoll: time.Millisecond,
		MaxBatch: fuzzMaxBatch, MaxBodyBytes: fuzzMaxBody})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		srv.Close()
		st.Close()
	})
	fs := &fuzzServer{store: st, handler: srv.Handler(), known: map[string][]byte{}}
	code, err := server.CreateEnrolment(tb.Context(), st, "hotel", time.Now(), time.Hour)
	if err != nil {
		tb.Fatal(err)
	}
	b, _ := json.Marshal(wire.EnrollRequest{Code: code, Desk: "desk-fuzz"})
	rec := fs.serve(httptest.NewRequest("POST", "/v1/enroll", bytes.NewReader(b)), "application/json")
	var out wire.EnrollResponse
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &out) != nil {
		tb.Fatalf("enrol: %d %s", rec.Code, rec.Body)
	}
	fs.token = out.Token
	return fs
}

func (fs *fuzzServer) serve(req *http.Request, contentType string) *httptest.ResponseRecorder {
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	fs.handler.ServeHTTP(rec, req)
	return rec
}

// since reads every event of the hotel after seq.
func (fs *fuzzServer) since(t *testing.T, after uint64) []server.Record {
	t.Helper()
	recs, err := fs.store.Since(t.Context(), "hotel", after, 1<<20, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func (fs *fuzzServer) lastSeq(t *testing.T) uint64 {
	t.Helper()
	n, err := fs.store.LastSeq(t.Context(), "hotel")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// fuzzHLC is a clock reading in the past, so seeds stay valid.
var fuzzHLC = wire.MakeTimestamp(1_763_900_000_000, 0)

// fuzzEvent encodes a valid event numbered n, changed by tweak.
func fuzzEvent(n int, tweak func(*wire.Event)) string {
	ev := wire.Event{
		ID: fmt.Sprintf("0190c3e2-6a1b-7c3d-8e4f-%012d", n), HLC: fuzzHLC + wire.Timestamp(n),
		Desk: "desk-fuzz", Actor: "S01", Entity: wire.EntityRef{Kind: "key", ID: "F3-MASTER"},
		Type: "key.signed_out", Version: 1, Body: json.RawMessage(`{"to":"张三","room":"1203"}`),
	}
	if tweak != nil {
		tweak(&ev)
	}
	b, err := ev.Encode()
	if err != nil {
		panic(err)
	}
	return string(b)
}

func pushOf(evs ...string) []byte {
	return []byte(`{"events":[` + strings.Join(evs, ",") + `]}`)
}

// Push modes: how the body travels.
const (
	modeGzip      = 1 << iota // gzipped, with Content-Encoding: gzip
	modeFakeGzip              // Content-Encoding: gzip on a plain body
	modeWrongType             // Content-Type: text/plain
)

func pushSeeds() [][]byte {
	long := strings.Repeat("x", wire.MaxNameBytes)
	return [][]byte{
		pushOf(fuzzEvent(1, nil)),
		pushOf(fuzzEvent(2, nil), fuzzEvent(3, func(e *wire.Event) { e.Prev = "0190c3e2-6a1b-7c3d-8e4f-000000000002" })),
		pushOf(fuzzEvent(1, nil), fuzzEvent(1, nil)),                                       // a repeat: stored once
		pushOf(fuzzEvent(4, nil), fuzzEvent(4, func(e *wire.Event) { e.Actor = "S02" })),   // a conflict in the batch
		pushOf(fuzzEvent(5, func(e *wire.Event) { e.Entity.ID = long })),                   // at the name limit
		pushOf(fuzzEvent(6, func(e *wire.Event) { e.Entity.ID = long + "y" })),             // one byte over
		pushOf(fuzzEvent(7, func(e *wire.Event) { e.Type = "key\tsigned_out" })),           // a control character
		pushOf(fuzzEvent(8, func(e *wire.Event) { e.HLC = wire.MakeTimestamp(1<<47, 0) })), // from the future
		pushOf(fuzzEvent(9, func(e *wire.Event) { e.Extra = map[string]json.RawMessage{"sig": json.RawMessage(`"c2ln"`)} })),
		pushOf(fuzzEvent(10, func(e *wire.Event) { e.Body = json.RawMessage(`"` + strings.Repeat("b", fuzzMaxBody) + `"`) })),
		pushOf(fuzzEvent(11, nil), fuzzEvent(12, nil), fuzzEvent(13, nil), fuzzEvent(14, nil), fuzzEvent(15, nil)), // over the batch
		pushOf(fuzzEvent(16, nil), `{"id":"not-a-uuid"}`),                                                          // a good event and a bad one: neither is stored
		[]byte(`{"events":[` + fuzzEvent(17, nil) + `]`),
		[]byte("{\"events\":[{\"id\":\"0190c3e2-6a1b-7c3d-8e4f-000000000018\",\"hlc\":\"1763900000000.0\",\"desk\":\"d\",\"entity\":{\"kind\":\"k\",\"id\":\"K\"},\"type\":\"t\",\"v\":1,\"body\":\"\xff\"}]}"), // not UTF-8
		[]byte(" { \"events\" : [ " + fuzzEvent(19, nil) + " ] , \"x\" : 1 } "),
		[]byte(`{"events":null}`), []byte(`{"events":[]}`), []byte(`{}`), []byte(`[]`), []byte(``), []byte(`null`),
	}
}

// FuzzPush: whatever a desk with a valid token sends, the server does not
// fail (no 5xx, no panic); a refused push stores nothing at all; an
// accepted one stores each new event once, as sent (compacted), within
// the limits, and every event of the push is then held by the server.
func FuzzPush(f *testing.F) {
	for i, seed := range pushSeeds() {
		f.Add(seed, uint8(0))
		if i < 3 {
			f.Add(seed, uint8(modeGzip))
			f.Add(seed, uint8(modeFakeGzip))
			f.Add(seed, uint8(modeWrongType))
		}
	}
	fs := newFuzzServer(f)
	f.Fuzz(func(t *testing.T, body []byte, mode uint8) {
		before := fs.lastSeq(t)
		rec := fs.push(body, mode)
		after := fs.lastSeq(t)
		if rec.Code >= 500 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if rec.Code != http.StatusOK {
			if after != before {
				t.Fatalf("refused push (%d %s) moved the store from seq %d to %d", rec.Code, rec.Body, before, after)
			}
			checkRefusal(t, rec)
			return
		}
		var resp wire.PushResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("answer %q: %v", rec.Body, err)
		}
		if resp.LastSeq != after || after != before+uint64(resp.Stored) {
			t.Fatalf("answer %+v, store seq %d -> %d", resp, before, after)
		}
		for _, r := range fs.since(t, before) {
			ev, err := wire.DecodeEvent(r.Raw)
			if err != nil || ev.CheckLimits() != nil || wire.CheckEncodedSize(len(r.Raw)) != nil {
				t.Fatalf("stored event %q: decode %v, limits %v", r.Raw, err, ev.CheckLimits())
			}
			if _, dup := fs.known[ev.ID]; dup {
				t.Fatalf("event %s stored twice", ev.ID)
			}
			fs.known[ev.ID] = r.Raw
		}
		checkAllHeld(t, fs, body, mode, resp)
	})
}

func (fs *fuzzServer) push(body []byte, mode uint8) *httptest.ResponseRecorder {
	send, ctype, enc := body, "application/json", ""
	if mode&modeGzip != 0 {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(body)
		zw.Close()
		send, enc = buf.Bytes(), "gzip"
	}
	if mode&modeFakeGzip != 0 {
		enc = "gzip"
	}
	if mode&modeWrongType != 0 {
		ctype = "text/plain"
	}
	req := httptest.NewRequest("POST", "/v1/events", bytes.NewReader(send))
	req.Header.Set("Authorization", "Bearer "+fs.token)
	if enc != "" {
		req.Header.Set("Content-Encoding", enc)
	}
	return fs.serve(req, ctype)
}

// checkRefusal checks that a refusal says why in the error body.
func checkRefusal(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	var eb wire.ErrorBody
	if err := json.Unmarshal(rec.Body.Bytes(), &eb); err != nil || eb.Code == "" || eb.Message == "" {
		t.Fatalf("refusal %d without an error body: %q", rec.Code, rec.Body)
	}
}

// checkAllHeld checks that every event of an accepted push is held by the
// server, with the same content, and counted once in the answer as stored
// or as a duplicate.
func checkAllHeld(t *testing.T, fs *fuzzServer, body []byte, mode uint8, resp wire.PushResponse) {
	t.Helper()
	req, err := wire.DecodePushRequest(body)
	if err != nil {
		t.Fatalf("accepted push (mode %d) does not decode: %v", mode, err)
	}
	if len(req.Events) > fuzzMaxBatch || resp.Stored+resp.Duplicates != len(req.Events) {
		t.Fatalf("accepted %d events (at most %d allowed) as %+v", len(req.Events), fuzzMaxBatch, resp)
	}
	for _, raw := range req.Events {
		ev, err := wire.DecodeEvent(raw)
		if err != nil {
			t.Fatalf("accepted push holds a bad event %q: %v", raw, err)
		}
		stored, ok := fs.known[ev.ID]
		if !ok || !server.SameEvent(stored, raw) {
			t.Fatalf("accepted event %s: server holds %q", ev.ID, stored)
		}
	}
}

// FuzzPull: whatever query a desk sends, the server answers 200 or 400
// naming the field, stores nothing, and a 200 is a pull answer any desk
// reads: events in sequence order after the cursor, as stored, at most the
// limit, and "more" exactly when the store holds events past "next".
func FuzzPull(f *testing.F) {
	for _, q := range []string{
		"", "after=0", "after=3&limit=2", "after=9&limit=1&wait=0", "after=100", "limit=5000", "limit=5001",
		"limit=0", "after=-1", "after=18446744073709551615", "after=18446744073709551616", "wait=0.001",
		"wait=-1", "wait=NaN", "wait=1e308", "epoch=other&after=2", "after=1&after=2", "limit=%zz", "after=+1",
		"after=0x10", "limit=1e3", "after=%00",
	} {
		f.Add(q, false)
	}
	f.Add("after=0", true)
	fs := newFuzzServer(f)
	epoch, err := fs.store.Epoch(f.Context())
	if err != nil {
		f.Fatal(err)
	}
	f.Add("epoch="+epoch+"&after=4", false)
	for i := range 12 {
		body := pushOf(fuzzEvent(100+i, func(e *wire.Event) {
			e.Body = json.RawMessage(`{"n":` + strconv.Itoa(i) + `,"pad":"` + strings.Repeat("p", i*300) + `"}`)
		}))
		if rec := fs.push(body, 0); rec.Code != http.StatusOK {
			f.Fatalf("seed push: %d %s", rec.Code, rec.Body)
		}
	}
	f.Fuzz(func(t *testing.T, query string, gz bool) {
		req, err := http.NewRequest("GET", "/v1/events?"+query, nil)
		if err != nil {
			return // no client sends what net/http cannot parse
		}
		req.Header.Set("Authorization", "Bearer "+fs.token)
		if gz {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		before := fs.lastSeq(t)
		rec := fs.serve(req, "")
		if after := fs.lastSeq(t); after != before {
			t.Fatalf("a pull moved the store from seq %d to %d", before, after)
		}
		switch rec.Code {
		case http.StatusOK:
			checkPullAnswer(t, fs, req, rec, epoch)
		case http.StatusBadRequest:
			var eb wire.ErrorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &eb); err != nil || !slices.Contains([]string{"after", "limit", "wait"}, eb.Field) {
				t.Fatalf("400 without the field: %q", rec.Body)
			}
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	})
}

func checkPullAnswer(t *testing.T, fs *fuzzServer, req *http.Request, rec *httptest.ResponseRecorder, epoch string) {
	t.Helper()
	body := rec.Body.Bytes()
	if rec.Header().Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := wire.DecodePullResponse(body)
	if err != nil {
		t.Fatalf("answer %q does not decode: %v", body, err)
	}
	q := req.URL.Query()
	after, _ := strconv.ParseUint(q.Get("after"), 10, 64)
	limit := wire.DefaultPullLimit
	if l := q.Get("limit"); l != "" {
		limit, _ = strconv.Atoi(l)
	}
	if resp.Epoch != epoch || len(resp.Events) > limit {
		t.Fatalf("query %q: epoch %q, %d events (limit %d)", req.URL.RawQuery, resp.Epoch, len(resp.Events), limit)
	}
	if e := q.Get("epoch"); e != "" && e != epoch {
		if len(resp.Events) != 0 || resp.Next != after {
			t.Fatalf("query %q in another epoch: %d events, next %d", req.URL.RawQuery, len(resp.Events), resp.Next)
		}
		return
	}
	stored := fs.since(t, after)
	if len(resp.Events) > len(stored) {
		t.Fatalf("query %q: %d events, the store has %d", req.URL.RawQuery, len(resp.Events), len(stored))
	}
	next := after
	for i, pe := range resp.Events {
		if pe.Seq != stored[i].Seq || !bytes.Equal(pe.Event, stored[i].Raw) {
			t.Fatalf("query %q: event %d is seq %d %q, stored seq %d %q", req.URL.RawQuery, i, pe.Seq, pe.Event, stored[i].Seq, stored[i].Raw)
		}
		next = pe.Seq
	}
	if resp.Next != next || resp.More != (len(stored) > len(resp.Events)) {
		t.Fatalf("query %q: next %d more %v, with %d events of %d", req.URL.RawQuery, resp.Next, resp.More, len(resp.Events), len(stored))
	}
}
