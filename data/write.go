package data

import (
	"bytes"
	"errors"
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// writer is one write transaction in progress. It is used with s.mu held,
// so the read snapshot taken with it sees everything committed.
//
// Badger sorts all of a transaction's pending writes each time an iterator
// is opened on it, which makes iterating inside a large batch quadratic. So
// the writer never iterates its own transaction: it iterates the snapshot
// and remembers what it wrote to each stream itself.
type writer struct {
	s        *Store
	txn      *badger.Txn
	snap     *badger.Txn
	seq      uint64
	outbox   int // events this transaction put in the outbox
	touched  map[wire.EntityRef]struct{}
	written  map[wire.EntityRef][]streamEntry // stream entries written in this txn
	lastIn   map[wire.EntityRef]lastInSnap    // the last stream key in snap, by entity, once read
	filed    map[wire.EntityRef]*filing       // index entries to move at commit
	moved    map[string]bool                  // index keys set (true) or deleted at commit
	chain    *wire.ChainLink                  // the chain's head as this transaction leaves it, when it moved
	unsigned []unsigned                       // local events whose stream entries wait for their signatures
	toSign   chan *signing                    // the signer's queue, once an event was linked (signing.go)
}

// streamEntry is one stream key and its encoded event.
type streamEntry struct{ key, enc []byte }

// lastInSnap is the greatest key of an entity's stream in the snapshot.
type lastInSnap struct {
	key []byte
	ok  bool
}

func (s *Store) newWriter() *writer {
	return &writer{
		s: s, seq: s.seq,
		txn:     s.db.NewTransaction(true),
		snap:    s.db.NewTransaction(false),
		touched: map[wire.EntityRef]struct{}{},
		written: map[wire.EntityRef][]streamEntry{},
		lastIn:  map[wire.EntityRef]lastInSnap{},
		filed:   map[wire.EntityRef]*filing{},
		moved:   map[string]bool{},
	}
}

// commit files the views written in the indexes, persists the clock with
// the batch and makes it durable.
func (w *writer) commit() error {
	if err := w.fileViews(); err != nil {
		return err
	}
	if err := w.finishSigning(); err != nil {
		return err
	}
	if err := w.txn.Set(metaKey("hlc"), encodeU64(uint64(w.s.clock.Last()))); err != nil {
		return translateTxnError(err)
	}
	if err := w.saveChain(); err != nil {
		return translateTxnError(err)
	}
	if w.outbox > 0 {
		if err := setOutboxCount(w.txn, w.s.outbox+w.outbox); err != nil {
			return translateTxnError(err)
		}
	}
	if err := w.txn.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	w.s.held.move(w.moved)
	w.s.views.committed(w.filed)
	if w.chain != nil {
		w.s.signer.head = *w.chain
	}
	w.s.seq, w.s.outbox = w.seq, w.s.outbox+w.outbox
	w.s.lastWrite.touch(w.s.opts.Wall())
	return nil
}

func (w *writer) discard() {
	w.stopSigning()
	w.txn.Discard()
	w.snap.Discard()
}

// lastStreamKey is the greatest key in the entity's stream, this
// transaction's writes included. The snapshot's is sought once a
// transaction: stamping an event (its Prev) and storing it both ask.
func (w *writer) lastStreamKey(ref wire.EntityRef) ([]byte, bool) {
	in, read := w.lastIn[ref]
	if !read {
		in.key, in.ok = w.snapStreamEnd(ref)
		w.lastIn[ref] = in
	}
	last, ok := in.key, in.ok
	for _, e := range w.written[ref] {
		if !ok || bytes.Compare(e.key, last) > 0 {
			last, ok = e.key, true
		}
	}
	return last, ok
}

// snapStreamEnd is the greatest key of the entity's stream in the snapshot.
// An entity without a view has no events (its view is written in the
// transaction that stores its first event, bulkEntity relies on it too),
// and a point read that misses, which Badger's Bloom filters mostly answer,
// costs a fraction of seeking the end of a stream: most commands start a
// record (a loan and its personal-data key are two). A view the cache
// holds (the committed one) answers without the read: the records a desk
// works on again, such as its keys.
func (w *writer) snapStreamEnd(ref wire.EntityRef) ([]byte, bool) {
	if view, _, ok := w.s.views.get(viewKey(ref)); ok {
		if view == nil {
			return nil, false
		}
	} else if _, err := w.snap.Get(viewKey(ref)); errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false
	}
	return lastKey(w.snap, streamPrefix(ref))
}

// stream returns the entity's stream in fold order, this transaction's
// writes included.
func (w *writer) stream(ref wire.EntityRef) ([]streamEntry, error) {
	if err := w.finishSigning(); err != nil {
		return nil, err
	}
	var out []streamEntry
	err := scan(w.snap, streamPrefix(ref), func(k, v []byte) error {
		out = append(out, streamEntry{k, v})
		return nil
	})
	out = append(out, w.written[ref]...)
	sort.Slice(out, func(i, j int) bool { return bytes.Compare(out[i].key, out[j].key) < 0 })
	return out, err
}

// put stores one new event: the stream entry, the index, the arrival log,
// optionally the outbox mark, and the entity's refolded view.
func (w *writer) put(ev wire.Event, outbox bool) error {
	enc, err := ev.Encode()
	if err != nil {
		return err
	}
	sk := streamKey(ev)
	last, hasLast := w.lastStreamKey(ev.Entity)
	if err := w.set(sk, enc); err != nil {
		return err
	}
	if err := w.recordNew(ev, sk, enc, outbox); err != nil {
		return err
	}
	if hasLast && bytes.Compare(last, sk) > 0 {
		return w.refold(ev.Entity)
	}
	return w.foldOne(ev)
}

// putSigning is put for a local event whose signature is being made: its
// stream entry is written when the signature is there (finishSigning),
// the rest now. An event that lands before the head of its stream (a
// remote event from a clock ahead) is refolded with the stream's
// encodings, so it waits for its signature first.
func (w *writer) putSigning(ev wire.Event, sig *signing) error {
	sk := streamKey(ev)
	if last, ok := w.lastStreamKey(ev.Entity); ok && bytes.Compare(last, sk) > 0 {
		sealed, _, err := sig.wait()
		if err != nil {
			return err
		}
		return w.put(sealed, true)
	}
	if err := w.recordNew(ev, sk, nil, true); err != nil {
		return err
	}
	w.unsigned = append(w.unsigned, unsigned{sig: sig, ref: ev.Entity, at: len(w.written[ev.Entity]) - 1})
	return w.foldOne(ev)
}

// recordNew files a new event under its ID, in the arrival log and
// optionally the outbox, and remembers its stream entry (enc nil: still
// to come).
func (w *writer) recordNew(ev wire.Event, sk, enc []byte, outbox bool) error {
	w.seq++
	if err := w.set(eventKey(ev.ID), indexValue(w.seq, sk)); err != nil {
		return err
	}
	if err := w.set(seqKey(pLog, w.seq), sk); err != nil {
		return err
	}
	if outbox {
		if err := w.set(seqKey(pOutbox, w.seq), sk); err != nil {
			return err
		}
		w.outbox++
	}
	w.touched[ev.Entity] = struct{}{}
	w.written[ev.Entity] = append(w.written[ev.Entity], streamEntry{sk, enc})
	return nil
}

// foldOne folds an event that sorts after everything in its stream.
func (w *writer) foldOne(ev wire.Event) error {
	state, err := get(w.txn, viewKey(ev.Entity))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	next, err := w.s.opts.Fold(ev.Entity, state, ev)
	if err != nil {
		return fmt.Errorf("fold %s %s: %w", ev.Entity, ev.Type, err)
	}
	return w.setView(ev.Entity, state, next)
}

// refold folds the entity's whole stream again from the start: a late event
// landed in the middle of it.
func (w *writer) refold(ref wire.EntityRef) error {
	entries, err := w.stream(ref)
	if err != nil {
		return err
	}
	return w.foldEntries(ref, entries)
}

// foldEntries folds an entity's stream entries, in fold order, from an
// empty state and writes the view they make.
func (w *writer) foldEntries(ref wire.EntityRef, entries []streamEntry) error {
	var state []byte
	for _, e := range entries {
		ev, err := wire.DecodeEvent(e.enc)
		if err != nil {
			return err
		}
		if state, err = w.s.opts.Fold(ref, state, ev); err != nil {
			return fmt.Errorf("fold %s %s: %w", ref, ev.Type, err)
		}
	}
	old, err := get(w.txn, viewKey(ref))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	return w.setView(ref, old, state)
}

// head is the ID of the entity's latest event in fold order, or "".
func (w *writer) head(ref wire.EntityRef) string {
	k, ok := w.lastStreamKey(ref)
	if !ok {
		return ""
	}
	return string(k[len(k)-36:])
}

func (w *writer) exists(id string) (bool, error) {
	_, err := get(w.txn, eventKey(id))
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

func (w *writer) set(k, v []byte) error { return translateTxnError(w.txn.Set(k, v)) }

// errTooBig means a batch does not fit one Badger transaction.
var errTooBig = errors.New("batch too big for one transaction")

func translateTxnError(err error) error {
	if errors.Is(err, badger.ErrTxnTooBig) {
		return errTooBig
	}
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}
