package badgerstore

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// The ID index maps each event ID to where its event is stored, so that a
// push of a known ID can be compared with the stored event: the same is a
// duplicate, other content a conflict.

// idIndexKey marks a store whose ID index holds sequences.
const idIndexKey = "m/id-index"

func idValue(property string, seq uint64) []byte {
	v := make([]byte, 0, len(property)+9)
	v = append(v, property...)
	v = append(v, '/')
	return binary.BigEndian.AppendUint64(v, seq)
}

// splitIDValue reads an ID index value; ok is false for an entry written
// before the index kept sequences (the property alone).
func splitIDValue(v []byte) (property string, seq uint64, ok bool) {
	if len(v) < 10 || v[len(v)-9] != '/' {
		return "", 0, false
	}
	return string(v[:len(v)-9]), binary.BigEndian.Uint64(v[len(v)-8:]), true
}

// upgradeIDIndex gives every entry of the ID index its event's sequence,
// once, in a store from before the index kept them: it reads every event
// (a while for a large store, at the first start of this version only).
func (s *Store) upgradeIDIndex() error {
	err := s.db.View(func(txn *badger.Txn) error {
		_, err := txn.Get([]byte(idIndexKey))
		return err
	})
	if err == nil {
		return nil
	}
	if !errors.Is(err, badger.ErrKeyNotFound) {
		return fmt.Errorf("id index: %w", err)
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err = s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(evPrefix), PrefetchValues: true, PrefetchSize: 100})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := reindex(wb, it.Item()); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = wb.Set([]byte(idIndexKey), []byte("2"))
	}
	if err == nil {
		err = wb.Flush()
	}
	if err != nil {
		return fmt.Errorf("id index: %w", err)
	}
	return nil
}

// reindex points the ID index at one stored event (e/PROPERTY/SEQ).
func reindex(wb *badger.WriteBatch, item *badger.Item) error {
	k := item.Key()
	if len(k) < len(evPrefix)+10 || k[len(k)-9] != '/' {
		return nil
	}
	property := string(k[len(evPrefix) : len(k)-9])
	seq := binary.BigEndian.Uint64(k[len(k)-8:])
	raw, err := item.ValueCopy(nil)
	if err != nil {
		return err
	}
	ev, err := wire.DecodeEvent(raw)
	if err != nil || ev.ID == "" {
		return nil // not an event this build reads: left as it was
	}
	return wb.Set(idKey(ev.ID), idValue(property, seq))
}
