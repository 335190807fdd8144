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

// testAppendFindsPending: an append returns the property's pending
// erasures of its events, stored now or before, oldest first, and none of
// another property's; none once they are dropped.
func testAppendFindsPending(t *testing.T, s server.Store) {
	evs := NewEvents("desk-a", 3, 20)
	first := server.PendingErasure{Target: evs[2].Event.ID, Erasure: "erasure-1"}
	second := server.PendingErasure{Target: evs[0].Event.ID, Erasure: "erasure-2"}
	mustAddPending(t, s, "hotel-a", first, 10)
	mustAddPending(t, s, "hotel-a", second, 10)
	mustAddPending(t, s, "hotel-b", server.PendingErasure{Target: evs[1].Event.ID, Erasure: "erasure-3"}, 10)
	want := []server.PendingErasure{first, second}
	if res := mustAppend(t, s, "hotel-a", evs); !slices.Equal(res.Pending, want) || res.Stored != 3 {
		t.Fatalf("append = %+v, want 3 stored and pending %v", res, want)
	}
	if res := mustAppend(t, s, "hotel-a", evs[:1]); !slices.Equal(res.Pending, want[1:]) || res.Duplicates != 1 {
		t.Fatalf("the push again = %+v, want a duplicate and pending %v", res, want[1:])
	}
	for _, p := range want {
		if err := s.DropPendingErasure(ctx(t), "hotel-a", p); err != nil {
			t.Fatal(err)
		}
	}
	if res := mustAppend(t, s, "hotel-a", evs); len(res.Pending) != 0 {
		t.Fatalf("after the drops the append still finds %v", res.Pending)
	}
	if res := mustAppend(t, s, "hotel-c", NewEvents("desk-c", 2, 20)); len(res.Pending) != 0 {
		t.Fatalf("a property without pending erasures: %v", res.Pending)
	}
}

// testAppendRacesPending: an append and an erasure of one of its events
// added at the same time: either the append finds the pending erasure or
// the adder, looking after it added, finds the event (so the server
// erases it either way).
func testAppendRacesPending(t *testing.T, s server.Store) {
	for i := range 30 {
		ev := NewEvent("desk-a", "key.signed_out", 20)
		p := server.PendingErasure{Target: ev.Event.ID, Erasure: fmt.Sprintf("erasure-%d", i)}
		var res server.AppendResult
		var appendErr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			res, appendErr = s.Append(ctx(t), "hotel", []server.Pushed{ev})
		}()
		mustAddPending(t, s, "hotel", p, 100)
		_, err := s.Event(ctx(t), ev.Event.ID)
		<-done
		if appendErr != nil {
			t.Fatal(appendErr)
		}
		if !slices.Contains(res.Pending, p) && err != nil {
			t.Fatalf("round %d: the append did not find the pending erasure and the adder did not find the event (%v)", i, err)
		}
	}
}
