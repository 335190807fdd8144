package soak

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
)

// desk is one simulated desk: a real store in its own folder, enrolled
// with the server, and its sync client running.
type desk struct {
	name   string
	store  *data.Store
	client *data.SyncClient
	token  string
	hc     *http.Client

	mu       sync.Mutex
	appended []string                    // IDs of the events it made, in order
	problems map[data.SyncProblem]int    // status changes into each problem
	lastErr  map[data.SyncProblem]string // the last words shown for each
}

// deskOptions tune a desk's sync client.
type deskOptions struct {
	transport http.RoundTripper // nil: a plain one
}

// newDesk opens desk name, enrols it with the server at url with code and
// starts its sync client.
func newDesk(t *testing.T, url, code, name string, opts deskOptions) *desk {
	t.Helper()
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: name, Fold: chainFold, Logger: quiet, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := data.EnrollStore(t.Context(), st, url, code); err != nil {
		t.Fatal(err)
	}
	token, err := st.Setting(data.SettingDeskToken)
	if err != nil {
		t.Fatal(err)
	}
	tr := opts.transport
	if tr == nil {
		tr = &http.Transport{MaxIdleConnsPerHost: 4, IdleConnTimeout: 30 * time.Second}
	}
	hc := &http.Client{Transport: tr}
	d := &desk{name: name, store: st, token: token, hc: hc,
		problems: map[data.SyncProblem]int{}, lastErr: map[data.SyncProblem]string{}}
	d.client = data.NewSyncClient(st, data.SyncConfig{
		Logger: quiet, HTTPClient: hc, PollWait: time.Second, PushBatch: 16,
		MinBackoff: 20 * time.Millisecond, MaxBackoff: 300 * time.Millisecond,
	})
	runCtx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { d.client.Run(runCtx) })
	wg.Go(func() { d.watch(runCtx) })
	t.Cleanup(func() {
		cancel()
		wg.Wait()
	})
	return d
}

// watch records every problem the desk's sync status shows, as the status
// bar would show it.
func (d *desk) watch(ctx context.Context) {
	ch, stop := d.client.Watch()
	defer stop()
	last := data.ProblemNone
	for {
		select {
		case <-ch:
		case <-ctx.Done():
			return
		}
		st := d.client.Status()
		if st.Problem == last {
			continue
		}
		last = st.Problem
		d.mu.Lock()
		d.problems[st.Problem]++
		d.lastErr[st.Problem] = st.LastError
		d.mu.Unlock()
	}
}

func (d *desk) problemCount(p data.SyncProblem) (int, string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.problems[p], d.lastErr[p]
}

// Every desk works on the same few keys, loans and found items, so that
// their events interleave on each entity.
var workKinds = []struct{ kind, typ string }{
	{"key", "key.signed_out"}, {"loan", "loan.returned"}, {"found", "found.claimed"},
}

const entitiesPerKind = 4

// work appends events until ctx is done or it has made max, one every
// half to one and a half interval.
func (d *desk) work(ctx context.Context, rnd *rand.Rand, max int, interval time.Duration) error {
	for i := 0; i < max; i++ {
		k := workKinds[rnd.IntN(len(workKinds))]
		ev, err := d.store.Append(wire.Event{
			Actor:  "staff-" + d.name,
			Entity: wire.EntityRef{Kind: k.kind, ID: fmt.Sprintf("%s-%d", k.kind, rnd.IntN(entitiesPerKind))},
			Type:   k.typ,
			Body:   json.RawMessage(fmt.Sprintf(`{"desk":%q,"i":%d,"note":"第%d条"}`, d.name, i, i)),
		})
		if err != nil {
			return fmt.Errorf("desk %s append: %w", d.name, err)
		}
		d.mu.Lock()
		d.appended = append(d.appended, ev.ID)
		d.mu.Unlock()
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(interval/2 + time.Duration(rnd.Int64N(int64(interval)+1))):
		}
	}
	return nil
}

// acked returns the events the desk made that the server acknowledged:
// those no longer in its outbox. An event is in the outbox once Append
// returns, so the IDs read before the outbox are either there or acked.
func (d *desk) acked() ([]string, error) {
	d.mu.Lock()
	made := append([]string(nil), d.appended...)
	d.mu.Unlock()
	waiting, err := d.store.Outbox(len(made) + 1)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, ev := range waiting {
		out[ev.ID] = true
	}
	var acked []string
	for _, id := range made {
		if !out[id] {
			acked = append(acked, id)
		}
	}
	return acked, nil
}

func (d *desk) made() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.appended...)
}

// chainFold folds an entity's events into a count and a hash chain over
// their IDs and desks: two desks show the same view only when they folded
// the same events in the same order, and a view stays small however many
// events the soak makes.
func chainFold(_ wire.EntityRef, state []byte, ev wire.Event) ([]byte, error) {
	var v struct {
		N    int    `json:"n"`
		Hash string `json:"hash"`
	}
	if state != nil {
		if err := json.Unmarshal(state, &v); err != nil {
			return nil, err
		}
	}
	sum := sha256.Sum256([]byte(v.Hash + "|" + ev.ID + "@" + ev.Desk))
	v.N, v.Hash = v.N+1, hex.EncodeToString(sum[:])
	return json.Marshal(v)
}
