package badgerstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"floordesk/server"
)

// Erase rewrites property's event id as erase makes it, under its
// sequence (server.ErrNotFound when property does not hold it), and marks the old value for Badger to discard: no backup made
// after it holds the old value, and Badger's files keep it only until
// compaction and value-log GC reclaim it (the store is encrypted at rest).
func (s *Store) Erase(_ context.Context, property, id string, erase func([]byte) ([]byte, error)) error {
	err := s.update(func(txn *badger.Txn) error {
		item, err := txn.Get(idKey(id))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return server.ErrNotFound
		}
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		prop, seq, ok := splitIDValue(v)
		if !ok || prop != property {
			return server.ErrNotFound
		}
		stored, err := txn.Get(eventKey(property, seq))
		if err != nil {
			return err
		}
		raw, err := stored.ValueCopy(nil)
		if err != nil {
			return err
		}
		out, err := erase(raw)
		if err != nil {
			return err
		}
		// Discarding the earlier versions keeps them out of every backup
		// from now on (Badger's backup stops at the discard) and lets
		// compaction drop them.
		return txn.SetEntry(badger.NewEntry(eventKey(property, seq), out).WithDiscard())
	})
	if err != nil {
		return fmt.Errorf("erase %s: %w", id, err)
	}
	return nil
}
