package storetest

import (
	"bytes"
	"slices"
	"testing"

	"floordesk/server"
)

func testAppendAssignsSequence(t *testing.T, s server.Store) {
	evs := NewEvents("desk-a", 3, 50)
	res := mustAppend(t, s, "hotel", evs)
	if counts(res) != (counted{Stored: 3, LastSeq: 3}) {
		t.Fatalf("append = %+v, want 3 stored, last seq 3", res)
	}
	more := NewEvents("desk-b", 2, 50)
	if res := mustAppend(t, s, "hotel", more); res.LastSeq != 5 || res.Stored != 2 {
		t.Fatalf("second append = %+v, want 2 stored, last seq 5", res)
	}
	recs := mustSince(t, s, "hotel", 0, 100)
	all := append(evs, more...)
	if len(recs) != len(all) {
		t.Fatalf("since 0 gave %d events, want %d", len(recs), len(all))
	}
	for i, r := range recs {
		if r.Seq != uint64(i+1) || !bytes.Equal(r.Raw, all[i].Raw) {
			t.Fatalf("record %d = seq %d %s, want seq %d %s", i, r.Seq, r.Raw, i+1, all[i].Raw)
		}
	}
	if last, err := s.LastSeq(ctx(t), "hotel"); err != nil || last != 5 {
		t.Fatalf("LastSeq = %d, %v; want 5", last, err)
	}
}

func testSinceLimitAndCursor(t *testing.T, s server.Store) {
	mustAppend(t, s, "hotel", NewEvents("desk-a", 10, 20))
	tests := []struct {
		after    uint64
		limit    int
		wantSeqs []uint64
	}{
		{0, 3, []uint64{1, 2, 3}},
		{3, 3, []uint64{4, 5, 6}},
		{8, 100, []uint64{9, 10}},
		{10, 100, nil},
		{50, 100, nil},
	}
	for _, tc := range tests {
		recs := mustSince(t, s, "hotel", tc.after, tc.limit)
		if recs == nil {
			t.Fatalf("Since(%d) returned nil, want an empty slice", tc.after)
		}
		if got := seqs(recs); !equalSeqs(got, tc.wantSeqs) {
			t.Errorf("Since(after %d, limit %d) = %v, want %v", tc.after, tc.limit, got, tc.wantSeqs)
		}
	}
	if recs := mustSince(t, s, "empty", 0, 10); len(recs) != 0 {
		t.Errorf("Since on an empty property = %d events", len(recs))
	}
	if last, err := s.LastSeq(ctx(t), "empty"); err != nil || last != 0 {
		t.Errorf("LastSeq(empty) = %d, %v; want 0", last, err)
	}
}

func testAppendIsIdempotent(t *testing.T, s server.Store) {
	evs := NewEvents("desk-a", 4, 20)
	mustAppend(t, s, "hotel", evs)
	if res := mustAppend(t, s, "hotel", evs); counts(res) != (counted{Duplicates: 4, LastSeq: 4}) {
		t.Fatalf("repeated push = %+v, want 4 duplicates and last seq 4", res)
	}
	fresh := NewEvent("desk-a", "loan.opened", 20)
	batch := []server.Pushed{evs[0], fresh, fresh, evs[3]}
	if res := mustAppend(t, s, "hotel", batch); counts(res) != (counted{Stored: 1, Duplicates: 3, LastSeq: 5}) ||
		!slices.Equal(res.DuplicateAt, []int{0, 2, 3}) {
		t.Fatalf("mixed push = %+v, want 1 stored, 3 duplicates (at 0, 2 and 3), last seq 5", res)
	}
	if n := len(mustSince(t, s, "hotel", 0, 100)); n != 5 {
		t.Fatalf("store holds %d events, want 5", n)
	}
	if res := mustAppend(t, s, "hotel", evs[1:2]); !slices.Equal(res.DuplicateAt, []int{0}) {
		t.Fatalf("a repeated event = %+v, want a duplicate at 0", res)
	}
	if res := mustAppend(t, s, "hotel", nil); counts(res) != (counted{LastSeq: 5}) || res.DuplicateAt != nil {
		t.Fatalf("empty push = %+v, want nothing but last seq 5", res)
	}
}

// A newer desk's events, with a type and an envelope field this build does
// not know, must reach older desks unchanged.
func testRawKeptByteForByte(t *testing.T, s server.Store) {
	p := NewEvent("desk-new", "key.teleported", 10)
	p.Raw = append(bytes.TrimSuffix(p.Raw, []byte("}")), []byte(`,"future":{"x":[1,2.50,"\u00e9"]}}`)...)
	mustAppend(t, s, "hotel", []server.Pushed{p})
	recs := mustSince(t, s, "hotel", 0, 10)
	if len(recs) != 1 || !bytes.Equal(recs[0].Raw, p.Raw) {
		t.Fatalf("stored %d records, want %q unchanged", len(recs), p.Raw)
	}
}

func testPropertiesAreSeparate(t *testing.T, s server.Store) {
	a := NewEvents("desk-a", 3, 20)
	b := NewEvents("desk-b", 2, 20)
	mustAppend(t, s, "hotel-a", a)
	if res := mustAppend(t, s, "hotel-b", b); res.LastSeq != 2 {
		t.Fatalf("hotel-b last seq = %d, want its own sequence 2", res.LastSeq)
	}
	if n := len(mustSince(t, s, "hotel-a", 0, 100)); n != 3 {
		t.Errorf("hotel-a sees %d events, want 3", n)
	}
	recs := mustSince(t, s, "hotel-b", 0, 100)
	if len(recs) != 2 || !bytes.Equal(recs[0].Raw, b[0].Raw) {
		t.Errorf("hotel-b sees %d events, want its own 2", len(recs))
	}
	// An event ID is global: the same event pushed to another property is
	// a duplicate, not a second copy.
	if res := mustAppend(t, s, "hotel-b", a[:1]); res.Duplicates != 1 {
		t.Errorf("cross-property repeat = %+v, want a duplicate", res)
	}
}

func seqs(recs []server.Record) []uint64 {
	var out []uint64
	for _, r := range recs {
		out = append(out, r.Seq)
	}
	return out
}

func equalSeqs(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
