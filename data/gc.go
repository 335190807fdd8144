package data

import (
	"errors"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// idleBeforeGC is how long the desk must have written nothing before value
// log garbage collection runs, so GC never competes with a busy moment.
const idleBeforeGC = time.Minute

func (s *Store) startGC() {
	s.stopGC = make(chan struct{})
	s.gcDone = make(chan struct{})
	if s.opts.GCInterval < 0 || s.disk.readOnly {
		close(s.gcDone)
		return
	}
	go s.gcLoop(s.opts.GCInterval)
}

func (s *Store) gcLoop(every time.Duration) {
	defer close(s.gcDone)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.stopGC:
			return
		case <-t.C:
			if s.lastWrite.since(s.opts.Wall()) >= idleBeforeGC {
				s.collectGarbage()
				s.gcRuns.Add(1)
			}
		}
	}
}

// collectGarbage rewrites value-log files that are at least half garbage,
// until none is left or the store is asked to stop.
func (s *Store) collectGarbage() {
	for i := 0; i < 16; i++ {
		select {
		case <-s.stopGC:
			return
		default:
		}
		if !s.roomForGC() {
			return
		}
		err := s.db.RunValueLogGC(0.5)
		if errors.Is(err, badger.ErrNoRewrite) || errors.Is(err, badger.ErrRejected) {
			return
		}
		if err != nil {
			s.log.Warn("value log GC failed", "err", err)
			return
		}
	}
}

func (s *Store) stopBackground() {
	close(s.stopGC)
	<-s.gcDone
}

// gcCounter counts idle-time GC passes, for tests and the status screen.
type gcCounter = atomic.Int64
