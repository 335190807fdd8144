package data

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// Erase rewrites the stored event id as erase returns it, under the same
// stream key, and leaves every view as it is. It is the one change the
// store makes to an event it holds: destroying the key of a guest's
// personal data (data/pkey, app/personal) erases the body that carried
// the key, on every desk. erase must keep the envelope (ID, entity, time,
// desk) and may change only the body; an event erase leaves unchanged is
// not written again. An unknown ID is not an error: the event may never
// have reached this desk.
//
// Badger keeps an overwritten value in its files until compaction and
// value-log GC reclaim it; the store is encrypted at rest, and Badger's
// own cleanup drops the old value in time.
func (s *Store) Erase(id string, erase func(wire.Event) wire.Event) error {
	return s.EraseAll([]string{id}, erase)
}

// eraseChunk is how many events EraseAll rewrites in one transaction.
const eraseChunk = 256

// EraseAll is Erase of each of ids, eraseChunk events to a transaction
// (a purge of thousands of records erases as many events).
func (s *Store) EraseAll(ids []string, erase func(wire.Event) wire.Event) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), eraseChunk)]
		ids = ids[len(chunk):]
		if err := s.roomToWrite(); err != nil {
			return fmt.Errorf("erase %s: %w", chunk[0], err)
		}
		if err := s.db.Update(func(txn *badger.Txn) error { return eraseIDs(txn, chunk, erase) }); err != nil {
			return fmt.Errorf("erase %s: %w", chunk[0], err)
		}
	}
	return nil
}

func eraseIDs(txn *badger.Txn, ids []string, erase func(wire.Event) wire.Event) error {
	for _, id := range ids {
		idx, err := get(txn, eventKey(id))
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		_, sk := splitIndex(idx)
		if err := eraseAt(txn, sk, erase); err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
	}
	return nil
}

func eraseAt(txn *badger.Txn, streamKey []byte, erase func(wire.Event) wire.Event) error {
	old, err := get(txn, streamKey)
	if err != nil {
		return err
	}
	ev, err := wire.DecodeEvent(old)
	if err != nil {
		return err
	}
	out := erase(ev)
	if out.ID != ev.ID || out.Entity != ev.Entity || out.HLC != ev.HLC || out.Desk != ev.Desk {
		return fmt.Errorf("erase may change only the body of %s", ev.ID)
	}
	enc, err := out.Encode()
	if err != nil || bytes.Equal(enc, old) {
		return err
	}
	// Discard the earlier versions: compaction may drop them at once.
	return txn.SetEntry(badger.NewEntry(streamKey, enc).WithDiscard())
}
