package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// ErrNotNewDesk: a snapshot loads only into a desk holding no events and
// no pull cursor; a desk that holds some pulls what it lacks.
var ErrNotNewDesk = errors.New("this desk already holds events: a snapshot loads only into a new desk")

// snapshotEvents is the most events LoadSnapshot puts in one transaction.
const snapshotEvents = 512

// SnapshotResult counts what LoadSnapshot stored.
type SnapshotResult struct {
	Events   int    // events stored and folded
	Upto     uint64 // the server sequence the pull cursor now holds
	Refolded int    // entities folded again from their stream (an event that sorts before one stored)
	Drifted  int    // events whose clock was too far ahead to follow (kept anyway)
}

// snapshotEvent is a decoded event of a snapshot and its server sequence.
type snapshotEvent struct {
	seq uint64
	ev  wire.Event
}

// LoadSnapshot stores a server's snapshot (wire.SnapshotReader's stream,
// uncompressed) in a new desk: every event as ApplyRemote would store it
// (stream entry, event index, arrival log; no outbox), each transaction's
// events folded once per entity (FoldMany) and filed once, the pull cursor
// and the server's epoch written with each transaction. Its views and
// indexes are the bytes ApplyRemote of the same events gives. A snapshot
// cut short leaves the events of its whole transactions stored, the
// cursor after the last of them, and returns an error wrapping
// wire.ErrSnapshotCut: pulling goes on from there. A desk that holds
// events or a cursor, or synced with another epoch, is refused with
// ErrNotNewDesk before anything is read past the header.
func (s *Store) LoadSnapshot(r io.Reader) (SnapshotResult, error) {
	var res SnapshotResult
	sr, err := wire.NewSnapshotReader(r)
	if err != nil {
		return res, fmt.Errorf("load snapshot: %w", err)
	}
	if err := s.checkNewDesk(sr.Header.Epoch); err != nil {
		return res, err
	}
	batches := make(chan snapshotBatch, 2)
	stop := make(chan struct{})
	defer close(stop)
	go readSnapshot(sr, batches, stop)
	for b := range batches {
		if b.err != nil {
			return res, fmt.Errorf("load snapshot: %w", b.err)
		}
		if err := s.applySnapshot(b.evs, sr.Header.Epoch, &res); err != nil {
			return res, fmt.Errorf("load snapshot: %w", err)
		}
	}
	if res.Upto < sr.Header.Upto {
		// Every event came (the last line said so); the sequences after the
		// last one belong to events the server no longer has to send.
		if err := s.put(metaKey("cursor"), encodeU64(sr.Header.Upto)); err != nil {
			return res, err
		}
		res.Upto = sr.Header.Upto
	}
	return res, nil
}

// checkNewDesk refuses a desk with events, a cursor or an epoch other
// than epoch ("": any).
func (s *Store) checkNewDesk(epoch string) error {
	s.mu.Lock()
	seq := s.seq
	s.mu.Unlock()
	cursor, err := s.Cursor()
	if err != nil {
		return err
	}
	was, err := s.Epoch()
	if err != nil {
		return err
	}
	if seq > 0 || cursor > 0 || (was != "" && epoch != "" && was != epoch) {
		return ErrNotNewDesk
	}
	return nil
}

// snapshotBatch is one transaction's worth of decoded events, or why the
// stream ended early.
type snapshotBatch struct {
	evs []snapshotEvent
	err error
}

// readSnapshot decodes the stream into batches, beside the writer, until
// the last line, an error or stop.
func readSnapshot(sr *wire.SnapshotReader, out chan<- snapshotBatch, stop <-chan struct{}) {
	defer close(out)
	send := func(b snapshotBatch) bool {
		select {
		case out <- b:
			return true
		case <-stop:
			return false
		}
	}
	var evs []snapshotEvent
	size := 0
	for {
		seq, raw, err := sr.Next()
		if errors.Is(err, io.EOF) {
			if len(evs) > 0 {
				send(snapshotBatch{evs: evs})
			}
			return
		}
		var ev wire.Event
		if err == nil {
			ev, err = wire.DecodeEvent(raw)
		}
		if err == nil {
			err = ev.Validate()
		}
		if err != nil {
			if len(evs) > 0 && !send(snapshotBatch{evs: evs}) {
				return
			}
			send(snapshotBatch{err: fmt.Errorf("event %d: %w", seq, err)})
			return
		}
		evs, size = append(evs, snapshotEvent{seq: seq, ev: ev}), size+len(raw)
		if len(evs) >= snapshotEvents || size >= bulkBytes {
			if !send(snapshotBatch{evs: evs}) {
				return
			}
			evs, size = nil, 0
		}
	}
}

// applySnapshot commits a batch in as few transactions as fit.
func (s *Store) applySnapshot(batch []snapshotEvent, epoch string, res *SnapshotResult) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if err := s.roomToWrite(); err != nil {
		return err
	}
	if err := s.startBulk(); err != nil { // another writer may have committed since
		return err
	}
	for len(batch) > 0 {
		n, err := s.commitSnapshot(batch, epoch, res)
		if err != nil {
			return err
		}
		batch = batch[n:]
	}
	return nil
}

// commitSnapshot commits the longest start of batch that fits one
// transaction (halving) and says how many events that is.
func (s *Store) commitSnapshot(batch []snapshotEvent, epoch string, res *SnapshotResult) (int, error) {
	for n := len(batch); ; n /= 2 {
		var part SnapshotResult
		w := s.newWriter()
		after, err := w.buildSnapshot(batch[:n], epoch, &part)
		if err == nil {
			err = w.commit()
		}
		w.discard()
		if err == nil {
			s.bulk.seq = s.seq
			s.bulk.recent = after
			for ref := range after {
				s.bulk.known.add(viewKey(ref))
			}
			s.feed.publish(w.touched)
			res.Events += part.Events
			res.Refolded += part.Refolded
			res.Drifted += part.Drifted
			res.Upto = batch[n-1].seq
			return n, nil
		}
		s.bulk.recent = map[wire.EntityRef]entityNow{} // it may hold what was not stored
		if !errors.Is(err, errTooBig) || n == 1 {
			return 0, err
		}
	}
}

// buildSnapshot writes the batch's events into w as put does for a
// remote event, folds each entity once, and writes the cursor and the
// epoch; it returns the entities as the transaction stores them.
func (w *writer) buildSnapshot(batch []snapshotEvent, epoch string, res *SnapshotResult) (map[wire.EntityRef]entityNow, error) {
	var order []wire.EntityRef
	byEntity := map[wire.EntityRef][]keyedEvent{}
	for _, se := range batch {
		if !w.s.clock.Observe(se.ev.HLC) {
			res.Drifted++
		}
		sk, err := w.recordRemote(se.ev)
		if err != nil {
			return nil, err
		}
		ref := se.ev.Entity
		if _, ok := byEntity[ref]; !ok {
			order = append(order, ref)
		}
		byEntity[ref] = append(byEntity[ref], keyedEvent{sk, se.ev})
	}
	after := make(map[wire.EntityRef]entityNow, len(order))
	for _, ref := range order {
		e, err := w.s.bulkEntity(w.snap, ref)
		if err != nil {
			return nil, err
		}
		if after[ref], err = w.foldSnapshot(ref, e, byEntity[ref], res); err != nil {
			return nil, err
		}
	}
	res.Events = len(batch)
	if err := w.set(metaKey("cursor"), encodeU64(batch[len(batch)-1].seq)); err != nil {
		return nil, err
	}
	return after, w.set(metaKey("epoch"), []byte(epoch))
}

// keyedEvent is an event and its stream key.
type keyedEvent struct {
	key []byte
	ev  wire.Event
}

// recordRemote writes a remote event's stream entry, event index and
// arrival log entry, as put does, and returns its stream key.
func (w *writer) recordRemote(ev wire.Event) ([]byte, error) {
	enc, err := ev.Encode()
	if err != nil {
		return nil, err
	}
	sk := streamKey(ev)
	w.seq++
	for _, kv := range [][2][]byte{{sk, enc}, {eventKey(ev.ID), indexValue(w.seq, sk)}, {seqKey(pLog, w.seq), sk}} {
		if err := w.set(kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	w.touched[ev.Entity] = struct{}{}
	w.written[ev.Entity] = append(w.written[ev.Entity], streamEntry{sk, enc})
	return sk, nil
}

// foldSnapshot folds an entity's events of this transaction into its
// view: once, in stream order, when they all sort after its stored
// stream; else its whole stream again (as put does for a late event).
func (w *writer) foldSnapshot(ref wire.EntityRef, e entityNow, kes []keyedEvent, res *SnapshotResult) (entityNow, error) {
	slices.SortFunc(kes, func(a, b keyedEvent) int { return bytes.Compare(a.key, b.key) })
	last := kes[len(kes)-1].key
	if e.stored && bytes.Compare(e.last, kes[0].key) > 0 {
		res.Refolded++
		if err := w.refold(ref); err != nil {
			return e, err
		}
		view, err := get(w.txn, viewKey(ref))
		return entityNow{stored: true, view: view, last: maxKey(e.last, last)}, err
	}
	evs := make([]wire.Event, len(kes))
	for i, ke := range kes {
		evs[i] = ke.ev
	}
	next, err := w.s.foldMany(ref, e.view, evs)
	if err != nil {
		return e, fmt.Errorf("fold %s: %w", ref, err)
	}
	return entityNow{stored: true, view: next, last: last}, w.setView(ref, e.view, next)
}

// HotelState calls fn, in key order, for every key and value of the
// hotel's state the desk holds: its entities' streams (the events), their
// views and the index entries filed from them; not the desk's own logs,
// outbox, settings or metadata. Two desks holding the same events give
// the same calls, whichever way the events came (pulled or from a
// snapshot).
func (s *Store) HotelState(fn func(k, v []byte) error) error {
	return s.view(func(txn *badger.Txn) error {
		for _, p := range []byte{pStream, pView, pIndex, pPrefixIndex} {
			if err := scan(txn, []byte{p}, fn); err != nil {
				return err
			}
		}
		return nil
	})
}
