package storetest

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"floordesk/server"
)

// Load sizes a concurrency test.
type Load struct {
	Pushers, Batches, PerBatch, Pullers int
}

func testConcurrent(t *testing.T, s server.Store) {
	Concurrent(t, s, Load{Pushers: 8, Batches: 10, PerBatch: 25, Pullers: 4})
}

// Concurrent has load.Pushers goroutines push batches while load.Pullers
// follow with cursors: every puller must see every event exactly once, in
// sequence order, however the commits interleave.
func Concurrent(t *testing.T, s server.Store, load Load) {
	pushers, batches, perBatch, pullers := load.Pushers, load.Batches, load.PerBatch, load.Pullers
	total := pushers * batches * perBatch
	want := make(map[string]bool, total)
	work := make([][][]server.Pushed, pushers)
	for p := range work {
		for range batches {
			b := NewEvents(fmt.Sprintf("desk-%d", p), perBatch, 40)
			for _, e := range b {
				want[string(e.Raw)] = true
			}
			work[p] = append(work[p], b)
		}
	}
	deadline := time.Now().Add(60 * time.Second)
	var wg sync.WaitGroup
	errs := make(chan error, pushers+pullers)
	for p := range pushers {
		wg.Go(func() { errs <- push(t, s, work[p]) })
	}
	seen := make([]map[string]int, pullers)
	for q := range pullers {
		seen[q] = map[string]int{}
		wg.Go(func() { errs <- pull(t, s, total, deadline, seen[q]) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for q, got := range seen {
		if len(got) != len(want) {
			t.Fatalf("puller %d saw %d distinct events, want %d", q, len(got), len(want))
		}
		for raw, n := range got {
			if n != 1 || !want[raw] {
				t.Fatalf("puller %d saw an event %d times (known: %v)", q, n, want[raw])
			}
		}
	}
}

func push(t *testing.T, s server.Store, batches [][]server.Pushed) error {
	for _, b := range batches {
		if _, err := s.Append(t.Context(), "hotel", b); err != nil {
			return err
		}
	}
	return nil
}

// pull follows the property from cursor 0 with small pages until it has
// seen total events, checking that sequence numbers only go up.
func pull(t *testing.T, s server.Store, total int, deadline time.Time, seen map[string]int) error {
	var cursor uint64
	count := 0
	for count < total {
		if time.Now().After(deadline) {
			return fmt.Errorf("puller saw %d of %d events before the deadline", count, total)
		}
		recs, err := s.Since(t.Context(), "hotel", cursor, 37, noByteLimit)
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			runtime.Gosched()
			continue
		}
		for _, r := range recs {
			if r.Seq <= cursor {
				return fmt.Errorf("sequence went from %d to %d", cursor, r.Seq)
			}
			cursor = r.Seq
			seen[string(r.Raw)]++
			count++
		}
	}
	return nil
}

// testSameEventsTwoPropertiesAtOnce pushes each batch to two properties at
// the same moment: an event ID is global, so every event is stored exactly
// once, in one property or the other, and neither push fails.
func testSameEventsTwoPropertiesAtOnce(t *testing.T, s server.Store) {
	const rounds, perBatch = 20, 10
	for range rounds {
		evs := NewEvents("desk-1", perBatch, 20)
		var res [2]server.AppendResult
		var errs [2]error
		var wg sync.WaitGroup
		for i, prop := range []string{"hotel-a", "hotel-b"} {
			wg.Go(func() { res[i], errs[i] = s.Append(t.Context(), prop, evs) })
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("push to two properties at once: %v", err)
			}
		}
		if res[0].Stored+res[1].Stored != perBatch || res[0].Duplicates+res[1].Duplicates != perBatch {
			t.Fatalf("stored %d+%d, duplicates %d+%d; want %d of each in all", res[0].Stored, res[1].Stored, res[0].Duplicates, res[1].Duplicates, perBatch)
		}
	}
	a, _ := s.Since(t.Context(), "hotel-a", 0, 1000, noByteLimit)
	b, _ := s.Since(t.Context(), "hotel-b", 0, 1000, noByteLimit)
	if len(a)+len(b) != rounds*perBatch {
		t.Fatalf("%d+%d events stored, want %d", len(a), len(b), rounds*perBatch)
	}
}
