package data

import (
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// Outbox returns up to limit local events the server has not acknowledged,
// oldest first.
func (s *Store) Outbox(limit int) ([]wire.Event, error) {
	var out []wire.Event
	err := s.view(func(txn *badger.Txn) error {
		return scan(txn, []byte{pOutbox}, func(_, sk []byte) error {
			if len(out) >= limit {
				return errStop
			}
			ev, err := getEvent(txn, sk)
			out = append(out, ev)
			return err
		})
	})
	return out, err
}

// OutboxLen counts the events waiting to go to the server.
func (s *Store) OutboxLen() (int, error) {
	n := 0
	err := s.view(func(txn *badger.Txn) error {
		n = countKeys(txn, []byte{pOutbox})
		return nil
	})
	return n, err
}

// Ack removes events from the outbox once the server has stored them.
// Unknown IDs and IDs already acknowledged are ignored, so a repeated
// acknowledgement is harmless.
func (s *Store) Ack(ids []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		for _, id := range ids {
			idx, err := get(txn, eventKey(id))
			if errors.Is(err, ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			seq, _ := splitIndex(idx)
			if err := txn.Delete(seqKey(pOutbox, seq)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("ack: %w", err)
	}
	s.feed.publish(nil)
	return nil
}
