package data

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

const bulkCrashDirEnv = "FLOORDESK_BULK_CRASH_CHILD_DIR"

// bulkCrashChild is the child half of TestBulkCrashLeavesWholeEvents: on a
// store opened with Bulk, it appends batches of events with AppendBulk
// (bodies big enough to fill memtables) and prints the last ID of each
// batch once it is stored, until it is killed. It says it is ready after
// its first batch.
func bulkCrashChild(dir string) {
	s, err := Open(Options{Dir: dir, Desk: "desk-crash", Fold: TraceFold, FoldMany: traceMany, GCInterval: -1, Bulk: true})
	if err != nil {
		fmt.Println("OPEN-FAILED", err)
		os.Exit(3)
	}
	body := json.RawMessage(fmt.Sprintf("%q", strings.Repeat("x", 1000)))
	for i := 0; ; i++ {
		evs := make([]wire.Event, 1000)
		for j := range evs {
			evs[j] = wire.Event{Actor: "staff-1", Entity: wire.EntityRef{Kind: "req", ID: fmt.Sprint((i*1000 + j) % 5000)},
				Type: "noted", Body: body}
		}
		if err := s.AppendBulk(evs); err != nil {
			fmt.Println("APPEND-FAILED", err)
			os.Exit(4)
		}
		fmt.Println("SAVED", lastID(s))
		if i == 0 {
			fmt.Println("READY") // the parent's clock starts once a batch is stored, however slow the machine
		}
	}
}

func lastID(s *Store) string {
	evs, _, _ := s.Log(s.seq-1, 1)
	return evs[0].ID
}

// TestBulkCrashLeavesWholeEvents kills a process loading a store opened
// with Bulk at random moments (6 cycles of 0.2 to 1.5 s), mid-transaction, mid-flush or between, and
// opens the folder as a desk does: every batch reported stored is there,
// every event is whole (stream entry, event index, log and outbox), and
// every view is the fold of its stream.
func TestBulkCrashLeavesWholeEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a child process six times")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(5, 5))
	var saved []string
	for c := range 6 {
		ids, err := runChildAndKill(bulkCrashDirEnv, dir, time.Duration(200+rng.IntN(1300))*time.Millisecond)
		if err != nil {
			t.Fatalf("cycle %d: %v", c, err)
		}
		saved = append(saved, ids...)
		s, err := Open(Options{Dir: dir, Desk: "desk-crash", Fold: TraceFold, GCInterval: -1})
		if err != nil {
			t.Fatalf("cycle %d: a desk cannot open the folder: %v", c, err)
		}
		for _, id := range saved {
			if _, err := s.Get(id); err != nil {
				t.Fatalf("cycle %d: event %s was reported stored but is gone: %v", c, id, err)
			}
		}
		checkWholeEvents(t, s)
		checkViewsMatchStreams(t, s)
		s.Close()
	}
	if len(saved) < 6 {
		t.Fatalf("only %d batches stored over 6 cycles: the child barely ran", len(saved))
	}
}

// checkWholeEvents asserts every event has all its entries: a stream
// entry, an event index entry pointing at it, a log and an outbox entry.
func checkWholeEvents(t *testing.T, s *Store) {
	t.Helper()
	err := s.db.View(func(txn *badger.Txn) error {
		streams := map[string]bool{}
		if err := scan(txn, []byte{pStream}, func(k, _ []byte) error { streams[string(k)] = true; return nil }); err != nil {
			return err
		}
		indexed := map[string]bool{}
		err := scan(txn, []byte{pEvent}, func(k, v []byte) error {
			seq, sk := splitIndex(v)
			indexed[string(sk)] = true
			for _, p := range []byte{pLog, pOutbox} {
				if _, err := get(txn, seqKey(p, seq)); err != nil {
					return fmt.Errorf("event %s has no %c entry: %w", k[1:], p, err)
				}
			}
			if !streams[string(sk)] {
				return fmt.Errorf("event %s has no stream entry", k[1:])
			}
			return nil
		})
		if err != nil {
			return err
		}
		if len(indexed) != len(streams) {
			return fmt.Errorf("%d stream entries, %d indexed events", len(streams), len(indexed))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A store loaded with Bulk opens as a desk's: after Sync and Close its
// level-0 tables are merged into the levels, and every event is whole and
// folded.
func TestBulkStoreClosesIntoANormalStore(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Options{Dir: dir, Desk: "desk-a", Fold: TraceFold, FoldMany: traceMany, GCInterval: -1, Bulk: true})
	if err != nil {
		t.Fatal(err)
	}
	body := json.RawMessage(fmt.Sprintf("%q", strings.Repeat("x", 1000)))
	evs := make([]wire.Event, 30_000) // about 45 MB: several memtables, so several level-0 tables
	for i := range evs {
		evs[i] = wire.Event{Actor: "staff-1", Entity: wire.EntityRef{Kind: "req", ID: fmt.Sprint(i % 5000)}, Type: "noted", Body: body}
	}
	if err := s.AppendBulk(evs); err != nil {
		t.Fatal(err)
	}
	if l0 := s.db.Levels()[0].NumTables; l0 < 2 {
		t.Fatalf("%d level-0 tables: the load did not pile them up", l0)
	}
	if err := s.Sync(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openTest(t, dir, "desk-a")
	if l0 := s.db.Levels()[0].NumTables; l0 != 0 {
		t.Fatalf("%d level-0 tables left after Close", l0)
	}
	if st, _ := s.Stats(); st.Events != len(evs) || st.Entities != 5000 {
		t.Fatalf("after reopening: %+v", st)
	}
	checkWholeEvents(t, s)
	checkViewsMatchStreams(t, s)
}
