package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// A desk PC whose date was wrong, ahead, stamped its events in the future
// and moved the desk's clock there, where it stays (a clock never goes
// back). The server refuses such events (wire.ErrCodeClockAhead), so they
// wait in the outbox. Once the PC's date is right again, Restamp gives them
// readings of the right time: they have never left the desk, so no other
// desk holds the old ones.

// restampChunk is how many events Restamp moves in one transaction; a
// chunk that does not fit is halved.
const restampChunk = 128

// outboxEvent is an event in the outbox with its log sequence and stream
// key.
type outboxEvent struct {
	seq uint64
	sk  []byte
	ev  wire.Event
}

// Restamp gives new clock readings to the events in the outbox stamped more
// than ahead ahead of the wall clock, in their order, and sets the desk's
// clock back to the latest reading of every other event it holds (or the
// wall clock, if later). Each moved event keeps its ID and content and
// its entity is folded again. It returns how many events it moved; 0 when
// none is ahead. Only the sync client calls it, once the server's clock
// agrees with the desk's wall clock.
func (s *Store) Restamp(ahead time.Duration) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, ErrClosed
	}
	if err := s.roomToWrite(); err != nil {
		return 0, fmt.Errorf("restamp: %w", err)
	}
	over := wire.MakeTimestamp(s.opts.Wall().Add(ahead).UnixMilli(), counterMax)
	var moving []outboxEvent
	var base wire.Timestamp
	err := s.view(func(txn *badger.Txn) error {
		var err error
		if moving, err = outboxAbove(txn, s.desk, over); err != nil || len(moving) == 0 {
			return err
		}
		base, err = latestUpTo(txn, over)
		return err
	})
	if err != nil || len(moving) == 0 {
		return 0, err
	}
	old := s.clock.Last()
	s.clock.Reset(base)
	if err := s.restampChunks(moving); err != nil {
		s.clock.Reset(old)
		return 0, fmt.Errorf("restamp: %w", err)
	}
	s.log.Warn("events made while this PC's clock was ahead were stamped again", "events", len(moving))
	return len(moving), nil
}

// outboxAbove lists the outbox events stamped above over, oldest first.
func outboxAbove(txn *badger.Txn, desk string, over wire.Timestamp) ([]outboxEvent, error) {
	var out []outboxEvent
	err := scan(txn, []byte{pOutbox}, func(k, sk []byte) error {
		if hlc, ok := streamKeyHLC(sk); !ok || hlc <= over {
			return nil
		}
		ev, err := getEvent(txn, sk)
		if err != nil {
			return err
		}
		if ev.Desk != desk { // requeued after a server restore: another desk signed it
			return nil
		}
		out = append(out, outboxEvent{seq: uint64FromBytes(k[1:]), sk: sk, ev: ev})
		return nil
	})
	return out, err
}

// latestUpTo is the latest reading of the events stored at or below over,
// read from the stream keys alone.
func latestUpTo(txn *badger.Txn, over wire.Timestamp) (wire.Timestamp, error) {
	o := badger.DefaultIteratorOptions
	o.Prefix, o.PrefetchValues = []byte{pStream}, false
	it := txn.NewIterator(o)
	defer it.Close()
	var latest wire.Timestamp
	for it.Rewind(); it.Valid(); it.Next() {
		if hlc, ok := streamKeyHLC(it.Item().Key()); ok && hlc <= over && hlc > latest {
			latest = hlc
		}
	}
	return latest, nil
}

// streamKeyHLC reads the reading in a stream key
// (s<kind>\0<entity>\0<hlc:8>…).
func streamKeyHLC(sk []byte) (wire.Timestamp, bool) {
	i := bytes.IndexByte(sk, 0)
	if i < 0 {
		return 0, false
	}
	j := bytes.IndexByte(sk[i+1:], 0)
	if j < 0 || len(sk) < i+1+j+1+8 {
		return 0, false
	}
	at := i + 1 + j + 1
	return wire.Timestamp(binary.BigEndian.Uint64(sk[at : at+8])), true
}

// restampChunks moves the events in transactions of at most restampChunk.
func (s *Store) restampChunks(evs []outboxEvent) error {
	resealed := map[string]wire.ChainLink{}
	for len(evs) > 0 {
		n := min(len(evs), restampChunk)
		for {
			err := s.restampChunk(evs[:n], resealed)
			if err == nil {
				break
			}
			if !errors.Is(err, errTooBig) || n <= 1 {
				return err
			}
			n /= 2
		}
		evs = evs[n:]
	}
	return nil
}

// restampChunk moves each event to a new reading, in place in the log and
// the outbox, and folds its entity again.
func (s *Store) restampChunk(evs []outboxEvent, resealed map[string]wire.ChainLink) error {
	w := s.newWriter()
	defer w.discard()
	moved := map[string]bool{} // old stream keys
	for _, o := range evs {
		o.ev.HLC = s.clock.Now()
		if err := w.reseal(&o.ev, resealed); err != nil {
			return err
		}
		enc, err := o.ev.Encode()
		if err != nil {
			return err
		}
		sk := streamKey(o.ev)
		if err := translateTxnError(w.txn.Delete(o.sk)); err != nil {
			return err
		}
		for _, kv := range [][2][]byte{
			{sk, enc}, {eventKey(o.ev.ID), indexValue(o.seq, sk)},
			{seqKey(pLog, o.seq), sk}, {seqKey(pOutbox, o.seq), sk},
		} {
			if err := w.set(kv[0], kv[1]); err != nil {
				return err
			}
		}
		moved[string(o.sk)] = true
		w.written[o.ev.Entity] = append(w.written[o.ev.Entity], streamEntry{sk, enc})
		w.touched[o.ev.Entity] = struct{}{}
	}
	for ref := range w.touched {
		if err := w.refoldWithout(ref, moved); err != nil {
			return err
		}
	}
	if err := w.commit(); err != nil {
		return err
	}
	s.feed.publish(w.touched)
	return nil
}

// refoldWithout folds an entity's stream again from the start, leaving out
// the stream keys in gone (moved by this transaction).
func (w *writer) refoldWithout(ref wire.EntityRef, gone map[string]bool) error {
	var entries []streamEntry
	err := scan(w.snap, streamPrefix(ref), func(k, v []byte) error {
		if !gone[string(k)] {
			entries = append(entries, streamEntry{k, v})
		}
		return nil
	})
	if err != nil {
		return err
	}
	entries = append(entries, w.written[ref]...)
	sort.Slice(entries, func(i, j int) bool { return bytes.Compare(entries[i].key, entries[j].key) < 0 })
	return w.foldEntries(ref, entries)
}
