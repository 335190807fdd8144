package data

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"floordesk/data/wire"

	"github.com/dgraph-io/badger/v4"
)

func TestStaleKinds(t *testing.T) {
	for _, tc := range []struct {
		built, want string
		found       bool
		kinds       []string
		all         bool
	}{
		{"", "6", false, nil, true},
		{"5", "6", true, nil, true},
		{"6", "6", true, nil, false},
		{"6", "6;loan=1", true, []string{"loan"}, false},
		{"6;loan=1", "6;loan=1;door=1", true, []string{"door"}, false},
		{"6;loan=1;door=1", "6;loan=2;door=1", true, []string{"loan"}, false},
		{"6;loan=1", "6", true, []string{"loan"}, false},
		{"6;loan=1", "7;loan=1", true, nil, true},
	} {
		kinds, all := staleKinds(tc.built, tc.found, tc.want)
		if !slices.Equal(kinds, tc.kinds) || all != tc.all {
			t.Errorf("staleKinds(%q, %v, %q) = %v, %v; want %v, %v", tc.built, tc.found, tc.want, kinds, all, tc.kinds, tc.all)
		}
	}
}

// TestAKindsNewIndexFilesThatKindOnly: when a version adds an index to one
// kind, the next Open files that kind's views again and reads no other
// kind's, and the entries of every kind are right afterwards: the new
// index holds the kind's entities, the others keep theirs.
func TestAKindsNewIndexFilesThatKindOnly(t *testing.T) {
	dir := t.TempDir()
	s := openIndexed(t, dir, "desk-a", "1")
	for i := range 30 {
		for _, kind := range []string{"room", "loan"} {
			if _, err := s.Append(newEvent(kind, fmt.Sprintf("%s-%02d", kind, i), "opened")); err != nil {
				t.Fatal(err)
			}
		}
	}
	before := indexed(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	filed := map[string]int{}
	withLoans := func(ref wire.EntityRef, view []byte) []wire.IndexEntry {
		filed[ref.Kind]++
		out := openIndex(ref, view)
		if ref.Kind == "loan" {
			var trace []string
			json.Unmarshal(view, &trace)
			out = append(out, wire.IndexEntry{Name: "loans.all", Key: []byte(ref.ID)})
		}
		return out
	}
	s, err := Open(Options{Dir: dir, Desk: "desk-a", Fold: TraceFold, GCInterval: -1, Index: withLoans, IndexVersion: "1;loan=1"})
	if err != nil {
		t.Fatal(err)
	}
	if filed["room"] != 0 || filed["loan"] != 30 {
		t.Errorf("open filed %v, want the 30 loans and no room", filed)
	}
	var loans []string
	s.Indexed("loans.all", func(_ []byte, ref wire.EntityRef, _ []byte) error {
		loans = append(loans, ref.ID)
		return nil
	})
	if len(loans) != 30 || loans[0] != "loan-00" {
		t.Errorf("the new index holds %d loans (%v)", len(loans), loans)
	}
	if after := indexed(t, s); !slices.Equal(after, before) {
		t.Errorf("index open changed: %d entries before, %d after", len(before), len(after))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// The next version drops the index again: its entries go.
	s = openIndexed(t, dir, "desk-a", "1;loan=2")
	defer s.Close()
	n := 0
	s.Indexed("loans.all", func([]byte, wire.EntityRef, []byte) error { n++; return nil })
	if n != 0 {
		t.Errorf("a dropped index keeps %d entries", n)
	}
	if after := indexed(t, s); !slices.Equal(after, before) {
		t.Errorf("index open changed when loans.all went: %d entries before, %d after", len(before), len(after))
	}
	// loans.all was the loans' own: dropped whole, it leaves no deleted
	// keys for a read to step over.
	if n := deletedKeys(t, s, indexPrefix("loans.all")); n != 0 {
		t.Errorf("the loans' own index left %d deleted keys behind", n)
	}
}

// deletedKeys counts the deleted keys (tombstones) under prefix that a
// read of it still steps over.
func deletedKeys(t *testing.T, s *Store, prefix []byte) int {
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.AllVersions, o.PrefetchValues, o.Prefix = true, false, prefix
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if it.Item().IsDeletedOrExpired() {
				n++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDeferredIndexesAreBuiltWithProgress: opened with DeferIndexes, a
// store with a kind's new index says so and builds it when asked,
// reporting the views filed against the views to file, ending at all of
// them; the next open finds nothing to build.
func TestDeferredIndexesAreBuiltWithProgress(t *testing.T) {
	dir := t.TempDir()
	s := openIndexed(t, dir, "desk-a", "1")
	for i := range 2500 {
		if _, err := s.Append(newEvent("loan", fmt.Sprintf("loan-%04d", i), "opened")); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	open := func() *Store {
		s, err := Open(Options{Dir: dir, Desk: "desk-a", Fold: TraceFold, GCInterval: -1, Index: openIndex,
			IndexVersion: "1;loan=1", DeferIndexes: true})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s = open()
	if !s.IndexesStale() {
		t.Fatal("a kind's new index version is not stale")
	}
	var reports [][2]int
	if err := s.BuildIndexes(func(done, total int) { reports = append(reports, [2]int{done, total}) }); err != nil {
		t.Fatal(err)
	}
	if len(reports) < 3 || reports[0] != [2]int{0, 2500} || reports[len(reports)-1] != [2]int{2500, 2500} {
		t.Errorf("progress = %v, want 0 of 2500 first, 2500 of 2500 last", reports)
	}
	if s.IndexesStale() {
		t.Error("still stale after BuildIndexes")
	}
	s.Close()
	s = open()
	defer s.Close()
	if s.IndexesStale() {
		t.Error("stale again at the next open")
	}
}
