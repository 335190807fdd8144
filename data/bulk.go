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
	bulkEvents = 1536
	// bulkBytes is about how much of a transaction the events' own
	// entries (stream, event index, log, outbox) take before AppendBulk
	// starts the next one; the views and index entries of the transaction
	// fit in the rest of Badger's limit, 15% of a memtable (a tenth, not a
	// sixteenth, since events carry their seal: bulkEvents small events
	// still fit one transaction).
	bulkBytes = deskMemTableSize / 10
)

// AppendBulk stores local events as AppendAll would store them one at a
// time: the same envelopes (ID, HLC, desk, Prev), stream entries, event
// index, local log, outbox, views and index entries. It commits them in
// transactions of up to bulkEvents events, each whole, so a crash or a
// full disk part way leaves the events before some point, each complete,
// and none after it; each commit is durable unless the store was opened
// with Options.Bulk (then Sync is). It returns once every event is
// stored; an invalid event stops it there. It is for loading a long
// history into a desk; a command appends with Append.
func (s *Store) AppendBulk(evs []wire.Event) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if err := s.roomToWrite(); err != nil {
		return fmt.Errorf("append bulk: %w", err)
	}
	if err := s.startBulk(); err != nil {
		return fmt.Errorf("append bulk: %w", err)
	}
	// The outbox count is unknown while the load runs (a crash then makes
	// the next Open count the outbox) and saved once it ends.
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(metaKey("outbox")) }); err != nil {
		return fmt.Errorf("append bulk: %w", err)
	}
	l := &bulkLoad{s: s, next: s.newWriter(), base: s.seq, chain: s.signer.head}
	err := l.run(evs)
	if werr := l.wait(); err == nil {
		err = werr
	}
	l.next.discard()
	if cerr := s.db.Update(func(txn *badger.Txn) error { return setOutboxCount(txn, s.outbox) }); err == nil {
		err = cerr
	}
	if err != nil {
		s.bulk.known = nil // it may remember what was not stored
		return fmt.Errorf("append bulk: %w", err)
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
	link     wire.ChainLink // the chain's head once this event is stored
	ev       wire.Event
	key, enc []byte
}

// stampBulk stamps the events at the start of evs that make one
// transaction, as stamp does: an event's Prev is its entity's latest event,
// stored or stamped before it. snap is read for the entities AppendBulk
// does not remember. It leaves in s.bulk.recent the batch's entities as
// the store holds them once the transactions before are stored.
func (s *Store) stampBulk(snap *badger.Txn, evs []wire.Event, chain *wire.ChainLink) ([]stamped, error) {
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
		if err := checkLimits(&ev); err != nil { // as stamp does: never an event the server refuses
			return nil, err
		}
		link, err := wire.SealEvent(&ev, s.signer.priv, *chain)
		if err != nil {
			return nil, err
		}
		*chain = link
		enc, err := ev.Encode()
		if err != nil {
			return nil, err
		}
		sk := streamKey(ev)
		if k == nil || bytes.Compare(sk, k) > 0 {
			head[ev.Entity] = sk // else a remote event from a clock ahead stays the head
		}
		out = append(out, stamped{link: link, ev: ev, key: sk, enc: enc})
		size += len(enc) + 4*len(sk) + len(ev.ID)
	}
	s.bulk.recent = now
	return out, nil
}

// bulkLoad is one AppendBulk call. It builds a transaction while Badger
// writes the one before, and sends it once that one is stored, so the
// transactions are stored in order and a failed one stops the load.
// Badger gives a transaction a read timestamp only once every commit
// before it is written, so the next writer is made before a transaction
// is sent; what it cannot read of the one in flight, s.bulk.recent holds.
type bulkLoad struct {
	s      *Store
	next   *writer                      // the transaction being built
	base   uint64                       // the log sequence next starts from
	after  map[wire.EntityRef]entityNow // its entities as it stores them
	flight *writer                      // the transaction Badger is writing, or nil
	chain  wire.ChainLink               // the chain's head after the events stamped so far
	done   chan error                   // its outcome
}

func (l *bulkLoad) run(evs []wire.Event) error {
	for len(evs) > 0 {
		batch, err := l.s.stampBulk(l.next.snap, evs, &l.chain)
		if err != nil {
			return err
		}
		for pending := batch; len(pending) > 0; {
			n, err := l.build(pending)
			if err == nil {
				err = l.send()
			}
			if err != nil {
				return err
			}
			pending = pending[n:]
		}
		evs = evs[len(batch):]
	}
	return nil
}

// build writes into l.next the longest start of pending that fits one
// transaction (halving), and says how many events that is.
func (l *bulkLoad) build(pending []stamped) (int, error) {
	if l.flight != nil && l.s.refolds(pending) {
		if err := l.fresh(); err != nil { // a refold reads the stream as stored
			return 0, err
		}
	}
	for n := len(pending); ; n /= 2 {
		after, err := l.next.buildBulk(pending[:n], l.s.bulk.recent)
		if err == nil {
			l.after = after
			return n, nil
		}
		if !errors.Is(err, errTooBig) || n == 1 {
			return 0, err
		}
		if err := l.fresh(); err != nil {
			return 0, err
		}
	}
}

// fresh waits for the transaction in flight and starts l.next again.
func (l *bulkLoad) fresh() error {
	err := l.wait()
	l.next.discard()
	l.next = l.s.newWriter()
	l.next.seq = l.base
	return err
}

// send sends l.next to Badger once the transaction in flight is stored.
func (l *bulkLoad) send() error {
	w := l.next
	next := l.s.newWriter() // returns once the transaction in flight is written
	if err := l.wait(); err != nil {
		next.discard()
		return err
	}
	if err := l.s.roomToWrite(); err != nil {
		next.discard()
		return err
	}
	next.seq, l.base = w.seq, w.seq
	for ref, e := range l.after {
		l.s.bulk.known.add(viewKey(ref))
		l.s.bulk.recent[ref] = e
	}
	w.snap.Discard()
	done := make(chan error, 1)
	w.txn.CommitWith(func(err error) { done <- err })
	l.flight, l.done, l.next = w, done, next
	return nil
}

// wait waits for the transaction in flight and takes in what it stored.
func (l *bulkLoad) wait() error {
	w := l.flight
	if w == nil {
		return nil
	}
	l.flight = nil
	if err := <-l.done; err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	s := l.s
	s.seq, s.bulk.seq = w.seq, w.seq
	if w.chain != nil {
		s.signer.head = *w.chain
	}
	s.outbox += w.outbox
	s.lastWrite.touch(s.opts.Wall())
	s.views.drop()
	s.feed.publish(w.touched)
	return nil
}

// refolds reports whether an entity of pending folds again from the start:
// a remote event from a desk whose clock runs ahead sorts after its first.
func (s *Store) refolds(pending []stamped) bool {
	for _, b := range pending {
		if e := s.bulk.recent[b.ev.Entity]; e.stored && bytes.Compare(e.last, b.key) > 0 {
			return true
		}
	}
	return false
}

// buildBulk writes the batch's events into w, folds each entity once from
// its state in now, and persists the clock; it returns the entities as the
// transaction stores them.
func (w *writer) buildBulk(batch []stamped, now map[wire.EntityRef]entityNow) (map[wire.EntityRef]entityNow, error) {
	var order []wire.EntityRef
	byEntity := map[wire.EntityRef][]wire.Event{}
	for _, b := range batch {
		if err := w.record(b); err != nil {
			return nil, err
		}
		ref := b.ev.Entity
		if _, ok := byEntity[ref]; !ok {
			order = append(order, ref)
		}
		byEntity[ref] = append(byEntity[ref], b.ev)
	}
	after := make(map[wire.EntityRef]entityNow, len(order))
	for _, ref := range order {
		e, err := w.foldBulk(ref, now[ref], byEntity[ref])
		if err != nil {
			return nil, err
		}
		after[ref] = e
	}
	if err := w.fileViews(); err != nil { // the entries move once per entity, as commit does
		return nil, err
	}
	if err := w.saveChain(); err != nil {
		return nil, err
	}
	return after, w.set(metaKey("hlc"), encodeU64(uint64(w.s.clock.Last())))
}

// record writes an event's stream entry, event index, local log and outbox
// entries, as put does.
func (w *writer) record(b stamped) error {
	w.chain = &b.link
	if err := w.set(b.key, b.enc); err != nil {
		return err
	}
	return w.recordNew(b.ev, b.key, b.enc, true)
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
