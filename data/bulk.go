package data

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// A bulk load (the demo hotel: hundreds of thousands of events) writes the
// same keys as AppendAll, in fewer and larger transactions, and folds each
// entity once per transaction: its events of the transaction in one
// FoldMany call, its index entries moved once.
const (
	// bulkEvents is the most events AppendBulk puts in one transaction.
	bulkEvents = 2048
	// bulkBytes is about how much of a transaction the events' own
	// entries (stream, event index, log, outbox) take before AppendBulk
	// starts the next one; the views and index entries of the transaction
	// fit in the rest of Badger's limit, 15% of a memtable.
	bulkBytes = deskMemTableSize / 16
)

// AppendBulk stores local events as AppendAll would store them one at a
// time: the same envelopes (ID, HLC, desk, Prev), stream entries, event
// index, local log, outbox, views and index entries. It commits them in
// transactions of up to bulkEvents events, each durable and whole, so a
// crash or a full disk part way leaves the events before some point, each
// complete, and none after it. An invalid event stops it there. It is for
// loading a long history into a desk; a command appends with Append.
func (s *Store) AppendBulk(evs []wire.Event) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	for len(evs) > 0 {
		batch, err := s.stampBulk(evs)
		if err == nil {
			err = s.writeBulk(batch)
		}
		if err != nil {
			return fmt.Errorf("append bulk: %w", err)
		}
		evs = evs[len(batch):]
	}
	return nil
}

// stamped is a stamped event with its stream key and encoding.
type stamped struct {
	ev       wire.Event
	key, enc []byte
}

// stampBulk stamps the events at the start of evs that make one
// transaction, as stamp does: an event's Prev is its entity's latest event,
// stored or stamped before it.
func (s *Store) stampBulk(evs []wire.Event) ([]stamped, error) {
	snap := s.db.NewTransaction(false)
	defer snap.Discard()
	last := map[wire.EntityRef][]byte{}
	var out []stamped
	for size := 0; len(out) < len(evs) && len(out) < bulkEvents && size < bulkBytes; {
		ev := evs[len(out)]
		k, seen := last[ev.Entity]
		if !seen {
			var err error
			if k, err = storedLast(snap, ev.Entity); err != nil {
				return nil, err
			}
		}
		ev.ID, ev.HLC, ev.Desk, ev.Prev = s.opts.NewID(), s.clock.Now(), s.desk, ""
		if k != nil {
			ev.Prev = string(k[len(k)-36:])
		}
		if ev.Version == 0 {
			ev.Version = 1
		}
		if err := ev.Validate(); err != nil {
			return nil, err
		}
		enc, err := ev.Encode()
		if err != nil {
			return nil, err
		}
		sk := streamKey(ev)
		if k == nil || bytes.Compare(sk, k) > 0 {
			last[ev.Entity] = sk
		} else {
			last[ev.Entity] = k // a remote event from a clock ahead stays the head
		}
		out = append(out, stamped{ev, sk, enc})
		size += len(enc) + 4*len(sk) + len(ev.ID)
	}
	return out, nil
}

// storedLast is the greatest key of the entity's stream in snap, or nil.
// An entity with events has a view, written in the same transaction as
// they were, so a new entity (most of a bulk load) costs one point read of
// its view rather than a scan of its stream.
func storedLast(snap *badger.Txn, ref wire.EntityRef) ([]byte, error) {
	_, err := snap.Get(viewKey(ref))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	k, _ := lastKey(snap, streamPrefix(ref))
	return k, nil
}

// writeBulk commits a stamped batch in one transaction, or in halves when
// it does not fit one. The stamps stay: each half still follows the last.
func (s *Store) writeBulk(batch []stamped) error {
	err := s.commitBulk(batch)
	if !errors.Is(err, errTooBig) || len(batch) == 1 {
		return err
	}
	half := len(batch) / 2
	if err := s.writeBulk(batch[:half]); err != nil {
		return err
	}
	return s.writeBulk(batch[half:])
}

// commitBulk writes the batch's events, then folds each entity once.
func (s *Store) commitBulk(batch []stamped) error {
	w := s.newWriter()
	defer w.discard()
	var order []wire.EntityRef
	byEntity := map[wire.EntityRef][]wire.Event{}
	for _, b := range batch {
		if err := w.record(b); err != nil {
			return err
		}
		ref := b.ev.Entity
		if _, ok := byEntity[ref]; !ok {
			order = append(order, ref)
		}
		byEntity[ref] = append(byEntity[ref], b.ev)
	}
	for _, ref := range order {
		if err := w.foldBulk(ref, byEntity[ref]); err != nil {
			return err
		}
	}
	if err := w.commit(); err != nil {
		return err
	}
	s.feed.publish(w.touched)
	return nil
}

// record writes an event's stream entry, event index, local log and outbox
// entries, as put does.
func (w *writer) record(b stamped) error {
	w.seq++
	for _, kv := range [][2][]byte{
		{b.key, b.enc},
		{eventKey(b.ev.ID), indexValue(w.seq, b.key)},
		{seqKey(pLog, w.seq), b.key},
		{seqKey(pOutbox, w.seq), b.key},
	} {
		if err := w.set(kv[0], kv[1]); err != nil {
			return err
		}
	}
	w.touched[b.ev.Entity] = struct{}{}
	w.written[b.ev.Entity] = append(w.written[b.ev.Entity], streamEntry{b.key, b.enc})
	return nil
}

// foldBulk folds an entity's events of this transaction, in stream order,
// into its view. They sort after its stored stream (local events always
// do, unless a remote event from a desk whose clock runs ahead got there
// first: then the entity folds again from the start, as put does).
func (w *writer) foldBulk(ref wire.EntityRef, evs []wire.Event) error {
	old, err := get(w.snap, viewKey(ref))
	stored := err == nil
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	if stored {
		if last, _ := lastKey(w.snap, streamPrefix(ref)); bytes.Compare(last, streamKey(evs[0])) > 0 {
			return w.refold(ref)
		}
	}
	next, err := w.s.foldMany(ref, old, evs)
	if err != nil {
		return fmt.Errorf("fold %s: %w", ref, err)
	}
	return w.setView(ref, old, next)
}

// foldMany folds evs into state with FoldMany, or Fold of each in turn.
func (s *Store) foldMany(ref wire.EntityRef, state []byte, evs []wire.Event) ([]byte, error) {
	if s.opts.FoldMany != nil {
		return s.opts.FoldMany(ref, state, evs)
	}
	for _, ev := range evs {
		var err error
		if state, err = s.opts.Fold(ref, state, ev); err != nil {
			return nil, err
		}
	}
	return state, nil
}
