package badgerstore

import (
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"floordesk/server"
)

// Pending erasures (server.PendingErasure), three keys per property:
//
//	pe/PROPERTY/TARGET → JSON []pendingRec: the erasures waiting for TARGET
//	pq/PROPERTY/N(8 bytes) → JSON server.PendingErasure, N the order added
//	pm/PROPERTY → next N and how many are pending (8 bytes each)
const (
	pendingPrefix = "pe/"
	pendingQueue  = "pq/"
	pendingMeta   = "pm/"
)

// pendingRec is one erasure waiting for a target, and its place in the
// property's queue.
type pendingRec struct {
	Erasure string `json:"erasure"`
	N       uint64 `json:"n"`
}

func pendingKey(property, target string) []byte {
	return []byte(pendingPrefix + property + "/" + target)
}

func pendingQueueKey(property string, n uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte(pendingQueue+property+"/"), n)
}

func pendingMetaKey(property string) []byte { return []byte(pendingMeta + property) }

// pendingMetaRec is a property's queue counters.
type pendingMetaRec struct{ next, count uint64 }

// AddPendingErasure remembers p for property and forgets the oldest
// beyond max, in one transaction.
func (s *Store) AddPendingErasure(_ context.Context, property string, p server.PendingErasure, max int) ([]server.PendingErasure, error) {
	var dropped []server.PendingErasure
	err := s.update(func(txn *badger.Txn) error {
		dropped = nil
		recs, err := getPending(txn, property, p.Target)
		if err != nil || slices.ContainsFunc(recs, func(r pendingRec) bool { return r.Erasure == p.Erasure }) {
			return err
		}
		meta, err := getPendingMeta(txn, property)
		if err != nil {
			return err
		}
		if err := putQueued(txn, property, meta.next, p, append(recs, pendingRec{Erasure: p.Erasure, N: meta.next})); err != nil {
			return err
		}
		meta.next++
		meta.count++
		for meta.count > uint64(max) {
			old, err := dropOldest(txn, property)
			if err != nil {
				return err
			}
			dropped = append(dropped, old)
			meta.count--
		}
		return putPendingMeta(txn, property, meta)
	})
	if err != nil {
		return nil, fmt.Errorf("add pending erasure of %s: %w", p.Target, err)
	}
	return dropped, nil
}

// putQueued writes p at place n of property's queue, and recs as the
// erasures waiting for p.Target.
func putQueued(txn *badger.Txn, property string, n uint64, p server.PendingErasure, recs []pendingRec) error {
	q, err := json.Marshal(p)
	if err != nil {
		return err
	}
	if err := txn.Set(pendingQueueKey(property, n), q); err != nil {
		return err
	}
	return putPending(txn, property, p.Target, recs)
}

// dropOldest forgets the first erasure of property's queue.
func dropOldest(txn *badger.Txn, property string) (server.PendingErasure, error) {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(pendingQueue + property + "/")})
	defer it.Close()
	it.Rewind()
	if !it.Valid() {
		return server.PendingErasure{}, errors.New("pending erasures miscounted")
	}
	var p server.PendingErasure
	if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &p) }); err != nil {
		return p, err
	}
	_, err := unqueue(txn, property, p)
	return p, err
}

// unqueue removes p from property's keys; found is false when it was not
// there.
func unqueue(txn *badger.Txn, property string, p server.PendingErasure) (found bool, err error) {
	recs, err := getPending(txn, property, p.Target)
	if err != nil {
		return false, err
	}
	i := slices.IndexFunc(recs, func(r pendingRec) bool { return r.Erasure == p.Erasure })
	if i < 0 {
		return false, nil
	}
	if err := txn.Delete(pendingQueueKey(property, recs[i].N)); err != nil {
		return false, err
	}
	return true, putPending(txn, property, p.Target, slices.Delete(recs, i, i+1))
}

// DropPendingErasure forgets p.
func (s *Store) DropPendingErasure(_ context.Context, property string, p server.PendingErasure) error {
	err := s.update(func(txn *badger.Txn) error {
		found, err := unqueue(txn, property, p)
		if err != nil || !found {
			return err
		}
		meta, err := getPendingMeta(txn, property)
		if err != nil {
			return err
		}
		meta.count--
		return putPendingMeta(txn, property, meta)
	})
	if err != nil {
		return fmt.Errorf("drop pending erasure of %s: %w", p.Target, err)
	}
	return nil
}

// PendingErasures returns property's pending erasures of targets, oldest
// first. A property without any costs one read.
func (s *Store) PendingErasures(_ context.Context, property string, targets []string) ([]server.PendingErasure, error) {
	type found struct {
		n uint64
		p server.PendingErasure
	}
	var all []found
	err := s.db.View(func(txn *badger.Txn) error {
		meta, err := getPendingMeta(txn, property)
		if err != nil || meta.count == 0 {
			return err
		}
		for _, t := range targets {
			recs, err := getPending(txn, property, t)
			if err != nil {
				return err
			}
			for _, r := range recs {
				all = append(all, found{r.N, server.PendingErasure{Target: t, Erasure: r.Erasure}})
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pending erasures: %w", err)
	}
	slices.SortFunc(all, func(a, b found) int { return cmp.Compare(a.n, b.n) })
	out := make([]server.PendingErasure, 0, len(all))
	for _, f := range all {
		if !slices.Contains(out, f.p) { // a target named twice in targets
			out = append(out, f.p)
		}
	}
	return out, nil
}

func getPending(txn *badger.Txn, property, target string) ([]pendingRec, error) {
	item, err := txn.Get(pendingKey(property, target))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var recs []pendingRec
	err = item.Value(func(v []byte) error { return json.Unmarshal(v, &recs) })
	return recs, err
}

func putPending(txn *badger.Txn, property, target string, recs []pendingRec) error {
	if len(recs) == 0 {
		return txn.Delete(pendingKey(property, target))
	}
	b, err := json.Marshal(recs)
	if err != nil {
		return err
	}
	return txn.Set(pendingKey(property, target), b)
}

func getPendingMeta(txn *badger.Txn, property string) (pendingMetaRec, error) {
	item, err := txn.Get(pendingMetaKey(property))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return pendingMetaRec{}, nil
	}
	if err != nil {
		return pendingMetaRec{}, err
	}
	v, err := item.ValueCopy(nil)
	if err != nil || len(v) != 16 {
		return pendingMetaRec{}, fmt.Errorf("pending erasures' counters: %d bytes, %v", len(v), err)
	}
	return pendingMetaRec{binary.BigEndian.Uint64(v), binary.BigEndian.Uint64(v[8:])}, nil
}

func putPendingMeta(txn *badger.Txn, property string, m pendingMetaRec) error {
	v := binary.BigEndian.AppendUint64(nil, m.next)
	return txn.Set(pendingMetaKey(property), binary.BigEndian.AppendUint64(v, m.count))
}
