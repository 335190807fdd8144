package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// Get returns the event with that ID, or ErrNotFound.
func (s *Store) Get(id string) (wire.Event, error) {
	var ev wire.Event
	err := s.view(func(txn *badger.Txn) error {
		idx, err := get(txn, eventKey(id))
		if err != nil {
			return err
		}
		_, sk := splitIndex(idx)
		ev, err = getEvent(txn, sk)
		return err
	})
	return ev, err
}

// Stream returns the entity's events in fold order; empty when it has none.
func (s *Store) Stream(ref wire.EntityRef) ([]wire.Event, error) {
	var out []wire.Event
	err := s.view(func(txn *badger.Txn) error {
		return scan(txn, streamPrefix(ref), func(_, v []byte) error {
			ev, err := wire.DecodeEvent(v)
			out = append(out, ev)
			return err
		})
	})
	return out, err
}

// StreamSince returns an entity's events stamped at since or later, in
// fold order: one seek into the stream, so reading a key's last week
// does not read its years before.
func (s *Store) StreamSince(ref wire.EntityRef, since wire.Timestamp) ([]wire.Event, error) {
	var out []wire.Event
	prefix := streamPrefix(ref)
	start := binary.BigEndian.AppendUint64(slices.Clip(prefix), uint64(since))
	err := s.view(func(txn *badger.Txn) error {
		return scanFrom(txn, start, prefix, func(_, v []byte) error {
			ev, err := wire.DecodeEvent(v)
			out = append(out, ev)
			return err
		})
	})
	return out, err
}

// View returns the entity's folded state, or ErrNotFound. The view may
// be shared with the store's cache (viewcache.go): it must not be changed.
func (s *Store) View(ref wire.EntityRef) ([]byte, error) {
	key := viewKey(ref)
	v, gen, ok := s.views.get(key)
	switch {
	case ok && v == nil:
		return nil, ErrNotFound
	case ok:
		return v, nil
	}
	err := s.view(func(txn *badger.Txn) (err error) {
		v, err = get(txn, key)
		return err
	})
	switch {
	case err == nil && len(v) > 0:
		s.views.add(key, v, gen)
	case errors.Is(err, ErrNotFound):
		s.views.add(key, nil, gen)
	}
	return v, err
}

// Views calls fn with every view of one kind, in entity ID order, from one
// consistent snapshot. fn must not keep state past the call unless it copies.
func (s *Store) Views(kind string, fn func(id string, state []byte) error) error {
	prefix := viewPrefix(kind)
	return s.view(func(txn *badger.Txn) error {
		return scan(txn, prefix, func(k, v []byte) error {
			return fn(string(k[len(prefix):]), v)
		})
	})
}

// Kinds lists the entity kinds that have views.
func (s *Store) Kinds() ([]string, error) {
	seen := map[string]bool{}
	err := s.view(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix, o.PrefetchValues = []byte{pView}, false
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Seek(o.Prefix); it.Valid(); it.Next() {
			k := it.Item().Key()[1:]
			seen[string(k[:bytes.IndexByte(k, 0)])] = true
		}
		return nil
	})
	kinds := make([]string, 0, len(seen))
	for k := range seen {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	return kinds, err
}

// Log returns up to limit events in the order this desk stored them, after
// the log position after; and the position of the last one returned.
func (s *Store) Log(after uint64, limit int) ([]wire.Event, uint64, error) {
	var out []wire.Event
	next := after
	err := s.view(func(txn *badger.Txn) error {
		return scanFrom(txn, seqKey(pLog, after+1), []byte{pLog}, func(k, sk []byte) error {
			if len(out) >= limit {
				return errStop
			}
			ev, err := getEvent(txn, sk)
			out, next = append(out, ev), uint64FromBytes(k[1:])
			return err
		})
	})
	return out, next, err
}

func getEvent(txn *badger.Txn, sk []byte) (wire.Event, error) {
	v, err := get(txn, sk)
	if err != nil {
		return wire.Event{}, fmt.Errorf("event index: %w", err)
	}
	return wire.DecodeEvent(v)
}

// view runs a read-only transaction, translating errors.
func (s *Store) view(fn func(txn *badger.Txn) error) error {
	err := s.db.View(fn)
	switch {
	case err == nil, errors.Is(err, ErrNotFound):
		return err
	case errors.Is(err, badger.ErrDBClosed):
		return ErrClosed
	}
	return err
}
