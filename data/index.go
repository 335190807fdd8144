package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// IndexFunc lists the index entries of an entity's view (none for a view
// that belongs in no index). It must be pure and quick: the store calls
// it in every write, for the view before and after.
type IndexFunc func(ref wire.EntityRef, view []byte) []wire.IndexEntry

// Index keys:
//
//	x<name>\0<len(key):2><key><kind>\0<id>  -> (empty)
//
// The key's length makes any bytes (a big-endian time) safe in it; entries
// of an index sort by key, then kind and entity.
const pIndex = 'x'

// maxIndexKey is the longest index key an IndexFunc may give.
const maxIndexKey = 1 << 10

func indexPrefix(name string) []byte {
	k := append([]byte{pIndex}, name...)
	return append(k, 0)
}

func indexKey(e wire.IndexEntry, ref wire.EntityRef) []byte {
	k := indexPrefix(e.Name)
	k = binary.BigEndian.AppendUint16(k, uint16(len(e.Key)))
	k = append(k, e.Key...)
	k = append(k, ref.Kind...)
	k = append(k, 0)
	return append(k, ref.ID...)
}

// splitIndexKey returns an index key's sort key and entity; ok is false
// for a malformed key.
func splitIndexKey(k []byte, name string) (key []byte, ref wire.EntityRef, ok bool) {
	rest := k[len(indexPrefix(name)):]
	if len(rest) < 2 {
		return nil, ref, false
	}
	n := int(binary.BigEndian.Uint16(rest))
	if len(rest) < 2+n {
		return nil, ref, false
	}
	key, rest = rest[2:2+n], rest[2+n:]
	kind, id, found := bytes.Cut(rest, []byte{0})
	if !found {
		return nil, ref, false
	}
	return key, wire.EntityRef{Kind: string(kind), ID: string(id)}, true
}

// entryKeys are the index entries of a view: their keys, and what each
// carries (the view, for an entry that asks for it).
func (s *Store) entryKeys(ref wire.EntityRef, view []byte) (map[string][]byte, error) {
	if s.opts.Index == nil || len(view) == 0 {
		return nil, nil
	}
	keys := map[string][]byte{}
	for _, e := range s.opts.Index(ref, view) {
		if e.Name == "" || bytes.IndexByte([]byte(e.Name), 0) >= 0 || len(e.Key) > maxIndexKey {
			return nil, fmt.Errorf("index %s: entry %q with a key of %d bytes", ref, e.Name, len(e.Key))
		}
		var carried []byte
		if e.View {
			carried = view
		}
		keys[string(entryKey(e, ref))] = carried
	}
	return keys, nil
}

// filing is what a write transaction moves in the indexes for one entity:
// from the entries of its view as committed to those of its view as last
// written in the transaction.
type filing struct {
	committed map[string][]byte
	view      []byte
}

// setView writes an entity's new view; old is its view before (as
// committed, at its first write in the transaction). Its index entries
// move at commit (fileViews), once however many of the transaction's
// events touch it, so an entry that comes and goes within one batch (a
// loan lent and returned in a pull) never reaches the store, not even as
// a deletion that later scans of the index would step over.
func (w *writer) setView(ref wire.EntityRef, old, next []byte) error {
	f := w.filed[ref]
	if f == nil {
		keys, err := w.s.entryKeys(ref, old)
		if err != nil {
			return err
		}
		f = &filing{committed: keys}
		w.filed[ref] = f
	}
	f.view = next
	return w.set(viewKey(ref), next)
}

// fileViews moves the index entries of every entity the transaction
// wrote, from those of its committed view to those of its last one.
func (w *writer) fileViews() error {
	for ref, f := range w.filed {
		after, err := w.s.entryKeys(ref, f.view)
		if err != nil {
			return err
		}
		for k := range f.committed {
			if _, kept := after[k]; !kept {
				if err := translateTxnError(w.txn.Delete([]byte(k))); err != nil {
					return err
				}
				w.moved[k] = false
			}
		}
		for k, carried := range after {
			if was, ok := f.committed[k]; !ok || !bytes.Equal(was, carried) {
				if err := w.set([]byte(k), carried); err != nil {
					return err
				}
				w.moved[k] = true
			}
		}
	}
	return nil
}

// Indexed calls fn for each entity filed under index name, in key order,
// with its sort key and its view. Its cost follows the entries of the
// index, not the number of views in the store.
func (s *Store) Indexed(name string, fn func(key []byte, ref wire.EntityRef, view []byte) error) error {
	return s.scanIndex(name, indexPrefix(name), indexPrefix(name), nil, fn)
}

// IndexedAt is Indexed for the entries of index name whose key is key.
func (s *Store) IndexedAt(name string, key []byte, fn func(ref wire.EntityRef, view []byte) error) error {
	prefix := binary.BigEndian.AppendUint16(indexPrefix(name), uint16(len(key)))
	prefix = append(prefix, key...)
	return s.scanIndex(name, prefix, prefix, nil, func(_ []byte, ref wire.EntityRef, view []byte) error { return fn(ref, view) })
}

// IndexedRange is Indexed for the entries of index name whose key k has
// from <= k < to. An index sorts keys by their length before their
// bytes, so a range holds keys of from's length only: it is meant for
// keys of one width, such as dates or big-endian times.
func (s *Store) IndexedRange(name string, from, to []byte, fn func(key []byte, ref wire.EntityRef, view []byte) error) error {
	start := binary.BigEndian.AppendUint16(indexPrefix(name), uint16(len(from)))
	start = append(start, from...)
	past := func(key []byte) bool { return len(key) != len(from) || bytes.Compare(key, to) >= 0 }
	return s.scanIndex(name, start, indexPrefix(name), past, fn)
}

// IndexKeys calls fn for each entry of index name, in key order, without
// reading the views: for answers the keys alone give, such as counts. The
// index is held in memory from its first read on (heldindex.go), so its
// cost follows the entries there are, not those there were.
func (s *Store) IndexKeys(name string, fn func(key []byte, ref wire.EntityRef) error) error {
	keys, err := s.heldKeys(name)
	if err != nil {
		return err
	}
	for _, k := range keys {
		key, ref, ok := splitIndexKey([]byte(k), name)
		if !ok {
			continue
		}
		if err := fn(key, ref); err != nil {
			return err
		}
	}
	return nil
}

// scanIndex gives fn the entries of index name under prefix with their
// views (carried by the entry, else read), from one snapshot, starting at
// start and ending before the first key past reports (nil: at the end of
// prefix).
func (s *Store) scanIndex(name string, start, prefix []byte, past func(key []byte) bool, fn func(key []byte, ref wire.EntityRef, view []byte) error) error {
	return s.view(func(txn *badger.Txn) error {
		return scanFrom(txn, start, prefix, func(k, carried []byte) error {
			key, ref, ok := splitIndexKey(k, name)
			if !ok {
				return nil
			}
			if past != nil && past(key) {
				return errStop
			}
			if len(carried) > 0 {
				return fn(key, ref, carried)
			}
			view, err := get(txn, viewKey(ref))
			if errors.Is(err, ErrNotFound) {
				return nil // an entry left by an older build; the next rebuild drops it
			}
			if err != nil {
				return err
			}
			return fn(key, ref, view)
		})
	})
}

// staleIndexes are the indexes Open found built by another IndexFunc
// version (or never): all of them, or those of some kinds (see
// indexVersion).
type staleIndexes struct {
	all   bool
	kinds []string
}

func (st staleIndexes) any() bool { return st.all || len(st.kinds) > 0 }

// findStale compares the version the indexes were built with to the
// store's IndexVersion.
func (s *Store) findStale() (staleIndexes, error) {
	var built string
	err := s.view(func(txn *badger.Txn) (err error) {
		built, err = getString(txn, metaKey("indexver"))
		return err
	})
	if err != nil && !errors.Is(err, ErrNotFound) {
		return staleIndexes{}, err
	}
	kinds, all := staleKinds(built, err == nil, s.opts.IndexVersion)
	return staleIndexes{all: all, kinds: kinds}, nil
}

// checkIndexes builds the stale indexes at Open, unless the store was
// opened with DeferIndexes (the caller then calls BuildIndexes).
func (s *Store) checkIndexes() error {
	stale, err := s.findStale()
	if err != nil || !stale.any() {
		return err
	}
	if s.opts.DeferIndexes && s.hasViews() {
		s.stale = stale
		return nil
	}
	return s.buildStale(stale, nil)
}

// hasViews reports whether the store holds any view: a new store's
// indexes are built at once, there being nothing to file.
func (s *Store) hasViews() bool {
	found := false
	_ = s.view(func(txn *badger.Txn) error {
		return scanKeys(txn, []byte{pView}, func([]byte) error { found = true; return errStop })
	})
	return found
}

// IndexesStale reports whether the store was opened with DeferIndexes and
// its indexes must be built (BuildIndexes) before any query: a new
// version that files more, or files differently.
func (s *Store) IndexesStale() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stale.any()
}

// BuildIndexes builds the indexes IndexesStale found stale, calling
// progress (when not nil) now and then with the views filed so far and
// the views to file in all. Writes wait meanwhile.
func (s *Store) BuildIndexes(progress func(done, total int)) error {
	s.mu.Lock()
	stale := s.stale
	s.mu.Unlock()
	if !stale.any() {
		return nil
	}
	if err := s.buildStale(stale, progress); err != nil {
		return err
	}
	s.mu.Lock()
	s.stale = staleIndexes{}
	s.mu.Unlock()
	return nil
}

func (s *Store) buildStale(stale staleIndexes, progress func(done, total int)) error {
	if stale.all {
		return s.rebuild(nil, progress)
	}
	return s.rebuild(stale.kinds, progress)
}

// RebuildIndexes drops every index entry and files every view again with
// the store's IndexFunc, then records its version. Writes wait meanwhile.
func (s *Store) RebuildIndexes() error { return s.rebuild(nil, nil) }
