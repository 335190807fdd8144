package storetest

import (
	"fmt"
	"slices"
	"testing"

	"floordesk/server"
)

// testPendingErasures: pending erasures are kept per property, found by
// their targets oldest first, added once however often, forgotten when
// dropped, and beyond the limit the oldest are forgotten and returned.
func testPendingErasures(t *testing.T, s server.Store) {
	const limit = 3
	p := func(i int) server.PendingErasure {
		return server.PendingErasure{Target: fmt.Sprintf("target-%d", i), Erasure: fmt.Sprintf("erasure-%d", i)}
	}
	if got := mustPending(t, s, "hotel-a", "target-1"); len(got) != 0 {
		t.Fatalf("a new store has pending erasures: %v", got)
	}
	for i := 1; i <= limit; i++ {
		mustAddPending(t, s, "hotel-a", p(i), limit)
	}
	mustAddPending(t, s, "hotel-a", p(2), limit) // again: no change
	second := server.PendingErasure{Target: "target-1", Erasure: "erasure-9"}
	dropped, err := s.AddPendingErasure(ctx(t), "hotel-a", second, limit)
	if err != nil || !slices.Equal(dropped, []server.PendingErasure{p(1)}) {
		t.Fatalf("one over the limit of %d: dropped %v (%v), want the oldest", limit, dropped, err)
	}
	mustAddPending(t, s, "hotel-b", p(3), limit)

	got := mustPending(t, s, "hotel-a", "target-1", "target-3", "target-2", "target-7")
	if want := []server.PendingErasure{p(2), p(3), second}; !slices.Equal(got, want) {
		t.Fatalf("pending of hotel-a = %v, want %v", got, want)
	}
	if err := s.DropPendingErasure(ctx(t), "hotel-a", p(3)); err != nil {
		t.Fatal(err)
	}
	if err := s.DropPendingErasure(ctx(t), "hotel-a", p(3)); err != nil {
		t.Fatalf("dropping again: %v", err)
	}
	if got := mustPending(t, s, "hotel-a", "target-3"); len(got) != 0 {
		t.Fatalf("a dropped erasure is still pending: %v", got)
	}
	if got := mustPending(t, s, "hotel-b", "target-3"); !slices.Equal(got, []server.PendingErasure{p(3)}) {
		t.Fatalf("dropping hotel-a's erasure changed hotel-b's: %v", got)
	}
	// After the drop there is room for one more without forgetting any.
	if dropped := mustAddPending(t, s, "hotel-a", p(4), limit); len(dropped) != 0 {
		t.Fatalf("at the limit (not over it) %v were dropped", dropped)
	}
	if got := mustPending(t, s, "hotel-a", "target-2", "target-4", "target-1"); len(got) != limit {
		t.Fatalf("pending of hotel-a = %v, want %d", got, limit)
	}
}

func mustAddPending(t *testing.T, s server.Store, property string, p server.PendingErasure, limit int) []server.PendingErasure {
	t.Helper()
	dropped, err := s.AddPendingErasure(ctx(t), property, p, limit)
	if err != nil {
		t.Fatal(err)
	}
	return dropped
}

func mustPending(t *testing.T, s server.Store, property string, targets ...string) []server.PendingErasure {
	t.Helper()
	got, err := s.PendingErasures(ctx(t), property, targets)
	if err != nil {
		t.Fatal(err)
	}
	return got
}
