package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// Events the server refuses for good (it holds another event with the
// same ID, or the event breaks a limit this desk's version did not know)
// are set aside: out of the outbox, so the events after them still go,
// and kept with the server's reason until IT sends them again:
//
//	a<logseq:8>  -> asideRecord (JSON)
//
// The event itself stays in the log and in its entity's view on this desk.
const pAside = 'a'

// asideRecord is what is kept of an event set aside.
type asideRecord struct {
	Stream []byte    `json:"stream"` // the event's stream key
	Reason string    `json:"reason"` // the server's words, for IT
	At     time.Time `json:"at"`
}

// SetAsideEvent is an event the server refused for good, with its reason.
type SetAsideEvent struct {
	Event  wire.Event
	Reason string
	At     time.Time // when it was set aside
}

// SetAside takes event id out of the outbox and keeps it apart with the
// server's reason, so the outbox's later events are sent. An event not in
// the outbox is left alone.
func (s *Store) SetAside(id, reason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if err := s.roomToWrite(); err != nil {
		return fmt.Errorf("set aside: %w", err)
	}
	moved := false
	err := s.db.Update(func(txn *badger.Txn) error {
		seq, stream, ok, err := outboxEntry(txn, id)
		if err != nil || !ok {
			return err
		}
		rec, err := json.Marshal(asideRecord{Stream: stream, Reason: reason, At: s.opts.Wall().UTC()})
		if err != nil {
			return err
		}
		if err := txn.Delete(seqKey(pOutbox, seq)); err != nil {
			return err
		}
		if err := txn.Set(seqKey(pAside, seq), rec); err != nil {
			return err
		}
		moved = true
		return setOutboxCount(txn, max(0, s.outbox-1))
	})
	if err != nil {
		return fmt.Errorf("set aside %s: %w", id, err)
	}
	if moved {
		s.outbox = max(0, s.outbox-1)
		s.log.Warn("an event the server refuses was set aside", "event", id, "reason", reason)
		s.feed.publish(nil)
	}
	return nil
}

// outboxEntry finds event id's place in the outbox: its log sequence and
// stream key; ok is false when it is not in the outbox.
func outboxEntry(txn *badger.Txn, id string) (seq uint64, stream []byte, ok bool, err error) {
	idx, err := get(txn, eventKey(id))
	if errors.Is(err, ErrNotFound) {
		return 0, nil, false, nil
	}
	if err != nil {
		return 0, nil, false, err
	}
	seq, stream = splitIndex(idx)
	if _, err := txn.Get(seqKey(pOutbox, seq)); errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil, false, nil
	} else if err != nil {
		return 0, nil, false, err
	}
	return seq, stream, true, nil
}

// SetAsideEvents returns the events set aside, oldest first.
func (s *Store) SetAsideEvents() ([]SetAsideEvent, error) {
	var out []SetAsideEvent
	err := s.view(func(txn *badger.Txn) error {
		return scan(txn, []byte{pAside}, func(_, v []byte) error {
			var rec asideRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("set-aside record: %w", err)
			}
			ev, err := getEvent(txn, rec.Stream)
			if err != nil {
				return err
			}
			out = append(out, SetAsideEvent{Event: ev, Reason: rec.Reason, At: rec.At})
			return nil
		})
	})
	return out, err
}

// SetAsideLen is how many events are set aside.
func (s *Store) SetAsideLen() (int, error) {
	n := 0
	err := s.view(func(txn *badger.Txn) error {
		n = countKeys(txn, []byte{pAside})
		return nil
	})
	return n, err
}

// SendAgain puts every event set aside back in the outbox, in its old
// place, for the next push: once IT has dealt with why the server refused
// them. It returns how many went back.
func (s *Store) SendAgain() (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, ErrClosed
	}
	if err := s.roomToWrite(); err != nil {
		return 0, fmt.Errorf("send again: %w", err)
	}
	n := 0
	err := s.db.Update(func(txn *badger.Txn) error {
		type entry struct{ key, stream []byte }
		var back []entry
		err := scan(txn, []byte{pAside}, func(k, v []byte) error {
			var rec asideRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("set-aside record: %w", err)
			}
			back = append(back, entry{append([]byte(nil), k...), rec.Stream})
			return nil
		})
		for _, e := range back {
			if err == nil {
				err = txn.Set(append([]byte{pOutbox}, e.key[1:]...), e.stream)
			}
			if err == nil {
				err = txn.Delete(e.key)
			}
		}
		if err != nil {
			return err
		}
		n = len(back)
		return setOutboxCount(txn, s.outbox+n)
	})
	if err != nil {
		return 0, fmt.Errorf("send again: %w", err)
	}
	s.outbox += n
	s.feed.publish(nil)
	return n, nil
}

// dropAside forgets every event set aside: they are back in the outbox.
func dropAside(txn *badger.Txn) error {
	var keys [][]byte
	err := scanKeys(txn, []byte{pAside}, func(k []byte) error {
		keys = append(keys, append([]byte(nil), k...))
		return nil
	})
	for _, k := range keys {
		if err == nil {
			err = txn.Delete(k)
		}
	}
	return err
}
