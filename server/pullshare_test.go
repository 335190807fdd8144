package server_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/storetest"
)

// One push wakes every held pull of the property, and each gets exactly
// the pushed events.
func TestOnePushWakesManyPulls(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.LongPoll = 20 * time.Second })
	a := e.enroll("hotel", "desk-a")
	b := e.enroll("hotel", "desk-b")
	e.push(a, storetest.NewEvents("desk-a", 2, 10))
	const pulls = 50
	out := make(chan pullOutcome, pulls)
	for range pulls {
		go e.pullAsync(b, "after=2", "identity", out)
	}
	waitFor(t, "the pulls to be held", 10*time.Second, func() bool {
		return e.metric("floordesk_longpolls_connected") == strconv.Itoa(pulls)
	})
	evs := storetest.NewEvents("desk-a", 3, 10)
	e.push(a, evs)
	for range pulls {
		got := <-out
		if got.err != nil {
			t.Fatal(got.err)
		}
		checkPulled(t, got.resp, evs, 3, 5, false)
	}
	if n := e.metric("floordesk_pulls_total"); n != strconv.Itoa(pulls) {
		t.Errorf("pulls counted %s, want %d", n, pulls)
	}
	if n := e.metric("floordesk_events_pulled_total"); n != strconv.Itoa(3*pulls) {
		t.Errorf("events pulled counted %s, want %d", n, 3*pulls)
	}
}

// Pulls at once with different cursors and limits each get the events
// after their own cursor, up to their own limit, whether they are answered
// at once or held until a push.
func TestConcurrentPullsGetTheirOwnCursor(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.LongPoll = 20 * time.Second })
	a := e.enroll("hotel", "desk-a")
	b := e.enroll("hotel", "desk-b")
	evs := storetest.NewEvents("desk-a", 6, 10) // seqs 1 to 6
	e.push(a, evs[:4])
	e.push(a, evs[4:])
	later := storetest.NewEvents("desk-a", 2, 10) // seqs 7 and 8, pushed while some pulls are held
	all := append(slices.Clone(evs), later...)
	tests := []struct {
		query      string
		first      uint64 // seq of the first event wanted
		next       uint64
		more, held bool
	}{
		{"after=0", 1, 6, false, false},
		{"after=2", 3, 6, false, false},
		{"after=2&limit=3", 3, 5, true, false},
		{"after=5", 6, 6, false, false},
		{"after=0&limit=1", 1, 1, true, false},
		{"after=6", 7, 8, false, true},
		{"after=6&limit=1", 7, 7, true, true},
	}
	const each = 10
	outs := make([]chan pullOutcome, len(tests))
	held := 0
	for i, tc := range tests {
		outs[i] = make(chan pullOutcome, each)
		if tc.held {
			held += each
		}
	}
	for range each {
		for i, tc := range tests {
			go e.pullAsync(b, tc.query, "identity", outs[i])
		}
	}
	check := func(held bool) {
		for i, tc := range tests {
			if tc.held != held {
				continue
			}
			t.Run(tc.query, func(t *testing.T) {
				for range each {
					got := <-outs[i]
					if got.err != nil {
						t.Fatal(got.err)
					}
					checkPulled(t, got.resp, all[tc.first-1:tc.next], tc.first, tc.next, tc.more)
				}
			})
		}
	}
	check(false) // answered at once, before the push
	waitFor(t, "the pulls to be held", 10*time.Second, func() bool {
		return e.metric("floordesk_longpolls_connected") == strconv.Itoa(held)
	})
	e.push(a, later)
	check(true)
}

// Held pulls that ask for gzip and pulls that do not, woken by one push,
// each get the answer in their own encoding.
func TestHeldPullsGetTheirOwnEncoding(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.LongPoll = 20 * time.Second })
	a := e.enroll("hotel", "desk-a")
	b := e.enroll("hotel", "desk-b")
	const each = 20
	encodings := []string{"gzip", "identity"}
	outs := map[string]chan pullOutcome{}
	for _, enc := range encodings {
		outs[enc] = make(chan pullOutcome, each)
		for range each {
			go e.pullAsync(b, "after=0", enc, outs[enc])
		}
	}
	waitFor(t, "the pulls to be held", 10*time.Second, func() bool {
		return e.metric("floordesk_longpolls_connected") == strconv.Itoa(2*each)
	})
	evs := storetest.NewEvents("desk-a", 10, 300) // an answer big enough to gzip
	e.push(a, evs)
	for _, enc := range encodings {
		for range each {
			got := <-outs[enc]
			if got.err != nil {
				t.Fatal(got.err)
			}
			if got.gzipped != (enc == "gzip") {
				t.Fatalf("asking %s, the answer came gzipped=%v", enc, got.gzipped)
			}
			checkPulled(t, got.resp, evs, 1, 10, false)
		}
	}
}

// pullOutcome is how a pull made with pullAsync ended.
type pullOutcome struct {
	resp    wire.PullResponse
	gzipped bool
	err     error
}

// pullAsync pulls with Accept-Encoding accept and sends the outcome on out.
// It reports failures in the outcome, so it can run in its own goroutine.
func (e *env) pullAsync(token, query, accept string, out chan<- pullOutcome) {
	var o pullOutcome
	o.resp, o.gzipped, o.err = e.pullEncoded(token, query, accept)
	out <- o
}

func (e *env) pullEncoded(token, query, accept string) (wire.PullResponse, bool, error) {
	var res wire.PullResponse
	req, err := http.NewRequestWithContext(e.t.Context(), "GET", e.http.URL+"/v1/events?"+query, nil)
	if err != nil {
		return res, false, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept-Encoding", accept) // set, so Go's client leaves the answer as sent
	resp, err := e.http.Client().Do(req)
	if err != nil {
		return res, false, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return res, false, err
	}
	if resp.StatusCode != http.StatusOK {
		return res, false, fmt.Errorf("pull %s: %d %s", query, resp.StatusCode, body)
	}
	gzipped := resp.Header.Get("Content-Encoding") == "gzip"
	if gzipped {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return res, true, err
		}
		if body, err = io.ReadAll(zr); err != nil {
			return res, true, err
		}
	}
	if err := json.Unmarshal(body, &res); err != nil {
		return res, gzipped, fmt.Errorf("pull %s: %w: %s", query, err, body)
	}
	return res, gzipped, nil
}

// checkPulled checks that a pull answered exactly evs, numbered from first,
// with the cursor next and the more flag.
func checkPulled(t *testing.T, got wire.PullResponse, evs []server.Pushed, first, next uint64, more bool) {
	t.Helper()
	if got.Next != next || got.More != more || len(got.Events) != len(evs) {
		t.Fatalf("pull answered %d events, next %d, more %v; want %d, %d, %v", len(got.Events), got.Next, got.More, len(evs), next, more)
	}
	for i, ev := range got.Events {
		if ev.Seq != first+uint64(i) || !bytes.Equal(ev.Event, evs[i].Raw) {
			t.Fatalf("event %d is seq %d %s; want seq %d %s", i, ev.Seq, ev.Event, first+uint64(i), evs[i].Raw)
		}
	}
}
