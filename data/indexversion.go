package data

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// An IndexVersion is "<core>" or "<core>;<kind>=<version>;...": the
// version of what the IndexFunc files for every kind, then the versions
// of what it files for single kinds. When only a kind's version changed
// (a register added an index), Open files again that kind's views only,
// not the whole history: at 700,000 records a full rebuild takes over a
// minute, one kind's a few seconds.
type indexVersion struct {
	core  string
	kinds map[string]string
}

func parseIndexVersion(s string) indexVersion {
	parts := strings.Split(s, ";")
	v := indexVersion{core: parts[0], kinds: map[string]string{}}
	for _, p := range parts[1:] {
		if kind, ver, ok := strings.Cut(p, "="); ok && kind != "" {
			v.kinds[kind] = ver
		}
	}
	return v
}

// staleKinds are the kinds whose indexes were built by another version
// than want, all being false; all is true when every index must be built
// again (the core version changed, or there are none yet).
func staleKinds(built string, found bool, want string) (kinds []string, all bool) {
	if !found {
		return nil, true
	}
	b, w := parseIndexVersion(built), parseIndexVersion(want)
	if b.core != w.core {
		return nil, true
	}
	for kind := range maps.Keys(w.kinds) {
		if b.kinds[kind] != w.kinds[kind] {
			kinds = append(kinds, kind)
		}
	}
	for kind := range maps.Keys(b.kinds) {
		if _, ok := w.kinds[kind]; !ok {
			kinds = append(kinds, kind)
		}
	}
	slices.Sort(kinds)
	return slices.Compact(kinds), false
}

// rebuild drops the index entries of kinds' entities (every entry, for
// nil kinds) and files their views again, reporting progress, then
// records the store's IndexVersion. Writes wait meanwhile.
func (s *Store) rebuild(kinds []string, progress func(done, total int)) error {
	start := time.Now()
	what := "rebuild indexes"
	if kinds != nil {
		what = fmt.Sprintf("rebuild indexes of %v", kinds)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.held.drop()
	if err := s.roomToWrite(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	prefixes := [][]byte{{pView}}
	if kinds == nil {
		if err := s.db.DropPrefix([]byte{pIndex}, []byte{pPrefixIndex}); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	} else {
		prefixes = make([][]byte, len(kinds))
		for i, kind := range kinds {
			prefixes[i] = viewPrefix(kind)
		}
		if err := s.dropOwnedIndexes(kinds); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.view(func(txn *badger.Txn) error {
		if kinds != nil {
			if err := dropEntriesOf(txn, wb, kinds); err != nil {
				return err
			}
		}
		c := newRebuildCount(txn, progress, prefixes...)
		for _, p := range prefixes {
			if err := s.fileViews(txn, wb, p, c); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = wb.Set(metaKey("indexver"), []byte(s.opts.IndexVersion))
	}
	if err == nil {
		err = wb.Flush()
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if kinds == nil {
		s.logRebuild(start, "indexes built again")
	} else {
		s.logRebuild(start, "indexes built again", "kinds", kinds)
	}
	return nil
}

// dropOwnedIndexes drops whole the indexes that file entities of kinds
// only (a register's own: its status, its word index...), as Badger drops
// a prefix, leaving no deleted keys behind; dropEntriesOf then deletes
// the kinds' entries from indexes shared with other kinds. A drop by
// deletes leaves a tombstone for each entry until compaction reaches the
// bottom of the tree, and a read that starts before them steps over them
// all: after the found items' word index was filed anew, one search at
// 700,000 records stepped over six million and took two seconds.
func (s *Store) dropOwnedIndexes(kinds []string) error {
	var owned [][]byte
	err := s.view(func(txn *badger.Txn) (err error) {
		owned, err = ownedIndexes(txn, kinds)
		return err
	})
	if err != nil || len(owned) == 0 {
		return err
	}
	return s.db.DropPrefix(owned...)
}

// ownedIndexes are the key prefixes of the indexes whose entries all file
// entities of kinds. It reads the keys of those indexes, and of the
// others up to their first entry of another kind.
func ownedIndexes(txn *badger.Txn, kinds []string) ([][]byte, error) {
	of := map[string]bool{}
	for _, k := range kinds {
		of[k] = true
	}
	o := badger.DefaultIteratorOptions
	o.PrefetchValues = false
	it := txn.NewIterator(o)
	defer it.Close()
	var owned [][]byte
	for _, p := range []byte{pIndex, pPrefixIndex} {
		var base []byte // the index being read: its prefix byte, name and \0
		mine := false
		for it.Seek([]byte{p}); it.ValidForPrefix([]byte{p}); {
			k := it.Item().Key()
			nul := bytes.IndexByte(k, 0)
			if nul < 0 {
				it.Next()
				continue
			}
			if !bytes.HasPrefix(k, base) || base == nil {
				if mine {
					owned = append(owned, base)
				}
				base, mine = bytes.Clone(k[:nul+1]), true
			}
			if ref, ok := entryRef(k); ok && of[ref.Kind] {
				it.Next()
				continue
			}
			mine = false // another kind's entry: skip the rest of this index
			it.Seek(append(bytes.Clone(base[:len(base)-1]), 1))
		}
		if mine {
			owned = append(owned, base)
		}
	}
	return owned, nil
}

// dropEntriesOf deletes every index entry of an entity of kinds (reading
// keys only).
func dropEntriesOf(txn *badger.Txn, wb *badger.WriteBatch, kinds []string) error {
	of := map[string]bool{}
	for _, k := range kinds {
		of[k] = true
	}
	for _, p := range []byte{pIndex, pPrefixIndex} {
		err := scanKeys(txn, []byte{p}, func(k []byte) error {
			if ref, ok := entryRef(k); ok && of[ref.Kind] {
				return wb.Delete(bytes.Clone(k))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// entryRef is the entity an index entry's full key files.
func entryRef(k []byte) (wire.EntityRef, bool) {
	nul := bytes.IndexByte(k, 0)
	if nul < 0 {
		return wire.EntityRef{}, false
	}
	rest := k[nul+1:]
	if k[0] == pPrefixIndex {
		_, ref, ok := splitPrefixIndexKey(rest)
		return ref, ok
	}
	if len(rest) < 2 {
		return wire.EntityRef{}, false
	}
	n := int(binary.BigEndian.Uint16(rest))
	if len(rest) < 2+n {
		return wire.EntityRef{}, false
	}
	kind, id, found := bytes.Cut(rest[2+n:], []byte{0})
	return wire.EntityRef{Kind: string(kind), ID: string(id)}, found
}

// rebuildCount counts the views filed for a progress report.
type rebuildCount struct {
	progress    func(done, total int)
	done, total int
}

// newRebuildCount counts the views under prefixes (keys only) when progress
// wants reports.
func newRebuildCount(txn *badger.Txn, progress func(done, total int), prefixes ...[]byte) *rebuildCount {
	c := &rebuildCount{progress: progress}
	if progress != nil {
		for _, p := range prefixes {
			c.total += countKeys(txn, p)
		}
		progress(0, c.total)
	}
	return c
}

// filed counts one view, reporting every 1,000 and at the last.
func (c *rebuildCount) filed() {
	c.done++
	if c.progress != nil && (c.done%1000 == 0 || c.done == c.total) {
		c.progress(c.done, c.total)
	}
}

// fileViews writes the index entries of every view under prefix.
func (s *Store) fileViews(txn *badger.Txn, wb *badger.WriteBatch, prefix []byte, c *rebuildCount) error {
	return scan(txn, prefix, func(k, v []byte) error {
		c.filed()
		kind, id, _ := bytes.Cut(k[1:], []byte{0})
		keys, err := s.entryKeys(wire.EntityRef{Kind: string(kind), ID: string(id)}, v)
		for ik, carried := range keys {
			if err == nil {
				err = wb.Set([]byte(ik), carried)
			}
		}
		return err
	})
}

// logRebuild logs a rebuild of the indexes: as news when it took long
// enough for someone to notice, else for debugging.
func (s *Store) logRebuild(start time.Time, msg string, args ...any) {
	took := time.Since(start)
	args = append(args, "took", took.Round(time.Millisecond))
	if took < time.Second {
		s.log.Debug(msg, args...)
		return
	}
	s.log.Info(msg, args...)
}
