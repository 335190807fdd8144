package server_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// testAdminToken is the admin token of the test servers.
const testAdminToken = "fda_test-admin-token"

// env is a real server on loopback over a real Badger store.
type env struct {
	t     *testing.T
	store server.Store
	srv   *server.Server
	http  *httptest.Server
}

func newEnv(t *testing.T, tweak func(*server.Config)) *env {
	t.Helper()
	st, err := badgerstore.Open(t.TempDir(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	return newEnvOn(t, st, tweak)
}

// newEnvOn is newEnv on store st, which it closes at the end of the test.
func newEnvOn(t *testing.T, st server.Store, tweak func(*server.Config)) *env {
	t.Helper()
	cfg := server.Config{Store: st, Logger: quiet, Version: "test", LongPoll: 2 * time.Second, AdminToken: testAdminToken}
	if tweak != nil {
		tweak(&cfg)
	}
	srv, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		srv.Close()
		hs.Close()
		st.Close()
	})
	return &env{t: t, store: st, srv: srv, http: hs}
}

// enroll creates a code for property and enrols desk with it, returning the
// desk's token.
func (e *env) enroll(property, desk string) string {
	e.t.Helper()
	code, err := server.CreateEnrolment(e.t.Context(), e.store, property, time.Now(), time.Hour)
	if err != nil {
		e.t.Fatal(err)
	}
	var out wire.EnrollResponse
	resp := e.do("POST", "/v1/enroll", "", jsonBody(wire.EnrollRequest{Code: code, Desk: desk}), nil)
	e.decode(resp, http.StatusOK, &out)
	return out.Token
}

func (e *env) do(method, path, token string, body io.Reader, hdr map[string]string) *http.Response {
	e.t.Helper()
	req, err := http.NewRequestWithContext(e.t.Context(), method, e.http.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := e.http.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	return resp
}

func (e *env) decode(resp *http.Response, status int, v any) {
	e.t.Helper()
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		e.t.Fatalf("status %d, want %d: %s", resp.StatusCode, status, b)
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			e.t.Fatalf("decode %s: %v", b, err)
		}
	}
}

func (e *env) push(token string, evs []server.Pushed) wire.PushResponse {
	e.t.Helper()
	var out wire.PushResponse
	e.decode(e.do("POST", "/v1/events", token, pushBody(evs), nil), http.StatusOK, &out)
	return out
}

func (e *env) pull(token, query string) wire.PullResponse {
	e.t.Helper()
	var out wire.PullResponse
	e.decode(e.do("GET", "/v1/events?"+query, token, nil, nil), http.StatusOK, &out)
	return out
}

func (e *env) lastSeq(property string) uint64 {
	e.t.Helper()
	n, err := e.store.LastSeq(e.t.Context(), property)
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

// metric reads one sample from /metrics.
func (e *env) metric(name string) string {
	e.t.Helper()
	resp := e.do("GET", "/metrics", testAdminToken, nil, nil)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			return v
		}
	}
	return ""
}

func pushBody(evs []server.Pushed) io.Reader {
	req := wire.PushRequest{}
	for _, p := range evs {
		req.Events = append(req.Events, p.Raw)
	}
	return jsonBody(req)
}

func jsonBody(v any) io.Reader {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return bytes.NewReader(b)
}

func gzipped(r io.Reader) io.Reader {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.Copy(zw, r)
	zw.Close()
	return &buf
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func readAll(r io.Reader) (string, error) {
	b, err := io.ReadAll(r)
	return string(b), err
}

// readerOrNil keeps a nil *strings.Reader from becoming a non-nil body.
func readerOrNil(r *strings.Reader) io.Reader {
	if r == nil {
		return nil
	}
	return r
}

// snapshotEntry is one event of a snapshot stream.
type snapshotEntry struct {
	Seq uint64
	Raw []byte
}

// readSnapshot reads a whole GET /v1/snapshot answer: its header and its
// events in stream order. Another status than 200 or a broken stream
// fails the test.
func readSnapshot(t *testing.T, resp *http.Response) (wire.SnapshotHeader, []snapshotEntry) {
	t.Helper()
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("snapshot: status %d", resp.StatusCode)
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	sr, err := wire.NewSnapshotReader(zr)
	if err != nil {
		t.Fatal(err)
	}
	var out []snapshotEntry
	for {
		seq, raw, err := sr.Next()
		if errors.Is(err, io.EOF) {
			return sr.Header, out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, snapshotEntry{Seq: seq, Raw: raw})
	}
}
