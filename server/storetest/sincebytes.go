package storetest

import (
	"testing"

	"floordesk/server"
)

// testSinceByteBudget: Since stops after the event that takes the total
// size over the budget, and always returns the first event, whatever its
// size.
func testSinceByteBudget(t *testing.T, s server.Store) {
	evs := NewEvents("desk-a", 6, 1000)
	mustAppend(t, s, "hotel", evs)
	size := len(evs[0].Raw) // every event has the same size
	tests := []struct {
		name     string
		after    uint64
		limit    int
		budget   int
		wantSeqs []uint64
	}{
		{"budget of two events exactly", 0, 100, 2 * size, []uint64{1, 2, 3}},
		{"one byte short of two", 0, 100, 2*size - 1, []uint64{1, 2}},
		{"zero budget still gives one", 2, 100, 0, []uint64{3}},
		{"count limit first", 0, 2, 10 * size, []uint64{1, 2}},
		{"budget past the end", 4, 100, 100 * size, []uint64{5, 6}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := s.Since(ctx(t), "hotel", tc.after, tc.limit, tc.budget)
			if err != nil {
				t.Fatal(err)
			}
			if got := seqs(recs); !equalSeqs(got, tc.wantSeqs) {
				t.Errorf("Since(after %d, limit %d, %d bytes) = %v, want %v", tc.after, tc.limit, tc.budget, got, tc.wantSeqs)
			}
		})
	}
}
