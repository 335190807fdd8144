package server_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

// pushAnswer is one push's answer: its status and body.
type pushAnswer struct {
	status int
	body   []byte
	ahead  string // the answer's wire.PushAheadHeader
}

// pushFollowing pushes evs as a desk does while its previous push,
// ending with event follows, is unanswered ("" when none is). Safe to
// call from any goroutine.
func (e *env) pushFollowing(token string, evs []server.Pushed, follows string) pushAnswer {
	req, err := http.NewRequest("POST", e.http.URL+"/v1/events", pushBody(evs))
	if err != nil {
		return pushAnswer{body: []byte(err.Error())}
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	if follows != "" {
		req.Header.Set(wire.FollowsHeader, follows)
	}
	resp, err := e.http.Client().Do(req)
	if err != nil {
		return pushAnswer{body: []byte(err.Error())}
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return pushAnswer{resp.StatusCode, b, resp.Header.Get(wire.PushAheadHeader)}
}

// pushAllAtOnce sends each push of one desk's chain at once, the last
// first, each naming the last event of the one before (after: the event
// before the first), and returns their answers in chain order.
func (e *env) pushAllAtOnce(token string, pushes [][]server.Pushed, after string) []pushAnswer {
	answers := make([]pushAnswer, len(pushes))
	var wg sync.WaitGroup
	for i := len(pushes) - 1; i >= 0; i-- {
		follows := after
		if i > 0 {
			follows = pushes[i-1][len(pushes[i-1])-1].Event.ID
		}
		wg.Go(func() { answers[i] = e.pushFollowing(token, pushes[i], follows) })
	}
	wg.Wait()
	return answers
}

// TestPushesAheadStoredInChainOrder: a desk sends six pushes without
// waiting for answers, each naming the one before, and the last sent
// first: every one is stored, and in the order of the desk's chain. The
// server tells the desk how many it may send at once.
func TestPushesAheadStoredInChainOrder(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		key := storetest.NewKey(1)
		token := e.enrollWithKey("hotel", "desk-a", key)
		var link wire.ChainLink
		first := storetest.SealEvents("desk-a", key, &link, 5, 50)
		e.push(token, first)
		var pushes [][]server.Pushed
		want := pushedIDs(first)
		for range 6 {
			p := storetest.SealEvents("desk-a", key, &link, 10, 50)
			pushes = append(pushes, p)
			want = append(want, pushedIDs(p)...)
		}
		for i, a := range e.pushAllAtOnce(token, pushes, first[len(first)-1].Event.ID) {
			var res wire.PushResponse
			if a.status != http.StatusOK || json.Unmarshal(a.body, &res) != nil || res.Stored != 10 {
				t.Fatalf("push %d: %d %s, want 10 stored", i+1, a.status, a.body)
			}
			if a.ahead != fmt.Sprint(server.PushAhead) {
				t.Fatalf("push %d answer says %s=%q, want %d", i+1, wire.PushAheadHeader, a.ahead, server.PushAhead)
			}
		}
		if got := pulledIDs(t, e, token); !slices.Equal(got, want) {
			t.Fatalf("the server holds the desk's events in this order:\n%v\nwant the chain's:\n%v", got, want)
		}
	})
}

// TestPushAheadStopsAtARefusal: the push a desk's next push follows is
// refused (one of its events is stored with other content); the next
// push is refused too, as unavailable, and none of it is stored: its
// chain would otherwise have a hole the server never checked.
func TestPushAheadStopsAtARefusal(t *testing.T) {
	onEachStore(t, func(c *server.Config) { c.FollowWait = time.Second }, func(t *testing.T, e *env) {
		key := storetest.NewKey(1)
		token := e.enrollWithKey("hotel", "desk-a", key)
		var link wire.ChainLink
		first := storetest.SealEvents("desk-a", key, &link, 5, 50)
		e.push(token, first)
		refused := storetest.SealEvents("desk-a", key, &link, 5, 50)
		next := storetest.SealEvents("desk-a", key, &link, 5, 50)
		other := refused[2]
		other.Raw = []byte(string(other.Raw[:len(other.Raw)-1]) + `,"x":1}`)
		if _, err := e.store.Append(t.Context(), "hotel", []server.Pushed{other}); err != nil {
			t.Fatal(err)
		}
		answers := e.pushAllAtOnce(token, [][]server.Pushed{refused, next}, first[len(first)-1].Event.ID)
		if answers[0].status != http.StatusConflict {
			t.Fatalf("the push with a conflict: %d %s, want 409", answers[0].status, answers[0].body)
		}
		if answers[1].status != http.StatusServiceUnavailable {
			t.Fatalf("the push after it: %d %s, want 503", answers[1].status, answers[1].body)
		}
		for _, p := range next {
			if _, err := e.store.Event(t.Context(), p.Event.ID); !errors.Is(err, server.ErrNotFound) {
				t.Fatalf("event %s of the push after the refused one is stored (%v)", p.Event.ID, err)
			}
		}
	})
}

// TestPushAheadLinkChecked: a push that follows a push in flight is
// checked against it: one whose first event names that push's last
// event with another hash is refused as a broken chain.
func TestPushAheadLinkChecked(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		key := storetest.NewKey(1)
		token := e.enrollWithKey("hotel", "desk-a", key)
		var link wire.ChainLink
		first := storetest.SealEvents("desk-a", key, &link, 5, 50)
		e.push(token, first)
		genuine := storetest.SealEvents("desk-a", key, &link, 5, 50)
		forged := wire.ChainLink{N: link.N, ID: link.ID, Hash: []byte("not the hash of the event it names")}
		broken := storetest.SealEvents("desk-a", key, &forged, 5, 50)
		answers := e.pushAllAtOnce(token, [][]server.Pushed{genuine, broken}, first[len(first)-1].Event.ID)
		if answers[0].status != http.StatusOK {
			t.Fatalf("the genuine push: %d %s", answers[0].status, answers[0].body)
		}
		var body wire.ErrorBody
		json.Unmarshal(answers[1].body, &body)
		if answers[1].status != http.StatusConflict || body.Code != wire.ErrCodeChainBroken || body.Event != broken[0].Event.ID {
			t.Fatalf("the push with a forged link: %d %s, want 409 chain_broken naming its first event", answers[1].status, answers[1].body)
		}
	})
}

// TestPushesAtOnceCountedEach: eight desks of one property push at once,
// round after round, some pushes holding events the server has already;
// the server may store several pushes together, yet each answer counts
// its own push's events.
func TestPushesAtOnceCountedEach(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		const desks, rounds = 8, 5
		tokens := make([]string, desks)
		for i := range tokens {
			tokens[i] = e.enroll("hotel", fmt.Sprintf("desk-%d", i))
		}
		old := storetest.NewEvents("desk-0", 3, 50)
		e.push(tokens[0], old)
		for round := range rounds {
			answers := make([]pushAnswer, desks)
			var wg sync.WaitGroup
			for i := range desks {
				evs := storetest.NewEvents(fmt.Sprintf("desk-%d", i), 5, 50)
				if i%2 == 0 {
					evs = append(evs, old...)
				}
				wg.Go(func() { answers[i] = e.pushFollowing(tokens[i], evs, "") })
			}
			wg.Wait()
			for i, a := range answers {
				var res wire.PushResponse
				json.Unmarshal(a.body, &res)
				want := wire.PushResponse{Stored: 5, Duplicates: 3 * (1 - i%2)}
				if a.status != http.StatusOK || res.Stored != want.Stored || res.Duplicates != want.Duplicates {
					t.Fatalf("round %d, desk %d: %d %s, want %d stored and %d duplicates", round, i, a.status, a.body, want.Stored, want.Duplicates)
				}
			}
		}
		if last := e.lastSeq("hotel"); last != 3+desks*rounds*5 {
			t.Fatalf("the property's last sequence is %d, want %d", last, 3+desks*rounds*5)
		}
	})
}

// pulledIDs is every event's ID as a pull from the start reads them.
func pulledIDs(t *testing.T, e *env, token string) []string {
	t.Helper()
	var out []string
	for after := uint64(0); ; {
		res := e.pull(token, fmt.Sprintf("after=%d&wait=0", after))
		out = append(out, ids(t, res)...)
		if !res.More {
			return out
		}
		after = res.Next
	}
}

// TestDeskPushesAhead: a desk that worked offline sends its outbox in
// pushes of 100 without waiting for each answer, as the server allows,
// and the server holds its events in the order the desk wrote them.
func TestDeskPushesAhead(t *testing.T) {
	st, err := badgerstore.Open(t.TempDir(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, _ := server.New(server.Config{Store: st, Logger: quiet})
	// Until two pushes were seen at once, each waits (up to a second)
	// for another to come before the server takes it: a desk that waits
	// for each answer is then seen to, however fast the server answers.
	var inFlight, most atomic.Int32
	twoSeen := make(chan struct{})
	var once sync.Once
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "POST" && r.URL.Path == "/v1/events" {
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			if n >= 2 {
				once.Do(func() { close(twoSeen) })
			}
			select {
			case <-twoSeen:
			case <-time.After(time.Second):
			}
		}
		srv.Handler().ServeHTTP(w, r)
	}))
	defer hs.Close()
	defer srv.Close()

	ds, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-a", Fold: listFold, Logger: quiet, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer ds.Close()
	code, _ := server.CreateEnrolment(t.Context(), st, "hotel", time.Now(), time.Hour)
	if err := data.EnrollStore(t.Context(), ds, hs.URL, code); err != nil {
		t.Fatal(err)
	}
	for i := range 1500 {
		ref := wire.EntityRef{Kind: "key", ID: fmt.Sprintf("K%d", i)}
		if _, err := ds.Append(wire.Event{Actor: "s", Entity: ref, Type: "key.signed_out", Body: json.RawMessage(`{"x":1}`)}); err != nil {
			t.Fatal(err)
		}
	}
	written, err := ds.Outbox(2000)
	if err != nil {
		t.Fatal(err)
	}
	c := data.NewSyncClient(ds, data.SyncConfig{Logger: quiet, PushBatch: 100})
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go c.Run(ctx)
	waitFor(t, "the outbox to empty", 30*time.Second, func() bool { return c.Status().Pending == 0 && c.Status().Online })

	if most.Load() < 2 {
		t.Errorf("at most %d push at a time: the desk waited for each answer", most.Load())
	}
	token, _ := ds.Setting(data.SettingDeskToken)
	e := &env{t: t, store: st, http: hs}
	want := make([]string, len(written))
	for i, ev := range written {
		want[i] = ev.ID
	}
	if got := pulledIDs(t, e, token); !slices.Equal(got, want) {
		t.Fatalf("the server holds %d events, not in the order the desk wrote its %d", len(got), len(want))
	}
}

// TestPushFollowingWhatNeverCame: the FloorDesk-Follows header's limits.
// One that names no event ID is refused as a bad request; one naming an
// event that reaches the server neither in flight nor stored within the
// follow wait is refused as unavailable (the desk sends its outbox again
// in order). Neither stores anything.
func TestPushFollowingWhatNeverCame(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.FollowWait = 300 * time.Millisecond })
	key := storetest.NewKey(1)
	token := e.enrollWithKey("hotel", "desk-a", key)
	var link wire.ChainLink
	evs := storetest.SealEvents("desk-a", key, &link, 3, 50)
	for _, tc := range []struct {
		follows string
		status  int
		code    string
	}{
		{"not-an-event", http.StatusBadRequest, wire.ErrCodeInvalidEvent},
		{"0190c3e2-6a1b-7c3d-8e4f-0123456789ab", http.StatusServiceUnavailable, wire.ErrCodeUnavailable},
	} {
		a := e.pushFollowing(token, evs, tc.follows)
		var body wire.ErrorBody
		if a.status != tc.status || json.Unmarshal(a.body, &body) != nil || body.Code != tc.code {
			t.Errorf("following %q: %d %s, want %d %s", tc.follows, a.status, a.body, tc.status, tc.code)
		}
	}
	if n, _ := e.store.LastSeq(t.Context(), "hotel"); n != 0 {
		t.Fatalf("the server holds %d events after pushes it refused", n)
	}
}
