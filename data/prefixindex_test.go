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

	"floordesk/data/wire"
)

// wordIndex files an entity under index "words" by the type of each of
// its events, followed by NUL and its number of events, so a reader finds
// it by any prefix of a type and the entries move as the entity changes.
func wordIndex(_ wire.EntityRef, view []byte) []wire.IndexEntry {
	var trace []string
	if json.Unmarshal(view, &trace) != nil {
		return nil
	}
	var out []wire.IndexEntry
	for _, step := range trace {
		typ, _, _ := strings.Cut(step, " ")
		out = append(out, wire.IndexEntry{Name: "words", Key: append([]byte(typ+"\x00"), byte(len(trace))), ByPrefix: true})
	}
	return out
}

func openWords(t testing.TB, dir, desk string) *Store {
	t.Helper()
	s, err := Open(Options{Dir: dir, Desk: desk, Fold: TraceFold, GCInterval: -1, Index: wordIndex, IndexVersion: "1"})
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// words lists the entries of index "words" whose key starts with prefix,
// from from, as "type@n kind/id".
func words(t testing.TB, s *Store, prefix, from string) []string {
	t.Helper()
	var out []string
	err := s.ReadIndex("words", func(r wire.IndexReader) error {
		return r.Scan([]byte(prefix), []byte(from), func(key []byte, ref wire.EntityRef) bool {
			typ, n, _ := bytes.Cut(key, []byte{0})
			out = append(out, fmt.Sprintf("%s@%d %s", typ, n[0], ref))
			return true
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func appendAll(t testing.TB, s *Store, evs ...wire.Event) {
	t.Helper()
	for _, ev := range evs {
		if _, err := s.Append(ev); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPrefixIndexFindsAKeyByAnyPrefix(t *testing.T) {
	s := openWords(t, t.TempDir(), "desk-a")
	appendAll(t, s, newEvent("req", "A", "opened"), newEvent("req", "B", "open"), newEvent("req", "B", "noted"),
		newEvent("req", "C", "closed"))
	tests := []struct {
		prefix, from string
		want         []string
	}{
		{"open", "", []string{"open@2 req/B", "opened@1 req/A"}},
		{"opene", "", []string{"opened@1 req/A"}},
		{"open\x00", "", []string{"open@2 req/B"}},
		{"o", "opened", []string{"opened@1 req/A"}},
		{"n", "", []string{"noted@2 req/B"}},
		{"x", "", nil},
		{"", "", []string{"closed@1 req/C", "noted@2 req/B", "open@2 req/B", "opened@1 req/A"}},
	}
	for _, tt := range tests {
		if got := words(t, s, tt.prefix, tt.from); !slices.Equal(got, tt.want) {
			t.Errorf("Scan(%q, %q) = %q, want %q", tt.prefix, tt.from, got, tt.want)
		}
	}
	n := 0
	_ = s.Indexed("words", func([]byte, wire.EntityRef, []byte) error { n++; return nil })
	if n != 0 {
		t.Errorf("Indexed lists %d entries filed by prefix", n)
	}
}

// A scan stops when fn says so, and the reader's views and entries are one
// snapshot: a write made while it reads is not seen.
func TestPrefixIndexReadsOneSnapshot(t *testing.T) {
	s := openWords(t, t.TempDir(), "desk-a")
	appendAll(t, s, newEvent("req", "A", "opened"), newEvent("req", "B", "opened"))
	ref := wire.EntityRef{Kind: "req", ID: "A"}
	err := s.ReadIndex("words", func(r wire.IndexReader) error {
		appendAll(t, s, newEvent("req", "A", "closed"), newEvent("req", "C", "opened"))
		var seen []string
		err := r.Scan([]byte("opened"), nil, func(_ []byte, ref wire.EntityRef) bool {
			seen = append(seen, ref.ID)
			return len(seen) < 2
		})
		if err != nil || !slices.Equal(seen, []string{"A", "B"}) {
			return fmt.Errorf("scan saw %v (%v), want A, B as they were", seen, err)
		}
		v, err := r.View(ref)
		if err != nil || strings.Contains(string(v), "closed") {
			return fmt.Errorf("view %s, %v: want A before it closed", v, err)
		}
		if _, err := r.View(wire.EntityRef{Kind: "req", ID: "C"}); !errors.Is(err, ErrNotFound) {
			return fmt.Errorf("C, made after the snapshot: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := words(t, s, "closed", ""); !slices.Equal(got, []string{"closed@2 req/A"}) {
		t.Fatalf("after the read: %q", got)
	}
}

// wordsOfViews is what index "words" must hold, from every view.
func wordsOfViews(t testing.TB, s *Store) []string {
	t.Helper()
	type entry struct{ key, line string }
	var all []entry
	err := s.Views("req", func(id string, v []byte) error {
		for _, e := range wordIndex(wire.EntityRef{}, v) {
			typ, n, _ := bytes.Cut(e.Key, []byte{0})
			all = append(all, entry{string(e.Key) + "req\x00" + id, fmt.Sprintf("%s@%d req/%s", typ, n[0], id)})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(all, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	out := make([]string, len(all))
	for i, e := range all {
		out[i] = e.line
	}
	return slices.Compact(out)
}

// The entries follow the views when the same events arrive in any order
// (late events refold their entity), and a rebuild files the same.
func TestPrefixIndexAgreesWithTheViewsInAnyOrder(t *testing.T) {
	a := openWords(t, t.TempDir(), "desk-a")
	r := rand.New(rand.NewPCG(3, 9))
	types := []string{"opened", "open", "noted", "closed"}
	var all []wire.Event
	for range 300 {
		ev, err := a.Append(newEvent("req", fmt.Sprintf("R%02d", r.IntN(40)), types[r.IntN(len(types))]))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, ev)
	}
	b := openWords(t, t.TempDir(), "desk-b")
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	for len(all) > 0 {
		n := min(len(all), 1+r.IntN(50))
		if _, err := b.ApplyRemote(all[:n], 0); err != nil {
			t.Fatal(err)
		}
		all = all[n:]
	}
	want := wordsOfViews(t, a)
	for _, s := range []*Store{a, b} {
		if got := words(t, s, "", ""); !slices.Equal(got, want) {
			t.Fatalf("%s: %d entries, the views say %d", s.Desk(), len(got), len(want))
		}
		if err := s.RebuildIndexes(); err != nil {
			t.Fatal(err)
		}
		if got := words(t, s, "", ""); !slices.Equal(got, want) {
			t.Fatalf("%s rebuilt: %d entries, the views say %d", s.Desk(), len(got), len(want))
		}
	}
}

// A key filed by prefix may hold any bytes and be maxIndexKey long; a
// longer one fails the write whole.
func TestPrefixIndexEntryLimits(t *testing.T) {
	var key []byte
	s, err := Open(Options{Dir: t.TempDir(), Desk: "desk-a", Fold: TraceFold, GCInterval: -1, IndexVersion: "1",
		Index: func(wire.EntityRef, []byte) []wire.IndexEntry {
			return []wire.IndexEntry{{Name: "big", Key: key, ByPrefix: true}}
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	key = bytes.Repeat([]byte{0, 0xFF, 'a'}, maxIndexKey/3)
	key = append(key, make([]byte, maxIndexKey-len(key))...)
	appendAll(t, s, newEvent("req", "A", "opened"))
	key = make([]byte, maxIndexKey+1)
	if _, err := s.Append(newEvent("req", "B", "opened")); err == nil {
		t.Fatalf("a key of %d bytes was stored", len(key))
	}
	var got []string
	_ = s.ReadIndex("big", func(r wire.IndexReader) error {
		return r.Scan([]byte{0, 0xFF}, nil, func(k []byte, ref wire.EntityRef) bool {
			got = append(got, fmt.Sprintf("%d %s", len(k), ref))
			return true
		})
	})
	if want := fmt.Sprintf("%d req/A", maxIndexKey); !slices.Equal(got, []string{want}) {
		t.Fatalf("index holds %q, want %q", got, want)
	}
}
