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

// OutboxLen is how many events wait to go to the server. The store keeps
// the count beside the outbox, in the same transactions, so asking costs
// nothing however long the desk has worked without a server.
func (s *Store) OutboxLen() (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, ErrClosed
	}
	return s.outbox, nil
}

// loadOutboxCount reads the outbox count; a store from before the count
// was kept is counted once, and the count saved.
func loadOutboxCount(txn *badger.Txn) (int, error) {
	v, err := get(txn, metaKey("outbox"))
	if err == nil {
		return int(uint64FromBytes(v)), nil
	}
	if !errors.Is(err, ErrNotFound) {
		return 0, err
	}
	count := countKeys(txn, []byte{pOutbox})
	return count, setOutboxCount(txn, count)
}

func setOutboxCount(txn *badger.Txn, n int) error {
	return txn.Set(metaKey("outbox"), encodeU64(uint64(n)))
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
	if err := s.roomToWrite(); err != nil {
		return fmt.Errorf("ack: %w", err)
	}
	removed := 0
	err := s.db.Update(func(txn *badger.Txn) error {
		removed = 0
		for _, id := range ids {
			ok, err := ackOne(txn, id)
			if err != nil {
				return err
			}
			if ok {
				removed++
			}
		}
		return setOutboxCount(txn, max(0, s.outbox-removed))
	})
	if err != nil {
		return fmt.Errorf("ack: %w", err)
	}
	s.outbox = max(0, s.outbox-removed)
	s.feed.publish(nil)
	return nil
}

// ackOne takes event id out of the outbox and reports whether it was in
// it.
func ackOne(txn *badger.Txn, id string) (bool, error) {
	seq, _, ok, err := outboxEntry(txn, id)
	if err != nil || !ok {
		return false, err
	}
	return true, txn.Delete(seqKey(pOutbox, seq))
}
