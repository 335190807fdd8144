package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// openIndex files an entity whose latest event is "opened" under index
// "open", with its number of events as the key, so the entry moves as the
// entity changes.
func openIndex(_ wire.EntityRef, view []byte) []wire.IndexEntry {
	var trace []string
	if json.Unmarshal(view, &trace) != nil || len(trace) == 0 || !strings.HasPrefix(trace[len(trace)-1], "opened ") {
		return nil
	}
	return []wire.IndexEntry{{Name: "open", Key: []byte{byte(len(trace))}}}
}

func openIndexed(t testing.TB, dir, desk, version string) *Store {
	t.Helper()
	s, err := Open(Options{Dir: dir, Desk: desk, Fold: TraceFold, GCInterval: -1, Index: openIndex, IndexVersion: version})
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	return s
}

// indexed lists index "open" as "kind/id@key".
func indexed(t testing.TB, s *Store) []string {
	t.Helper()
	var out []string
	err := s.Indexed("open", func(key []byte, ref wire.EntityRef, _ []byte) error {
		out = append(out, fmt.Sprintf("%s@%d", ref, key[0]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// held lists index "open" as indexed does, from IndexKeys (held in memory
// from its first read on).
func held(t testing.TB, s *Store) []string {
	t.Helper()
	var out []string
	err := s.IndexKeys("open", func(key []byte, ref wire.EntityRef) error {
		out = append(out, fmt.Sprintf("%s@%d", ref, key[0]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// scanned is what index "open" must hold, from every view.
func scanned(t testing.TB, s *Store, kinds ...string) []string {
	t.Helper()
	var out []string
	for _, kind := range kinds {
		err := s.Views(kind, func(id string, v []byte) error {
			for _, e := range openIndex(wire.EntityRef{}, v) {
				out = append(out, fmt.Sprintf("%s/%s@%d", kind, id, e.Key[0]))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(sortable(a), sortable(b)) })
	return out
}

// sortable puts an entry's key (a number) first, as the index sorts.
func sortable(entry string) string {
	ref, key, _ := strings.Cut(entry, "@")
	return fmt.Sprintf("%03s %s", key, ref)
}

func TestIndexFollowsTheView(t *testing.T) {
	s := openIndexed(t, t.TempDir(), "desk-a", "1")
	defer s.Close()
	for _, ev := range []wire.Event{newEvent("req", "A", "opened"), newEvent("req", "B", "opened"),
		newEvent("req", "A", "noted"), newEvent("req", "C", "opened"), newEvent("req", "C", "closed")} {
		if _, err := s.Append(ev); err != nil {
			t.Fatal(err)
		}
	}
	if got := indexed(t, s); !slices.Equal(got, []string{"req/B@1"}) {
		t.Fatalf("open = %v, want only B (A was noted, C closed)", got)
	}
	if _, err := s.Append(newEvent("req", "A", "opened")); err != nil {
		t.Fatal(err)
	}
	if got := indexed(t, s); !slices.Equal(got, []string{"req/B@1", "req/A@3"}) {
		t.Fatalf("open = %v, want B then A by key", got)
	}
}

// TestIndexAgreesWithTheViewsInAnyOrder applies the same events to a
// second desk in a random order (late events refold their entity) and
// checks both desks' index, in Badger and as held in memory since before
// the first event, against a scan of every view, and against a rebuild.
func TestIndexAgreesWithTheViewsInAnyOrder(t *testing.T) {
	a := openIndexed(t, t.TempDir(), "desk-a", "1")
	defer a.Close()
	held(t, a)
	r := rand.New(rand.NewPCG(7, 7))
	types := []string{"opened", "noted", "closed", "opened"}
	var all []wire.Event
	for range 300 {
		ev, err := a.Append(newEvent("req", fmt.Sprintf("R%02d", r.IntN(40)), types[r.IntN(len(types))]))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, ev)
	}
	b := openIndexed(t, t.TempDir(), "desk-b", "1")
	defer b.Close()
	held(t, b)
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	for len(all) > 0 {
		n := min(len(all), 1+r.IntN(50))
		if _, err := b.ApplyRemote(all[:n], 0); err != nil {
			t.Fatal(err)
		}
		all = all[n:]
	}
	want := scanned(t, a, "req")
	if len(want) == 0 {
		t.Fatal("no entity ended opened: the test proves nothing")
	}
	for _, s := range []*Store{a, b} {
		if got, kept := indexed(t, s), held(t, s); !slices.Equal(got, want) || !slices.Equal(kept, want) {
			t.Fatalf("%s index = %v\nheld %v\nviews say %v", s.Desk(), got, kept, want)
		}
		if err := s.RebuildIndexes(); err != nil {
			t.Fatal(err)
		}
		if got, kept := indexed(t, s), held(t, s); !slices.Equal(got, want) || !slices.Equal(kept, want) {
			t.Fatalf("%s rebuilt = %v\nheld %v\nviews say %v", s.Desk(), got, kept, want)
		}
	}
}

func TestOpenBuildsIndexesOfANewVersion(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir, "desk-a") // no index yet
	for _, id := range []string{"A", "B"} {
		if _, err := s.Append(newEvent("req", id, "opened")); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = openIndexed(t, dir, "desk-a", "2")
	if got := indexed(t, s); !slices.Equal(got, []string{"req/A@1", "req/B@1"}) {
		t.Fatalf("after opening with an index: %v", got)
	}
	s.Close()
}

func TestIndexedAtReadsOneKey(t *testing.T) {
	s := openIndexed(t, t.TempDir(), "desk-a", "1")
	defer s.Close()
	for _, ev := range []wire.Event{newEvent("req", "A", "opened"), newEvent("req", "B", "noted"), newEvent("req", "B", "opened"),
		newEvent("req", "C", "opened")} {
		if _, err := s.Append(ev); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	err := s.IndexedAt("open", []byte{1}, func(ref wire.EntityRef, _ []byte) error {
		got = append(got, ref.String())
		return nil
	})
	if err != nil || !slices.Equal(got, []string{"req/A", "req/C"}) {
		t.Fatalf("key 1 = %v, %v; want A and C (B has two events)", got, err)
	}
}

func TestIndexKeysListTheEntriesAlone(t *testing.T) {
	s := openIndexed(t, t.TempDir(), "desk-a", "1")
	defer s.Close()
	for _, ev := range []wire.Event{newEvent("req", "A", "opened"), newEvent("req", "B", "noted"), newEvent("req", "B", "opened"),
		newEvent("req", "C", "opened"), newEvent("req", "C", "closed")} {
		if _, err := s.Append(ev); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	err := s.IndexKeys("open", func(key []byte, ref wire.EntityRef) error {
		got = append(got, fmt.Sprintf("%s@%d", ref, key[0]))
		return nil
	})
	if want := indexed(t, s); err != nil || !slices.Equal(got, want) || len(want) != 2 {
		t.Fatalf("keys = %v, %v; Indexed says %v", got, err, want)
	}
}

// TestIndexEntryWithinOneBatchLeavesNoTrace: an entity filed and unfiled
// within one transaction (opened and closed in one pull) leaves nothing
// under the index, not even a deletion marker for later scans to step
// over; one opened in the same batch stays filed.
func TestIndexEntryWithinOneBatchLeavesNoTrace(t *testing.T) {
	s := openIndexed(t, t.TempDir(), "desk-a", "1")
	defer s.Close()
	if _, err := s.AppendAll([]wire.Event{newEvent("req", "A", "opened"), newEvent("req", "A", "closed"),
		newEvent("req", "B", "opened")}); err != nil {
		t.Fatal(err)
	}
	if got := indexed(t, s); !slices.Equal(got, []string{"req/B@1"}) {
		t.Fatalf("open = %v, want B alone", got)
	}
	versions := 0
	err := s.view(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.AllVersions, o.Prefix = true, indexPrefix("open")
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			versions++
		}
		return nil
	})
	if err != nil || versions != 1 {
		t.Fatalf("index holds %d versions (%v), want B's entry alone", versions, err)
	}
}

// TestIndexEntryCarriesItsView: an entry that asks for the view carries
// it as the view changes, and after a rebuild; reading the index reads it
// from the entry (here the view itself is gone).
func TestIndexEntryCarriesItsView(t *testing.T) {
	s, err := Open(Options{Dir: t.TempDir(), Desk: "desk-a", Fold: TraceFold, GCInterval: -1, IndexVersion: "1",
		Index: func(wire.EntityRef, []byte) []wire.IndexEntry { return []wire.IndexEntry{{Name: "all", View: true}} }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ref := wire.EntityRef{Kind: "req", ID: "A"}
	for _, typ := range []string{"opened", "noted"} {
		if _, err := s.Append(newEvent("req", "A", typ)); err != nil {
			t.Fatal(err)
		}
	}
	want, _ := s.View(ref)
	for _, step := range []string{"written", "rebuilt"} {
		if step == "rebuilt" {
			if err := s.RebuildIndexes(); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(viewKey(ref)) }); err != nil {
			t.Fatal(err)
		}
		var got []byte
		_ = s.Indexed("all", func(_ []byte, _ wire.EntityRef, v []byte) error { got = v; return nil })
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: entry carries %s, want %s", step, got, want)
		}
		if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(viewKey(ref), want) }); err != nil {
			t.Fatal(err)
		}
	}
}

// TestIndexedRangeReadsKeysBetween files entities by a date and reads a
// range of dates: from included, to left out, and keys of another width
// (which sort apart) left out.
func TestIndexedRangeReadsKeysBetween(t *testing.T) {
	keys := map[string]string{"A": "2026-03-01", "B": "2026-03-02", "C": "2026-03-03", "D": "2026-03-04",
		"E": "2026-03-03 08:00", "F": "2026-03"}
	s, err := Open(Options{Dir: t.TempDir(), Desk: "desk-a", Fold: TraceFold, GCInterval: -1, IndexVersion: "1",
		Index: func(ref wire.EntityRef, _ []byte) []wire.IndexEntry {
			return []wire.IndexEntry{{Name: "day", Key: []byte(keys[ref.ID])}}
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, id := range []string{"F", "E", "D", "C", "B", "A"} {
		if _, err := s.Append(newEvent("req", id, "opened")); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	err = s.IndexedRange("day", []byte("2026-03-02"), []byte("2026-03-04"), func(key []byte, ref wire.EntityRef, _ []byte) error {
		got = append(got, ref.ID+"@"+string(key))
		return nil
	})
	if want := []string{"B@2026-03-02", "C@2026-03-03"}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("range = %v, %v; want %v", got, err, want)
	}
}

// An index key may be maxIndexKey bytes; a longer one, or an index name
// with NUL, fails the write, and nothing of it is stored.
func TestIndexEntryLimits(t *testing.T) {
	var entry wire.IndexEntry
	s, err := Open(Options{Dir: t.TempDir(), Desk: "desk-a", Fold: TraceFold, GCInterval: -1, IndexVersion: "1",
		Index: func(wire.EntityRef, []byte) []wire.IndexEntry { return []wire.IndexEntry{entry} }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	entry = wire.IndexEntry{Name: "big", Key: make([]byte, maxIndexKey)}
	if _, err := s.Append(newEvent("req", "A", "opened")); err != nil {
		t.Fatalf("a key of %d bytes: %v", maxIndexKey, err)
	}
	for _, bad := range []wire.IndexEntry{{Name: "big", Key: make([]byte, maxIndexKey+1)}, {Name: "nul\x00name"}, {Name: ""}} {
		entry = bad
		if _, err := s.Append(newEvent("req", "B", "opened")); err == nil {
			t.Fatalf("entry %q with a %d-byte key was stored", bad.Name, len(bad.Key))
		}
		if _, err := s.View(wire.EntityRef{Kind: "req", ID: "B"}); !errors.Is(err, ErrNotFound) {
			t.Fatalf("refused write left a view of B: %v", err)
		}
	}
	entry = wire.IndexEntry{Name: "big", Key: make([]byte, maxIndexKey)}
	n := 0
	_ = s.Indexed("big", func([]byte, wire.EntityRef, []byte) error { n++; return nil })
	if stats, _ := s.Stats(); n != 1 || stats.Events != 1 {
		t.Fatalf("index holds %d entries, store %d events; want A alone", n, stats.Events)
	}
}
