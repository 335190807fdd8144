package data

import (
	"fmt"
	"log/slog"
	"math"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/sealdb"
)

// Badger's defaults are sized for servers: 64 MB memtables (five of them),
// a 256 MB block cache and 1 GB value-log files. A desk holds a few hundred
// megabytes at most over years, shares a modest PC with a browser and the
// property system, and must start fast; so it opens Badger small:
const (
	// deskMemTableSize: 12 MB. Badger caps a transaction at 15% of a
	// memtable (1.8 MB here) and counts in it every value under its value
	// threshold (1 MiB): an event just under 1 MiB with its view and index
	// entries fits, and so do AppendBulk's bulkEvents sealed events
	// (bulkBytes, a tenth). A memtable's arena is allocated whole, on the
	// Go heap, and a desk keeps one at all times: 15.6 MB for 12 MB (20.8
	// MB for 16; issue 12 holds the desk's heap under 64 MB). Pulls and
	// snapshots halve a chunk that does not fit.
	deskMemTableSize = 12 << 20
	// deskNumMemtables: 2, one being written and one being flushed.
	deskNumMemtables = 2
	// deskBlockCacheSize: 12 MB holds the hot blocks of the views and
	// recent streams, which is what a desk reads all day, decrypted.
	deskBlockCacheSize = 12 << 20
	// deskIndexCacheSize: 12 MB for the tables' indexes and bloom filters,
	// decrypted. An encrypted store reads a table's index from this cache
	// on every lookup in the table, and decrypts it again on a miss: the
	// cache must hold the indexes of the whole store, or every read pays
	// (a pull of 10,000 events into 700,000 records took five times as
	// long as into none with 8 MB and 4 KB blocks).
	deskIndexCacheSize = 12 << 20
	// deskBlockSize: 16 KB blocks (Badger's default is 4 KB) make a
	// table's index, one entry a block, a quarter the size, so the indexes
	// of 700,000 records fit the cache above; a lookup reads one block of
	// 16 KB instead of 4.
	deskBlockSize = 16 << 10
	// deskValueLogFileSize: 64 MB. Values here are small and stay in the
	// LSM tree; the value log is mostly the write-ahead log, and smaller
	// files are reclaimed by GC sooner.
	deskValueLogFileSize = 64 << 20
	// deskBaseTableSize: 8 MB tables at the base level (Badger's default
	// is 2 MB). Opening a table reads its index and its last block, and
	// the kernel reads ahead around each, so every table costs the desk
	// some 250 KB of resident memory however little it is used: a
	// 700,000-record store in 2 MB tables (some 580) held 210 MB of them.
	// Fewer, bigger tables hold a quarter of that and open faster.
	deskBaseTableSize = 8 << 20
	// deskCompactors: 2, the least Badger allows; a desk PC writes little.
	deskCompactors = 2
	// deskLevelZeroStall: 8 level-0 tables stall writes until compaction
	// catches up (compaction starts at 4).
	deskLevelZeroStall = 8
)

// badgerOptions are the desk's Badger options. SyncWrites is on: once a
// commit returns, the write is on disk, so "saved" survives a power cut.
func badgerOptions(dir string, log *slog.Logger) badger.Options {
	return badger.DefaultOptions(dir).
		WithSyncWrites(true).
		WithMemTableSize(deskMemTableSize).
		WithNumMemtables(deskNumMemtables).
		WithBlockCacheSize(deskBlockCacheSize).
		WithIndexCacheSize(deskIndexCacheSize).
		WithBlockSize(deskBlockSize).
		WithValueLogFileSize(deskValueLogFileSize).
		WithBaseTableSize(deskBaseTableSize).
		WithNumCompactors(deskCompactors).
		WithNumLevelZeroTables(4).
		WithNumLevelZeroTablesStall(deskLevelZeroStall).
		WithDetectConflicts(false). // the store serialises its writers itself
		WithLogger(badgerLogger{log})
}

// bulkOptions change the desk's options for loading a long history
// (Options.Bulk). Each memtable flushed is a level-0 table, and Badger
// would merge them into the levels below as they come; with the random
// entity IDs of a history, each merge rewrites most of what is below, so
// merging as it goes cost more than everything else in a 700,000-record
// demo. Instead level 0 grows until Close, which merges it once
// (AppendBulk remembers which entities exist, so it seldom reads through
// the pile). The memtables keep the desk's size: a desk opening the folder
// after a crash replays the last memtable's log into a memtable of its
// own size.
// storeBadgerOptions are the Badger options of a store opened with opts.
func storeBadgerOptions(opts Options) badger.Options {
	bo := badgerOptions(opts.Dir, opts.Logger)
	if opts.Bulk {
		bo = bulkOptions(bo)
	}
	return sealdb.Options(bo, opts.Key)
}

func bulkOptions(o badger.Options) badger.Options {
	return o.
		WithSyncWrites(false).
		WithNumLevelZeroTables(math.MaxInt32 / 2).
		WithNumLevelZeroTablesStall(math.MaxInt32).
		WithCompactL0OnClose(true)
}

// badgerLogger passes Badger's warnings and errors to slog and drops its
// chatty info and debug lines.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) Errorf(f string, a ...any)   { b.l.Error("badger: " + fmt.Sprintf(f, a...)) }
func (b badgerLogger) Warningf(f string, a ...any) { b.l.Warn("badger: " + fmt.Sprintf(f, a...)) }
func (b badgerLogger) Infof(string, ...any)        {}
func (b badgerLogger) Debugf(string, ...any)       {}
