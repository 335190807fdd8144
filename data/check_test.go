package data

import (
	"bytes"
	"testing"

	"floordesk/data/wire"
)

// checkViewsMatchStreams asserts that every view equals a fresh fold of its
// entity's stream, as a desk reopened after a crash must show.
func checkViewsMatchStreams(t testing.TB, s *Store) {
	t.Helper()
	kinds, err := s.Kinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range kinds {
		views := map[string][]byte{}
		err := s.Views(kind, func(id string, v []byte) error {
			views[id] = append([]byte(nil), v...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for id, v := range views {
			ref := wire.EntityRef{Kind: kind, ID: id}
			if fresh := refoldForTest(t, s, ref); !bytes.Equal(fresh, v) {
				t.Fatalf("view %s is not the fold of its stream:\n view %s\n fold %s", ref, v, fresh)
			}
		}
	}
}

func refoldForTest(t testing.TB, s *Store, ref wire.EntityRef) []byte {
	t.Helper()
	evs, err := s.Stream(ref)
	if err != nil {
		t.Fatal(err)
	}
	var state []byte
	for _, ev := range evs {
		if state, err = TraceFold(ref, state, ev); err != nil {
			t.Fatal(err)
		}
	}
	return state
}

// snapshotViews returns every view of the store, keyed by kind/id.
func snapshotViews(t testing.TB, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	kinds, err := s.Kinds()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range kinds {
		err := s.Views(kind, func(id string, v []byte) error {
			out[kind+"/"+id] = string(v)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}
