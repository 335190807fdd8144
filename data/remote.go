package data

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// ApplyResult counts what ApplyRemote did.
type ApplyResult struct {
	Applied    int // new events stored and folded
	Duplicates int // events the store already had
	Refolded   int // entities folded again from their stream (a late event)
	Drifted    int // events whose clock was too far ahead to follow (kept anyway)
}

// remoteChunk is how many events ApplyRemote tries to put in one
// transaction; a chunk that does not fit is halved.
const remoteChunk = 256

// ApplyRemote stores events from other desks, idempotently by ID, and folds
// them into the views. An event that sorts before an entity's latest event
// makes that entity fold again from its stream. When cursor is above 0 it
// becomes the new pull cursor, committed with the last of the events, so a
// crash never moves the cursor past an event that is not stored. Every event
// is checked before any is stored: an invalid one rejects the whole call.
func (s *Store) ApplyRemote(evs []wire.Event, cursor uint64) (ApplyResult, error) {
	for _, ev := range evs {
		if err := ev.Validate(); err != nil {
			return ApplyResult{}, fmt.Errorf("apply remote %s: %w", ev.ID, err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ApplyResult{}, ErrClosed
	}
	var res ApplyResult
	if err := s.applyChunks(evs, cursor, &res); err != nil {
		return res, fmt.Errorf("apply remote: %w", err)
	}
	return res, nil
}

// applyChunks commits evs in transactions of at most remoteChunk events,
// halving a chunk that is too big. The cursor goes with the last chunk.
func (s *Store) applyChunks(evs []wire.Event, cursor uint64, res *ApplyResult) error {
	for {
		n := min(len(evs), remoteChunk)
		for {
			err := s.applyChunk(evs[:n], cursorIf(n == len(evs), cursor), res)
			if err == nil {
				break
			}
			if !errors.Is(err, errTooBig) || n <= 1 {
				return err
			}
			n /= 2
		}
		evs = evs[n:]
		if len(evs) == 0 {
			return nil
		}
	}
}

func cursorIf(last bool, cursor uint64) uint64 {
	if last {
		return cursor
	}
	return 0
}

// applyChunk stores one transaction's worth of remote events.
func (s *Store) applyChunk(evs []wire.Event, cursor uint64, res *ApplyResult) error {
	if err := s.roomToWrite(); err != nil {
		return err
	}
	w := s.newWriter()
	defer w.discard()
	var part ApplyResult
	refolded := map[wire.EntityRef]bool{}
	for _, ev := range evs {
		if err := s.applyOne(w, ev, &part, refolded); err != nil {
			return err
		}
	}
	if cursor > 0 {
		if err := w.set(metaKey("cursor"), encodeU64(cursor)); err != nil {
			return err
		}
	}
	if err := w.commit(); err != nil {
		return err
	}
	part.Refolded = len(refolded)
	res.add(part)
	s.feed.publish(w.touched)
	return nil
}

func (s *Store) applyOne(w *writer, ev wire.Event, res *ApplyResult, refolded map[wire.EntityRef]bool) error {
	dup, err := w.exists(ev.ID)
	if err != nil {
		return err
	}
	if dup {
		res.Duplicates++
		return w.adoptErased(ev)
	}
	if !s.clock.Observe(ev.HLC) {
		res.Drifted++
		s.log.Warn("event clock far ahead of this desk; kept, not followed",
			"event", ev.ID, "desk", ev.Desk, "hlc", ev.HLC.Time())
	}
	if !w.sortsLast(ev) {
		refolded[ev.Entity] = true
	}
	res.Applied++
	return w.put(ev, false)
}

// sortsLast reports whether ev sorts after every event in its stream.
func (w *writer) sortsLast(ev wire.Event) bool {
	last, ok := w.lastStreamKey(ev.Entity)
	return !ok || string(last) < string(streamKey(ev))
}

func (r *ApplyResult) add(o ApplyResult) {
	r.Applied += o.Applied
	r.Duplicates += o.Duplicates
	r.Refolded += o.Refolded
	r.Drifted += o.Drifted
}

// adoptErased keeps a pulled copy of an event this desk holds when it is
// the same event erased since (data/pkey: a destroyed key, a guest's plain
// fields): the desk then holds no more than the server. Views stay as they
// are: the purge that led to the erasure has cleared them.
func (w *writer) adoptErased(ev wire.Event) error {
	if !bytes.Contains(ev.Body, []byte("erased")) {
		return nil
	}
	idx, err := get(w.txn, eventKey(ev.ID))
	if err != nil {
		return err
	}
	_, sk := splitIndex(idx)
	stored, err := get(w.txn, sk)
	if err != nil {
		return err
	}
	enc, err := ev.Encode()
	if err != nil || bytes.Equal(enc, stored) || !pkey.ErasedOf(enc, stored) {
		return err
	}
	return translateTxnError(w.txn.SetEntry(badger.NewEntry(sk, enc).WithDiscard()))
}
