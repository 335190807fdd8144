package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/diskspace"
	"floordesk/data/wire"
)

// ErrDiskFull: the disk that holds the data folder has less room than the
// store keeps free (DiskReserve), or the store opened read-only on a full
// disk; nothing was saved. Everything saved before stays, and can be read.
// It is wire.ErrDiskFull, so the domain can test for it without linking
// the store.
var ErrDiskFull = wire.ErrDiskFull

// DiskReserve is the room the store keeps free on its disk (208 MB): below
// it, it refuses every write with ErrDiskFull, and it opens read-only.
//
// Badger writes its logs and tables through memory maps of files it sizes
// without allocating them; a page it writes on a full disk kills the
// process (SIGBUS on Linux), in a command's commit or in Badger's own
// background work alike, where no error can be caught. So the store stops
// while everything Badger may still write after its last write fits:
//
//   - 2 memtables: the active memtable's write-ahead log, which Badger
//     maps at twice a memtable and fills page by page (24 MB);
//   - deskNumMemtables memtables: flushing each to a level-0 table, as
//     Close does (24 MB);
//   - deskLevelZeroStall memtables: the largest compaction, level 0 at
//     its stall (8 tables of at most a memtable each) merged into level
//     1, whose new tables are written before the old ones go (96 MB);
//   - a value-log file: what one value-log GC pass rewrites (the store
//     starts one only with the reserve free), and room for level 1's
//     10 MB and one pull's events between two checks (64 MB).
//
// Measured on a tmpfs holding 1.2 GB of incompressible records, Badger's
// own work after the writes stopped took at most 72 MB (with 16 MB
// memtables). 208 MB is little on a desk PC's disk, and a disk that low
// is the moment to call IT.
const DiskReserve = (2+deskNumMemtables+deskLevelZeroStall)*deskMemTableSize + deskValueLogFileSize

// closeRoom is the room Close needs to let Badger flush its memtables (24
// MB), with as much again to spare. With less (the disk filled by another
// program after the store's last write), Close leaves Badger as a crash
// would rather than let the flush crash the process: what was saved is in
// the write-ahead log, replayed at the next start.
const closeRoom = 2 * deskNumMemtables * deskMemTableSize

// diskState is what the store knows of its disk.
type diskState struct {
	guard    *diskspace.Guard
	readOnly bool        // opened read-only: the disk was full at start
	unlock   func()      // gives back the folder's lock taken for a read-only open
	full     atomic.Bool // the last check found the disk full
}

// roomToWrite returns nil when the store may write, else an error that is
// ErrDiskFull. It asks the disk at most once a second. Writers call it
// holding s.mu, before they write anything.
func (s *Store) roomToWrite() error {
	if s.disk.readOnly {
		return fmt.Errorf("%w: opened read-only, restart FloorDesk once space is freed", ErrDiskFull)
	}
	free, ok, err := s.disk.guard.Room()
	if err != nil {
		s.log.Debug("free disk space unknown", "err", err)
	}
	s.noteDisk(!ok)
	if !ok {
		return fmt.Errorf("%w: %s free on the disk of %s, %s kept free",
			ErrDiskFull, diskspace.MB(free), s.opts.Dir, diskspace.MB(s.disk.guard.Reserve()))
	}
	return nil
}

// noteDisk records whether the disk is full, and when that changes, logs
// it and signals subscribers, so the desk says it at once.
func (s *Store) noteDisk(full bool) {
	if s.disk.full.Swap(full) == full {
		return
	}
	if full {
		s.log.Warn("the data folder's disk is full: nothing more is saved until space is freed",
			"dir", s.opts.Dir, "keep_free", diskspace.MB(s.disk.guard.Reserve()))
	} else {
		s.log.Info("the data folder's disk has room again: saving resumes", "dir", s.opts.Dir)
	}
	s.feed.publish(nil)
}

// DiskState is what the desk shows about its disk.
type DiskState struct {
	Full     bool // nothing can be saved: the disk has less room than DiskReserve
	ReadOnly bool // the store opened read-only on a full disk: saving resumes after a restart
}

// Disk says whether the store can save, asking the disk at most once a
// second; safe to call from any goroutine, as often as the desk redraws.
func (s *Store) Disk() DiskState {
	if s.disk.readOnly {
		return DiskState{Full: true, ReadOnly: true}
	}
	_, ok, _ := s.disk.guard.Room()
	s.noteDisk(!ok)
	return DiskState{Full: !ok}
}

// openBadger opens the data folder's Badger, read-only when its disk has
// less than DiskReserve free: then Badger writes nothing, not even the
// files it makes at every start. A folder that has no store yet, or whose
// last run ended without closing (its write-ahead log must be replayed,
// which writes), cannot open so and gives ErrDiskFull.
func openBadger(opts Options) (*badger.DB, *diskState, error) {
	guard := diskspace.NewGuard(opts.Dir, DiskReserve)
	free, ok, _ := guard.Room()
	if ok {
		db, err := badger.Open(storeBadgerOptions(opts))
		return db, &diskState{guard: guard}, err
	}
	short := fmt.Errorf("%w: %s free on the disk of %s, %s needed to open it for saving",
		ErrDiskFull, diskspace.MB(free), opts.Dir, diskspace.MB(DiskReserve))
	unlock, err := lockReadOnly(opts.Dir)
	if err != nil {
		return nil, nil, err
	}
	db, err := badger.Open(storeBadgerOptions(opts).WithReadOnly(true).WithBypassLockGuard(bypassReadOnlyLock))
	if err != nil {
		unlock()
	}
	switch {
	case errors.Is(err, badger.ErrTruncateNeeded):
		return nil, nil, fmt.Errorf("%w (FloorDesk did not close cleanly last time, and needs room to recover)", short)
	case err != nil && !isLockError(err):
		return nil, nil, fmt.Errorf("%w (%v)", short, err)
	case err != nil:
		return nil, nil, err
	}
	opts.Logger.Warn("the data folder's disk is full: opened read-only", "dir", opts.Dir,
		"free", diskspace.MB(free), "keep_free", diskspace.MB(DiskReserve))
	st := &diskState{guard: guard, readOnly: true, unlock: unlock}
	st.full.Store(true)
	return db, st, nil
}

// readOnlyRefusal turns the error of a write tried while opening a
// read-only store into ErrDiskFull.
func readOnlyRefusal(err error) error {
	if errors.Is(err, badger.ErrReadOnlyTxn) {
		return fmt.Errorf("%w: the data folder needs to be written to open, and its disk is full", ErrDiskFull)
	}
	return err
}

// closeBadger closes Badger, unless the disk has no room left for the
// memtable flush that closing makes: then Badger is left open until the
// process ends, as after a crash, rather than let the flush crash it.
func (s *Store) closeBadger() error {
	if s.disk.readOnly {
		defer s.disk.unlock()
		return s.db.Close()
	}
	s.disk.guard.Recheck()
	free, _, err := s.disk.guard.Room()
	if err != nil || free >= closeRoom {
		return s.db.Close()
	}
	s.log.Warn("the data folder's disk is full: closing without flushing; the next start replays the log",
		"dir", s.opts.Dir, "free", diskspace.MB(free))
	return nil
}

// roomForGC reports whether value-log GC may run: it writes the values it
// keeps before it deletes a file, so it waits for room like a command.
func (s *Store) roomForGC() bool {
	_, ok, _ := s.disk.guard.Room()
	s.noteDisk(!ok)
	return ok
}

// newRoomReader makes dir (so its disk can be asked) and reads r while
// that disk keeps DiskReserve free, failing with ErrDiskFull after: a
// restore then stops while what Badger still writes (its memtable flush at
// Close) fits. It fails at once on a disk already that full.
func newRoomReader(dir string, r io.Reader) (*diskspace.Reader, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	rr := diskspace.NewReader(r, diskspace.NewGuard(dir, DiskReserve), func(free uint64) error {
		return fmt.Errorf("restore: %w: %s free on the disk of %s, %s kept free",
			ErrDiskFull, diskspace.MB(free), dir, diskspace.MB(DiskReserve))
	})
	return rr, rr.Check()
}
