package server_test

import (
	"bytes"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// faultProxy stands between one desk and the server on loopback and
// misbehaves on purpose: while offline it drops every connection; with
// faults on it drops, delays, cuts answers mid-way and sends requests twice.
type faultProxy struct {
	upstream string
	http     *httptest.Server
	client   *http.Client

	offline atomic.Bool
	faulty  atomic.Bool
	mu      sync.Mutex
	rnd     *rand.Rand
	counts  map[string]int
}

func newFaultProxy(t *testing.T, upstream string, seed uint64) *faultProxy {
	p := &faultProxy{
		upstream: upstream,
		client:   &http.Client{Transport: &http.Transport{DisableCompression: true}},
		rnd:      rand.New(rand.NewPCG(seed, 7)),
		counts:   map[string]int{},
	}
	p.http = httptest.NewServer(p)
	t.Cleanup(p.http.Close)
	return p
}

func (p *faultProxy) pick() (string, time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delay := time.Duration(10+p.rnd.IntN(40)) * time.Millisecond
	fault := "pass"
	switch {
	case p.offline.Load():
		fault = "drop"
	case p.faulty.Load():
		fault = [...]string{"pass", "pass", "drop", "delay", "cut", "duplicate"}[p.rnd.IntN(6)]
	}
	p.counts[fault]++
	return fault, delay
}

func (p *faultProxy) count(fault string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.counts[fault]
}

func (p *faultProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fault, delay := p.pick()
	switch fault {
	case "drop":
		panic(http.ErrAbortHandler) // the connection closes with no answer
	case "delay":
		time.Sleep(delay) // the fault itself: a slow network
	}
	body, _ := io.ReadAll(r.Body)
	resp, err := p.forward(r, body)
	if err == nil && fault == "duplicate" {
		resp.Body.Close()
		resp, err = p.forward(r, body)
	}
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	defer resp.Body.Close()
	p.answer(w, resp, fault == "cut")
}

func (p *faultProxy) forward(r *http.Request, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(r.Context(), r.Method, p.upstream+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header = r.Header.Clone()
	return p.client.Do(req)
}

// answer copies the upstream answer; with cut it stops half way through
// the body and breaks the connection.
func (p *faultProxy) answer(w http.ResponseWriter, resp *http.Response, cut bool) {
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(resp.StatusCode)
	if cut {
		w.Write(b[:len(b)/2])
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler)
	}
	w.Write(b)
}
