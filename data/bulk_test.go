package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// bulkPair opens two stores with the same desk, wall clock and event IDs,
// so the same events appended to both must leave the same bytes.
func bulkPair(t *testing.T, opts Options) (a, b *Store) {
	t.Helper()
	open := func() *Store {
		n := 0
		o := opts
		o.Dir, o.Desk, o.GCInterval = t.TempDir(), "desk-a", -1
		o.Wall = func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }
		o.NewID = func() string { n++; return fmt.Sprintf("00000000-0000-7000-8000-%012d", n) }
		o.KeyRand = zeroReader{}
		s, err := Open(o)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	return open(), open()
}

// zeroReader gives both stores of a pair the same signing key.
type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// dumpStore lists every key and value of the store but the GC bookkeeping.
func dumpStore(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, nil, func(k, v []byte) error {
			out = append(out, fmt.Sprintf("%q=%q", k, v))
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameStores(t *testing.T, a, b *Store) {
	t.Helper()
	da, db := dumpStore(t, a), dumpStore(t, b)
	if slices.Equal(da, db) {
		return
	}
	for i := range min(len(da), len(db)) {
		if da[i] != db[i] {
			t.Fatalf("first difference at key %d of %d/%d:\nAppendAll:  %s\nAppendBulk: %s", i, len(da), len(db), da[i], db[i])
		}
	}
	t.Fatalf("AppendAll left %d keys, AppendBulk %d", len(da), len(db))
}

// traceMany is TraceFold of each event in turn, decoding the view once.
func traceMany(_ wire.EntityRef, state []byte, evs []wire.Event) ([]byte, error) {
	var trace []string
	if state != nil {
		if err := json.Unmarshal(state, &trace); err != nil {
			return nil, err
		}
	}
	for _, ev := range evs {
		trace = append(trace, ev.Type+" "+ev.ID)
	}
	return json.Marshal(trace)
}

// countFold's view is the entity's number of events and its latest event:
// small, however many events one entity has.
func countFold(ref wire.EntityRef, state []byte, ev wire.Event) ([]byte, error) {
	return countMany(ref, state, []wire.Event{ev})
}

func countMany(_ wire.EntityRef, state []byte, evs []wire.Event) ([]byte, error) {
	var v struct {
		N    int    `json:"n"`
		Last string `json:"last"`
	}
	if state != nil {
		if err := json.Unmarshal(state, &v); err != nil {
			return nil, err
		}
	}
	for _, ev := range evs {
		v.N, v.Last = v.N+1, ev.Type+" "+ev.ID
	}
	return json.Marshal(v)
}

// bulkHistory is n events over 50 entities, the first ten of which the
// stores already hold, in a random order of entities and types.
func bulkHistory(n int) []wire.Event {
	r := rand.New(rand.NewPCG(3, 3))
	types := []string{"opened", "noted", "closed", "opened"}
	evs := make([]wire.Event, n)
	for i := range evs {
		evs[i] = newEvent("req", fmt.Sprintf("R%02d", r.IntN(50)), types[r.IntN(len(types))])
	}
	return evs
}

// TestAppendBulkStoresWhatAppendAllStores appends the same history to two
// stores that already hold some of its entities, one of them with a
// remote event from a desk whose clock runs ahead (so local events land
// before it and the entity folds again): every key and value is the same,
// with FoldMany or without, and a rebuild of the indexes changes nothing.
func TestAppendBulkStoresWhatAppendAllStores(t *testing.T) {
	far := wire.Event{ID: "0190a000-0000-7000-8000-000000000001", HLC: wire.MakeTimestamp(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli(), 0),
		Desk: "desk-z", Actor: "staff-9", Entity: wire.EntityRef{Kind: "req", ID: "R05"}, Type: "opened", Version: 1}
	for name, many := range map[string]FoldManyFunc{"FoldMany": traceMany, "Fold in turn": nil} {
		t.Run(name, func(t *testing.T) {
			a, b := bulkPair(t, Options{Fold: TraceFold, FoldMany: many, Index: openIndex, IndexVersion: "1"})
			for _, s := range []*Store{a, b} {
				if _, err := s.AppendAll(bulkHistory(10)); err != nil {
					t.Fatal(err)
				}
				if _, err := s.ApplyRemote([]wire.Event{far}, 0); err != nil {
					t.Fatal(err)
				}
			}
			evs := bulkHistory(2*bulkEvents + 100)
			for i := 0; i < len(evs); i += 100 {
				if _, err := a.AppendAll(evs[i:min(i+100, len(evs))]); err != nil {
					t.Fatal(err)
				}
			}
			if err := b.AppendBulk(evs); err != nil {
				t.Fatal(err)
			}
			sameStores(t, a, b)
			if na, nb := outboxLen(t, a), outboxLen(t, b); na != nb || nb != 10+len(evs) {
				t.Fatalf("outbox counts %d (AppendAll) and %d (AppendBulk), want %d", na, nb, 10+len(evs))
			}
			if tr := trace(t, b, far.Entity); !strings.HasSuffix(tr[len(tr)-1], far.ID) {
				t.Fatal("the remote event from the future is not last in its view")
			}
			before := dumpStore(t, b)
			if err := b.RebuildIndexes(); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(before, dumpStore(t, b)) {
				t.Fatal("a rebuild changed the indexes AppendBulk wrote")
			}
			checkViewsMatchStreams(t, b)
		})
	}
}

// TestAppendBulkAtItsLimits: one transaction holds up to bulkEvents events
// and about bulkBytes of them; a batch whose views overflow Badger's limit
// is written in halves. Each way the store holds what AppendAll leaves.
func TestAppendBulkAtItsLimits(t *testing.T) {
	bigView := func(_ wire.EntityRef, _ []byte, ev wire.Event) ([]byte, error) {
		return json.Marshal(ev.ID + strings.Repeat(".", 4<<10)) // 4 KB a view
	}
	cases := map[string]struct {
		n       int
		entity  func(i int) string
		body    int
		fold    FoldFunc
		batches int // transactions stampBulk makes of the events
	}{
		"bulkEvents-1 of one entity": {n: bulkEvents - 1, entity: func(int) string { return "A" }, fold: countFold, batches: 1},
		"bulkEvents of one entity":   {n: bulkEvents, entity: func(int) string { return "A" }, fold: countFold, batches: 1},
		"bulkEvents+1 of one entity": {n: bulkEvents + 1, entity: func(int) string { return "A" }, fold: countFold, batches: 2},
		"bulkEvents of as many":      {n: bulkEvents, entity: func(i int) string { return fmt.Sprint(i) }, fold: countFold, batches: 1},
		// About 3.8 MB of events in transactions of bulkBytes (1.2 MB).
		"bulkBytes of big bodies":      {n: 450, entity: func(i int) string { return fmt.Sprint(i % 7) }, body: 8 << 10, fold: countFold, batches: 4},
		"views that overflow a commit": {n: bulkEvents, entity: func(i int) string { return fmt.Sprint(i) }, fold: bigView, batches: 1},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			a, b := bulkPair(t, Options{Fold: c.fold, Index: countIndex, IndexVersion: "1"})
			evs := make([]wire.Event, c.n)
			for i := range evs {
				evs[i] = newEvent("req", c.entity(i), "opened")
				if c.body > 0 {
					evs[i].Body = json.RawMessage(fmt.Sprintf("%q", strings.Repeat("x", c.body)))
				}
			}
			if got := countBatches(t, b, evs); got != c.batches {
				t.Fatalf("%d events make %d transactions, want %d", c.n, got, c.batches)
			}
			for i := 0; i < len(evs); i += 50 {
				if _, err := a.AppendAll(evs[i:min(i+50, len(evs))]); err != nil {
					t.Fatal(err)
				}
			}
			if err := b.AppendBulk(evs); err != nil {
				t.Fatal(err)
			}
			sameStores(t, a, b)
		})
	}
}

// countIndex files every entity under "n" by its number of events.
func countIndex(_ wire.EntityRef, view []byte) []wire.IndexEntry {
	return []wire.IndexEntry{{Name: "n", Key: []byte(fmt.Sprint(len(view)))}}
}

// countBatches stamps evs as AppendBulk would and counts its transactions,
// on a store of its own (stamping uses the clock and IDs).
func countBatches(t *testing.T, s *Store, evs []wire.Event) int {
	t.Helper()
	o := s.opts
	o.Dir, o.NewID = t.TempDir(), nil
	scratch, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	defer scratch.Close()
	if err := scratch.startBulk(); err != nil {
		t.Fatal(err)
	}
	snap := scratch.db.NewTransaction(false)
	defer snap.Discard()
	n := 0
	for len(evs) > 0 {
		batch, err := scratch.stampBulk(snap, evs, new(wire.ChainLink))
		if err != nil {
			t.Fatal(err)
		}
		evs, n = evs[len(batch):], n+1
	}
	return n
}

// A batch whose views do not fit one Badger transaction is refused whole
// by buildBulk; AppendBulk writes it in halves.
func TestAppendBulkHalvesATransactionTooBig(t *testing.T) {
	s, err := Open(Options{Dir: t.TempDir(), Desk: "desk-a", GCInterval: -1,
		Fold: func(_ wire.EntityRef, _ []byte, ev wire.Event) ([]byte, error) {
			return json.Marshal(ev.ID + strings.Repeat(".", 6<<10))
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	evs := make([]wire.Event, bulkEvents)
	for i := range evs {
		evs[i] = newEvent("req", fmt.Sprint(i), "opened")
	}
	if err := s.startBulk(); err != nil {
		t.Fatal(err)
	}
	w := s.newWriter()
	batch, err := s.stampBulk(w.snap, evs, new(wire.ChainLink))
	if err != nil || len(batch) < bulkEvents/2 { // sealed events reach bulkBytes first
		t.Fatalf("stamped %d of %d: %v", len(batch), bulkEvents, err)
	}
	_, err = w.buildBulk(batch, s.bulk.recent)
	w.discard()
	if !errors.Is(err, errTooBig) {
		t.Fatalf("%d views of 6 KB in one transaction: %v", len(batch), err)
	}
	if err := s.AppendBulk(evs); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Stats(); st.Events != bulkEvents || st.Entities != bulkEvents || st.Outbox != bulkEvents {
		t.Fatalf("stats after halving: %+v", st)
	}
}

// An invalid event stops AppendBulk before its transaction: nothing of
// that transaction is stored, and the store takes the next call.
func TestAppendBulkStopsAtAnInvalidEvent(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	if err := s.AppendBulk([]wire.Event{newEvent("req", "A", "opened")}); err != nil {
		t.Fatal(err)
	}
	evs := []wire.Event{newEvent("req", "A", "noted"), newEvent("req", "", "opened"), newEvent("req", "B", "opened")}
	var envErr *wire.EnvelopeError
	if err := s.AppendBulk(evs); !errors.As(err, &envErr) {
		t.Fatalf("an event without an entity ID: %v", err)
	}
	if st, _ := s.Stats(); st.Events != 1 || st.Entities != 1 {
		t.Fatalf("after the refused call: %+v", st)
	}
	if err := s.AppendBulk(evs[2:]); err != nil {
		t.Fatal(err)
	}
	if tr := trace(t, s, wire.EntityRef{Kind: "req", ID: "A"}); len(tr) != 1 {
		t.Fatalf("A = %v", tr)
	}
	s.Close()
	if err := s.AppendBulk(evs[2:]); !errors.Is(err, ErrClosed) {
		t.Fatalf("after Close: %v", err)
	}
}

// TestAppendBulkBetweenOtherWrites interleaves AppendBulk with AppendAll
// and remote events on the same entities: what AppendBulk remembers
// between calls must not hide what the other writers stored.
func TestAppendBulkBetweenOtherWrites(t *testing.T) {
	a, b := bulkPair(t, Options{Fold: TraceFold, FoldMany: traceMany, Index: openIndex, IndexVersion: "1"})
	evs := bulkHistory(1200)
	for round := range 4 {
		part := evs[round*300 : (round+1)*300]
		if _, err := a.AppendAll(part[:100]); err != nil {
			t.Fatal(err)
		}
		if err := b.AppendBulk(part[:100]); err != nil {
			t.Fatal(err)
		}
		for _, s := range []*Store{a, b} {
			if _, err := s.AppendAll(part[100:200]); err != nil {
				t.Fatal(err)
			}
			remote := newEvent("req", fmt.Sprintf("R%02d", 40+round), "noted")
			remote.ID, remote.Desk, remote.Version = fmt.Sprintf("0190a000-0000-7000-8000-%012d", round), "desk-z", 1
			remote.HLC = s.Now() + 10
			if _, err := s.ApplyRemote([]wire.Event{remote}, 0); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := a.AppendAll(part[200:]); err != nil {
			t.Fatal(err)
		}
		if err := b.AppendBulk(part[200:]); err != nil {
			t.Fatal(err)
		}
	}
	sameStores(t, a, b)
	checkViewsMatchStreams(t, b)
}

// The entity filter never forgets a key it was given, and rarely claims
// one it was not.
func TestEntityFilter(t *testing.T) {
	f := newEntityFilter()
	const n = 200_000
	for i := range n {
		f.add(viewKey(wire.EntityRef{Kind: "req", ID: fmt.Sprint(i)}))
	}
	for i := range n {
		if !f.mayHave(viewKey(wire.EntityRef{Kind: "req", ID: fmt.Sprint(i)})) {
			t.Fatalf("forgot req/%d", i)
		}
	}
	wrong := 0
	for i := range n {
		if f.mayHave(viewKey(wire.EntityRef{Kind: "loan", ID: fmt.Sprint(i)})) {
			wrong++
		}
	}
	if wrong > n/1000 {
		t.Fatalf("%d of %d keys never added are claimed", wrong, n)
	}
}

func outboxLen(t *testing.T, s *Store) int {
	t.Helper()
	n, err := s.OutboxLen()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestAppendBulkHoldsEventsToTheLimits: the bulk load refuses an event
// over the server's limits, as Append does, so a demo or an import can
// never store an event the server would refuse for ever.
func TestAppendBulkHoldsEventsToTheLimits(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	big := newEvent("req", "B", "opened")
	big.Body = json.RawMessage(`"` + strings.Repeat("x", wire.MaxBodyBytes) + `"`)
	if err := s.AppendBulk([]wire.Event{newEvent("req", "A", "opened"), big}); !errors.Is(err, wire.ErrLimit) {
		t.Fatalf("an event over the body limit: %v, want wire.ErrLimit", err)
	}
	if st, _ := s.Stats(); st.Events != 0 {
		t.Fatalf("%d events stored from a refused load, want none", st.Events)
	}
}
