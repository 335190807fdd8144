package data

import (
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// Cursor is the last server sequence this desk has pulled, 0 when never.
func (s *Store) Cursor() (uint64, error) {
	var c uint64
	err := s.view(func(txn *badger.Txn) (err error) {
		c, err = getU64(txn, metaKey("cursor"))
		return err
	})
	return c, err
}

// Epoch is the server epoch this desk last synced with, "" when never.
func (s *Store) Epoch() (string, error) {
	var e string
	err := s.view(func(txn *badger.Txn) (err error) {
		e, err = getString(txn, metaKey("epoch"))
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return "", nil
	}
	return e, err
}

// Requeue prepares the desk for a server with a new epoch (one restored
// from a backup): every event the desk holds goes back into the outbox
// (those set aside too: the new server may take them), the
// pull cursor returns to 0, and the epoch is recorded last, so a crash part
// way through makes the sync client simply do it again.
func (s *Store) Requeue(epoch string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if err := s.roomToWrite(); err != nil {
		return fmt.Errorf("requeue: %w", err)
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	queued := 0
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte{pLog}, func(k, sk []byte) error {
			return wb.Set(seqKey(pOutbox, uint64FromBytes(k[1:])), sk)
		})
	})
	if err == nil {
		err = wb.Flush()
	}
	if err == nil {
		err = s.db.Update(func(txn *badger.Txn) error {
			if err := txn.Set(metaKey("cursor"), encodeU64(0)); err != nil {
				return err
			}
			if err := dropAside(txn); err != nil {
				return err
			}
			queued = countKeys(txn, []byte{pOutbox})
			if err := setOutboxCount(txn, queued); err != nil {
				return err
			}
			return txn.Set(metaKey("epoch"), []byte(epoch))
		})
	}
	if err != nil {
		return fmt.Errorf("requeue: %w", err)
	}
	s.outbox = queued
	s.feed.publish(nil)
	return nil
}

// SetEpoch records the server epoch without requeueing (first contact).
func (s *Store) SetEpoch(epoch string) error {
	return s.put(metaKey("epoch"), []byte(epoch))
}

// Setting returns a named setting (server URL, desk token, language...),
// or ErrNotFound.
func (s *Store) Setting(name string) (string, error) {
	var v string
	err := s.view(func(txn *badger.Txn) (err error) {
		v, err = getString(txn, settingKey(name))
		return err
	})
	return v, err
}

// SetSetting stores a named setting durably and signals subscribers, with
// no entity changed.
func (s *Store) SetSetting(name, value string) error {
	return s.put(settingKey(name), []byte(value))
}

func (s *Store) put(k, v []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if err := s.roomToWrite(); err != nil {
		return fmt.Errorf("save %s: %w", k[1:], err)
	}
	err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(k, v) })
	if err != nil {
		return fmt.Errorf("save %s: %w", k[1:], err)
	}
	s.feed.publish(nil) // settings (the server, the language) are state the UI shows
	return nil
}

// Stats describes the store for the status screen.
type Stats struct {
	Dir      string
	Desk     string
	Events   int            // events stored, local and remote
	Entities int            // entities with a view
	Outbox   int            // events waiting to go to the server
	SetAside int            // events the server refused for good, kept for IT (SetAsideEvents)
	Cursor   uint64         // last server sequence pulled
	LastHLC  wire.Timestamp // the clock's latest reading
}

// Stats counts the store's contents from one snapshot.
func (s *Store) Stats() (Stats, error) {
	st := Stats{Dir: s.opts.Dir, Desk: s.desk, LastHLC: s.clock.Last()}
	st.Outbox, _ = s.OutboxLen()
	err := s.view(func(txn *badger.Txn) (err error) {
		st.Events = countKeys(txn, []byte{pEvent})
		st.Entities = countKeys(txn, []byte{pView})
		st.SetAside = countKeys(txn, []byte{pAside})
		st.Cursor, err = getU64(txn, metaKey("cursor"))
		return err
	})
	return st, err
}
