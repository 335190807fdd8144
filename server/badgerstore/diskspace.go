package badgerstore

import (
	"fmt"
	"io"

	"floordesk/data/diskspace"
	"floordesk/server"
)

// The store's Badger options, named for the reserve below.
const (
	memTableSize     = 16 << 20 // each memtable
	numMemtables     = 3
	valueLogFileSize = 64 << 20
	levelZeroStall   = 15 // level-0 tables that stall writes (Badger's default)
	// indexCacheSize bounds the memory of table indexes and bloom
	// filters. Badger needs one when it encrypts (it keeps indexes
	// decrypted there); 64 MB holds those of a few GB of events.
	indexCacheSize = 64 << 20
)

// DiskReserve is the room the store keeps free on its disk (384 MB): below
// it, every write (a push, an enrolment, a revocation) fails with
// server.ErrDiskFull and the server answers 507, while pulls go on; and the
// store does not open.
//
// Badger writes its logs and tables through memory maps of files it sizes
// without allocating them, so a page it writes on a full disk kills the
// server (SIGBUS) rather than failing a push, in the push's commit or in
// Badger's own flushes and compactions alike. The reserve is what Badger
// may still write after the store's last write: the active memtable's
// write-ahead log (mapped at 2 memtables), flushing every memtable
// (numMemtables), the largest compaction (level 0 at its stall of
// levelZeroStall tables of up to a memtable each, merged into level 1 and
// written before the old tables go), and a value-log file (pushed events
// over 1 KB go to the value log: the pushes that arrive between two checks
// of the disk, a second apart, and a new file's first pages).
const DiskReserve = (2+numMemtables+levelZeroStall)*memTableSize + valueLogFileSize

// closeRoom is the room Close needs for Badger to flush the memtables,
// with as much again to spare; with less, Close leaves Badger as a crash
// would (every acknowledged push is in its synced write-ahead log,
// replayed at the next start) rather than let the flush crash the server.
const closeRoom = 2 * numMemtables * memTableSize

// roomToWrite returns nil when the store may write, else an error that is
// server.ErrDiskFull. It asks the disk at most once a second.
func (s *Store) roomToWrite() error {
	free, ok, err := s.disk.Room()
	if err != nil {
		s.log.Debug("free disk space unknown", "err", err)
	}
	if s.full.Swap(!ok) != !ok {
		if ok {
			s.log.Info("the store's disk has room again: pushes are stored", "dir", s.dir)
		} else {
			s.log.Error("the store's disk is full: pushes are refused (507) until space is freed",
				"dir", s.dir, "free", diskspace.MB(free), "keep_free", diskspace.MB(DiskReserve))
		}
	}
	if !ok {
		return fmt.Errorf("%w: %s free on the disk of %s, %s kept free",
			server.ErrDiskFull, diskspace.MB(free), s.dir, diskspace.MB(DiskReserve))
	}
	return nil
}

// roomToOpen refuses to open the store on a disk below the reserve: Badger
// writes as it opens.
func roomToOpen(dir string) error {
	g := diskspace.NewGuard(dir, DiskReserve)
	free, ok, _ := g.Room()
	if ok {
		return nil
	}
	return fmt.Errorf("open store: %w: %s free on the disk of %s, %s needed: free space, then start the server again",
		server.ErrDiskFull, diskspace.MB(free), dir, diskspace.MB(DiskReserve))
}

// closeBadger closes Badger unless the disk has no room left for the
// memtable flush that closing makes.
func (s *Store) closeBadger() error {
	s.disk.Recheck()
	free, _, err := s.disk.Room()
	if err != nil || free >= closeRoom {
		return s.db.Close()
	}
	s.log.Error("the store's disk is full: closing without flushing; the next start replays the log",
		"dir", s.dir, "free", diskspace.MB(free))
	return nil
}

// roomReader reads a restore's stream while dir's disk keeps DiskReserve
// free, asking it every megabyte, and fails with server.ErrDiskFull after,
// so Badger stops loading before the disk is full.
func roomReader(dir string, r io.Reader) *diskspace.Reader {
	return diskspace.NewReader(r, diskspace.NewGuard(dir, DiskReserve), func(free uint64) error {
		return fmt.Errorf("restore: %w: %s free on the disk of %s, %s kept free",
			server.ErrDiskFull, diskspace.MB(free), dir, diskspace.MB(DiskReserve))
	})
}
