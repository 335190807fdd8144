package data

import (
	"bytes"
	"errors"
	"fmt"

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
// transactions of up to bulkEvents events, each whole, so a crash or a
// full disk part way leaves the events before some point, each complete,
// and none after it; each commit is durable unless the store was opened
// with Options.Bulk (then Sync is). An invalid event stops it there. It
// is for loading a long history into a desk; a command appends with
// Append.
func (s *Store) AppendBulk(evs []wire.Event) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if err := s.startBulk(); err != nil {
		return fmt.Errorf("append bulk: %w", err)
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

// Sync makes everything the store has written durable: for a store
// opened with Options.Bulk, whose commits are not synced one by one.
func (s *Store) Sync() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if err := s.db.Sync(); err != nil {
		return fmt.Errorf("sync: %w", err)
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
// stored or stamped before it. It leaves in s.bulk.recent the entities of
// the batch as the store holds them.
func (s *Store) stampBulk(evs []wire.Event) ([]stamped, error) {
	snap := s.db.NewTransaction(false)
	defer snap.Discard()
	now := map[wire.EntityRef]entityNow{}
	head := map[wire.EntityRef][]byte{}
	var out []stamped
	for size := 0; len(out) < len(evs) && len(out) < bulkEvents && size < bulkBytes; {
		ev := evs[len(out)]
		if _, ok := now[ev.Entity]; !ok {
			e, err := s.bulkEntity(snap, ev.Entity)
			if err != nil {
				return nil, err
			}
			now[ev.Entity], head[ev.Entity] = e, e.last
		}
		k := head[ev.Entity]
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
			head[ev.Entity] = sk // else a remote event from a clock ahead stays the head
		}
		out = append(out, stamped{ev, sk, enc})
		size += len(enc) + 4*len(sk) + len(ev.ID)
	}
	s.bulk.recent = now
	return out, nil
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
	after := make(map[wire.EntityRef]entityNow, len(order))
	for _, ref := range order {
		e, err := w.foldBulk(ref, s.bulk.recent[ref], byEntity[ref])
		if err != nil {
			return err
		}
		after[ref] = e
	}
	if err := w.commit(); err != nil {
		return err
	}
	s.committed(after)
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
// into its view, and returns the entity as it will be stored. They sort
// after its stored stream (local events always do, unless a remote event
// from a desk whose clock runs ahead got there first: then the entity
// folds again from the start, as put does).
func (w *writer) foldBulk(ref wire.EntityRef, e entityNow, evs []wire.Event) (entityNow, error) {
	last := w.written[ref][len(w.written[ref])-1].key
	if e.stored && bytes.Compare(e.last, streamKey(evs[0])) > 0 {
		if err := w.refold(ref); err != nil {
			return e, err
		}
		view, err := get(w.txn, viewKey(ref))
		return entityNow{stored: true, view: view, last: maxKey(e.last, last)}, err
	}
	next, err := w.s.foldMany(ref, e.view, evs)
	if err != nil {
		return e, fmt.Errorf("fold %s: %w", ref, err)
	}
	return entityNow{stored: true, view: next, last: last}, w.setView(ref, e.view, next)
}

func maxKey(a, b []byte) []byte {
	if bytes.Compare(a, b) > 0 {
		return a
	}
	return b
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
