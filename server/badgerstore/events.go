package badgerstore

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"floordesk/server"
)

// Append stores the new events of a batch in one transaction, then reads
// the pending erasures of its events (in memory, most often only the
// property's count of them).
func (s *Store) Append(ctx context.Context, property string, evs []server.Pushed) (server.AppendResult, error) {
	var res server.AppendResult
	err := s.update(func(txn *badger.Txn) error {
		res = server.AppendResult{}
		last, err := lastSeq(txn, property)
		if err != nil {
			return err
		}
		batch := make(map[string][]byte, len(evs))
		for i, p := range evs {
			dup, err := known(txn, batch, p)
			if err != nil {
				return err
			}
			if dup {
				res.Duplicates++
				res.DuplicateAt = append(res.DuplicateAt, i)
				continue
			}
			last++
			if err := putEvent(txn, property, last, p); err != nil {
				return err
			}
			res.Stored++
		}
		res.LastSeq = last
		if res.Stored == 0 {
			return nil
		}
		return txn.Set(seqKey(property), binary.BigEndian.AppendUint64(nil, last))
	})
	var conflict *server.ConflictError
	if errors.As(err, &conflict) {
		return server.AppendResult{}, conflict
	}
	if err != nil {
		return server.AppendResult{}, fmt.Errorf("append: %w", err)
	}
	ids := make([]string, len(evs))
	for i, p := range evs {
		ids[i] = p.Event.ID
	}
	if res.Pending, err = s.PendingErasures(ctx, property, ids); err != nil {
		return server.AppendResult{}, err
	}
	return res, nil
}

// known reports whether the store (or batch, the events before p in its
// push) holds p's event already: false when it is new, true when it holds
// the same event, and a *server.ConflictError when it holds other content
// under its ID.
func known(txn *badger.Txn, batch map[string][]byte, p server.Pushed) (bool, error) {
	if raw, ok := batch[p.Event.ID]; ok {
		return true, sameOrConflict(raw, p)
	}
	batch[p.Event.ID] = p.Raw
	item, err := txn.Get(idKey(p.Event.ID))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	v, err := item.ValueCopy(nil)
	if err != nil {
		return false, err
	}
	property, seq, ok := splitIDValue(v)
	if !ok {
		return true, nil // an index entry from before events were compared
	}
	stored, err := txn.Get(eventKey(property, seq))
	if err != nil {
		return false, fmt.Errorf("event %s: %w", p.Event.ID, err)
	}
	raw, err := stored.ValueCopy(nil)
	if err != nil {
		return false, err
	}
	return true, sameOrConflict(raw, p)
}

func sameOrConflict(stored []byte, p server.Pushed) error {
	if server.SameEvent(stored, p.Raw) {
		return nil
	}
	return &server.ConflictError{ID: p.Event.ID}
}

func putEvent(txn *badger.Txn, property string, seq uint64, p server.Pushed) error {
	if err := txn.Set(eventKey(property, seq), p.Raw); err != nil {
		return err
	}
	return txn.Set(idKey(p.Event.ID), idValue(property, seq))
}

func lastSeq(txn *badger.Txn, property string) (uint64, error) {
	item, err := txn.Get(seqKey(property))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	v, err := item.ValueCopy(nil)
	if err != nil {
		return 0, err
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("sequence of %s: bad value", property)
	}
	return binary.BigEndian.Uint64(v), nil
}

// Since returns up to limit events of property after sequence after,
// stopping after the one that takes their size over maxBytes.
func (s *Store) Since(_ context.Context, property string, after uint64, limit, maxBytes int) ([]server.Record, error) {
	recs := []server.Record{}
	prefix := []byte(evPrefix + property + "/")
	size := 0
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true, PrefetchSize: 100})
		defer it.Close()
		for it.Seek(eventKey(property, after+1)); it.Valid() && len(recs) < limit && size <= maxBytes; it.Next() {
			item := it.Item()
			raw, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			seq := binary.BigEndian.Uint64(item.Key()[len(prefix):])
			recs = append(recs, server.Record{Seq: seq, Raw: raw})
			size += len(raw)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("since: %w", err)
	}
	return recs, nil
}

// LastSeq is property's latest sequence number.
func (s *Store) LastSeq(_ context.Context, property string) (uint64, error) {
	var last uint64
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		last, err = lastSeq(txn, property)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("last seq: %w", err)
	}
	return last, nil
}
