package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// badgerView reads a view from Badger itself, past the store's cache.
func badgerView(t *testing.T, s *Store, ref wire.EntityRef) []byte {
	t.Helper()
	var v []byte
	err := s.view(func(txn *badger.Txn) (err error) {
		v, err = get(txn, viewKey(ref))
		return err
	})
	if err != nil {
		t.Fatalf("view %s in Badger: %v", ref, err)
	}
	return v
}

func traceLen(t *testing.T, view []byte) int {
	t.Helper()
	var trace []string
	if err := json.Unmarshal(view, &trace); err != nil {
		t.Fatalf("view %q: %v", view, err)
	}
	return len(trace)
}

// TestViewIsWhatWasCommitted: a view read while commits land is never
// older than one read before it, and once the writes stop every view
// read is the one Badger holds, also after a refold, a bulk load and with
// more entities than the cache holds.
func TestViewIsWhatWasCommitted(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	ref := wire.EntityRef{Kind: "req", ID: "R1"}
	if _, err := s.View(ref); !errors.Is(err, ErrNotFound) {
		t.Fatalf("view of an entity with no events: %v, want ErrNotFound", err)
	}
	const writes = 200
	var wg sync.WaitGroup
	var written atomic.Bool
	for range 4 {
		wg.Go(func() {
			seen := 0
			for !written.Load() {
				v, err := s.View(ref)
				if errors.Is(err, ErrNotFound) {
					continue
				}
				if err != nil {
					t.Error(err)
					return
				}
				n := traceLen(t, v)
				if n < seen {
					t.Errorf("a view of %d events read after one of %d", n, seen)
					return
				}
				seen = n
			}
		})
	}
	for range writes {
		if _, err := s.Append(newEvent("req", "R1", "noted")); err != nil {
			t.Fatal(err)
		}
	}
	written.Store(true)
	wg.Wait()
	if n := traceLen(t, mustView(t, s, ref)); n != writes {
		t.Errorf("R1's view holds %d events after %d writes", n, writes)
	}

	var many []wire.Event
	for i := range cachedViews + 50 {
		many = append(many, newEvent("req", fmt.Sprint("M", i), "opened"))
	}
	if _, err := s.AppendAll(many); err != nil {
		t.Fatal(err)
	}
	mustView(t, s, ref) // cached again, whatever the many pushed out
	if err := s.AppendBulk([]wire.Event{newEvent("req", "R1", "bulk"), newEvent("req", "B1", "opened")}); err != nil {
		t.Fatal(err)
	}
	for _, r := range []wire.EntityRef{ref, {Kind: "req", ID: "B1"}, {Kind: "req", ID: "M0"}, {Kind: "req", ID: fmt.Sprint("M", cachedViews+49)}} {
		got, err := s.View(r)
		if err != nil || !bytes.Equal(got, badgerView(t, s, r)) {
			t.Errorf("view %s = %q, %v; Badger holds %q", r, got, err, badgerView(t, s, r))
		}
	}
	if n := traceLen(t, mustView(t, s, ref)); n != writes+1 {
		t.Errorf("R1's view holds %d events, want %d", n, writes+1)
	}
}

func mustView(t *testing.T, s *Store, ref wire.EntityRef) []byte {
	t.Helper()
	v, err := s.View(ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestViewAfterClose: a closed store answers ErrClosed, not a cached view.
func TestViewAfterClose(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	ref := wire.EntityRef{Kind: "req", ID: "R1"}
	if _, err := s.Append(newEvent("req", "R1", "opened")); err != nil {
		t.Fatal(err)
	}
	mustView(t, s, ref)
	s.Close()
	if _, err := s.View(ref); !errors.Is(err, ErrClosed) {
		t.Errorf("View after Close = %v, want ErrClosed", err)
	}
}
