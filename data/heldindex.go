package data

import (
	"slices"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
)

// Counting what is open from an index's keys (the items loans still have
// out) walks the index in Badger, where a deleted key stays behind as a
// deletion marker until compaction drops it, and the walk steps over each
// one. An index whose entities come and go all day (a loan lent, then
// returned) gathers them by the thousand, and the walk grows with the
// history. So IndexKeys holds an index's keys in memory from its first
// read on, and each commit moves the entries there as it moves them in
// Badger: later reads walk only the entries there are.

// heldIndexes are the indexes IndexKeys has read: the sorted full keys of
// each one's entries, by index name.
type heldIndexes struct {
	mu     sync.Mutex
	byName map[string][]string
}

// heldKeys returns the full keys of index name's entries in order,
// reading them from Badger the first time. The caller must not change
// the slice.
func (s *Store) heldKeys(name string) ([]string, error) {
	s.held.mu.Lock()
	keys, ok := s.held.byName[name]
	s.held.mu.Unlock()
	if ok {
		return keys, nil
	}
	s.mu.Lock() // no commit may land between the read and holding it
	defer s.mu.Unlock()
	keys = []string{}
	err := s.view(func(txn *badger.Txn) error {
		return scanKeys(txn, indexPrefix(name), func(k []byte) error {
			keys = append(keys, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	s.held.mu.Lock()
	defer s.held.mu.Unlock()
	if s.held.byName == nil {
		s.held.byName = map[string][]string{}
	}
	s.held.byName[name] = keys
	return keys, nil
}

// move applies a committed transaction's index changes (full keys, set
// or deleted) to the indexes held. Each held index gets a new slice, so
// a reader keeps the one it has.
func (h *heldIndexes) move(changes map[string]bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for k, set := range changes {
		if k[0] != pIndex {
			continue // filed ByPrefix: never held
		}
		name, _, _ := strings.Cut(k[1:], "\x00")
		keys, ok := h.byName[name]
		if !ok {
			continue
		}
		i, found := slices.BinarySearch(keys, k)
		switch {
		case set && !found:
			h.byName[name] = slices.Insert(slices.Clip(keys), i, k)
		case !set && found:
			h.byName[name] = slices.Delete(slices.Clone(keys), i, i+1)
		}
	}
}

// drop forgets every held index: the indexes were built again.
func (h *heldIndexes) drop() {
	h.mu.Lock()
	h.byName = nil
	h.mu.Unlock()
}
