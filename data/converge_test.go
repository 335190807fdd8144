package data

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"floordesk/data/wire"
)

// historyFor makes n events from three desks on a handful of entities, with
// clashing clocks (equal HLCs on different desks) so the tie-breaks matter.
func historyFor(rng *rand.Rand, n int) []wire.Event {
	desks := []string{"desk-1", "desk-2", "desk-3"}
	kinds := []string{"key", "loan", "request"}
	evs := make([]wire.Event, n)
	for i := range evs {
		evs[i] = wire.Event{
			ID:      NewEventID(),
			HLC:     wire.MakeTimestamp(1_763_900_000_000+int64(rng.IntN(50)), uint16(rng.IntN(3))),
			Desk:    desks[rng.IntN(len(desks))],
			Actor:   "staff-1",
			Entity:  wire.EntityRef{Kind: kinds[rng.IntN(len(kinds))], ID: fmt.Sprint(rng.IntN(6))},
			Type:    fmt.Sprintf("t%d", i),
			Version: 1,
		}
	}
	return evs
}

// applyShuffled applies evs to s in a random order and random batch sizes,
// with some events delivered twice.
func applyShuffled(t *testing.T, s *Store, rng *rand.Rand, evs []wire.Event) {
	t.Helper()
	order := append([]wire.Event(nil), evs...)
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	order = append(order, order[:len(order)/5]...) // repeats, as a retried pull would bring
	for len(order) > 0 {
		n := min(len(order), 1+rng.IntN(40))
		if _, err := s.ApplyRemote(order[:n], 0); err != nil {
			t.Fatal(err)
		}
		order = order[n:]
	}
}

// TestConvergenceAnyOrder: the same events applied in many random orders and
// batches give byte-identical views.
func TestConvergenceAnyOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	evs := historyFor(rng, 400)
	var want map[string]string
	for round := 0; round < 8; round++ {
		s := openTest(t, t.TempDir(), "desk-reader")
		applyShuffled(t, s, rng, evs)
		got := snapshotViews(t, s)
		checkViewsMatchStreams(t, s)
		if round == 0 {
			want = got
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: views differ from round 0", round)
		}
	}
	if len(want) != 18 {
		t.Fatalf("expected 18 entities, got %d", len(want))
	}
}

// TestConvergenceMixedLocalAndRemote: two desks that each wrote offline and
// then exchanged everything show the same views.
func TestConvergenceMixedLocalAndRemote(t *testing.T) {
	a := openTest(t, t.TempDir(), "desk-a")
	b := openTest(t, t.TempDir(), "desk-b")
	for i := 0; i < 60; i++ {
		ref := fmt.Sprint(i % 4)
		if _, err := a.Append(newEvent("key", ref, fmt.Sprintf("a%d", i))); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Append(newEvent("key", ref, fmt.Sprintf("b%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	exchange(t, a, b)
	exchange(t, b, a)
	if va, vb := snapshotViews(t, a), snapshotViews(t, b); !reflect.DeepEqual(va, vb) {
		t.Fatalf("desks disagree after exchange:\n a %v\n b %v", va, vb)
	}
}

func exchange(t *testing.T, from, to *Store) {
	t.Helper()
	evs, _, err := from.Log(0, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := to.ApplyRemote(evs, 0); err != nil {
		t.Fatal(err)
	}
}
