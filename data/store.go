// Package data is FloorDesk's storage and sync layer: the append-only event
// log on Badger, the folded views and their change feed, the outbox, the
// hybrid logical clock, backup and restore, and the desk's sync client.
//
// It knows nothing of keys, loans or requests: an event is an envelope
// (package wire) around an opaque body, and the caller supplies the fold
// that turns an entity's events into its view.
package data

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/private"
	"floordesk/data/seal"
	"floordesk/data/sealdb"
	"floordesk/data/wire"
)

// FoldFunc folds one event into an entity's state and returns the new
// state. state is nil for the entity's first event. It must be pure and
// deterministic: the store calls it in (HLC, desk, ID) order, again from the
// start of the stream when a late event arrives, and every desk must reach
// the same bytes. For events from other desks it must be total: a type it
// does not know leaves the state unchanged.
type FoldFunc func(ref wire.EntityRef, state []byte, ev wire.Event) ([]byte, error)

// FoldManyFunc folds several events of one entity, in fold order, into its
// state: the same bytes as FoldFunc of each event in turn. AppendBulk calls
// it once for an entity's events in one transaction.
type FoldManyFunc func(ref wire.EntityRef, state []byte, evs []wire.Event) ([]byte, error)

// Options configure Open.
type Options struct {
	Dir      string           // data folder, created if missing; kept private (0700, files 0600)
	Desk     string           // desk ID; empty means a random one, made on first open and kept
	Fold     FoldFunc         // required
	FoldMany FoldManyFunc     // for AppendBulk; nil means Fold of each event in turn
	Wall     func() time.Time // physical clock; nil means time.Now
	NewID    func() string    // event IDs; nil means NewEventID (UUIDv7)
	MaxDrift time.Duration    // 0 means DefaultMaxDrift
	Logger   *slog.Logger     // nil means slog.Default()
	// Index files views under the store's indexes (see Indexed); nil
	// keeps none. IndexVersion names what Index computes: when it differs
	// from the version the indexes were built with, Open builds them again
	// from the views.
	Index        IndexFunc
	IndexVersion string
	// DeferIndexes leaves stale indexes for the caller to build with
	// BuildIndexes (IndexesStale says so), which reports its progress: at
	// years of history a rebuild takes a minute, which a person should
	// see happen. Until then queries read the stale indexes.
	DeferIndexes bool
	// GCInterval is how often an idle store runs value-log garbage
	// collection; 0 means every 10 minutes, negative turns it off.
	GCInterval time.Duration
	// Bulk opens the store to load a long history with AppendBulk (the
	// demo command): commits are not synced one by one (Sync makes
	// everything written durable), and Badger leaves its level-0 tables to
	// pile up until Close, which compacts them once (see bulkOptions).
	Bulk bool
	// Key encrypts the folder (Badger's AES encryption) and every backup
	// (sealed as a whole); a folder an earlier build left plain is
	// encrypted at Open (package sealdb). Nil leaves both plain, for tests.
	Key seal.Key
	// KeyRand is where the desk's signing key comes from when the store
	// makes it (see chain.go); nil means crypto/rand. Tests that compare
	// two stores byte for byte give both the same.
	KeyRand io.Reader
}

// Store is a desk's durable event log and folded views. Its methods are safe
// for concurrent use; writes are serialised.
type Store struct {
	db    *badger.DB
	opts  Options
	desk  string
	clock *Clock
	log   *slog.Logger

	mu     sync.Mutex // serialises writers; guards seq and bulk
	seq    uint64     // last log sequence used
	outbox int        // events in the outbox, as metaKey("outbox") keeps it
	closed bool
	bulk   bulkState // what AppendBulk remembers between calls
	signer chainSigner

	feed      feed
	held      heldIndexes
	views     viewCache
	enrolled  enrolWatchers
	lastWrite lastWrite
	gcRuns    gcCounter
	stopGC    chan struct{}
	gcDone    chan struct{}
	disk      *diskState
	stale     staleIndexes // found by Open with DeferIndexes, until BuildIndexes
}

// Open opens (or creates) the store in opts.Dir, encrypted with opts.Key
// (a folder left plain by an earlier build is encrypted first, see
// prepareKey). It returns ErrAlreadyRunning when another process has the
// folder open, and an error wrapping ErrWrongKey when the folder was
// encrypted with another key. On a disk with less than DiskReserve free it
// opens the store read-only (Disk says so, and every write is refused with
// ErrDiskFull), or returns ErrDiskFull when it cannot (see openBadger).
func Open(opts Options) (*Store, error) {
	if opts.Fold == nil {
		return nil, errors.New("open store: no fold function")
	}
	fillDefaults(&opts)
	private.Keep(opts.Dir, opts.Logger, true)
	key := opts.Key
	if err := prepareKey(&opts); err != nil {
		return nil, translateOpenError(err)
	}
	db, disk, err := openBadger(opts)
	if err != nil {
		return nil, translateOpenError(sealdb.Translate(err, opts.Key))
	}
	// Backups are sealed even while a full disk keeps the folder plain.
	opts.Key = key
	private.Keep(opts.Dir, opts.Logger, false) // the files Badger just made
	s := &Store{db: db, opts: opts, log: opts.Logger, disk: disk}
	if err := s.load(); err != nil {
		s.closeBadger()
		return nil, readOnlyRefusal(err)
	}
	if err := s.checkIndexes(); err != nil {
		s.closeBadger()
		return nil, err
	}
	if len(key) > 0 && !disk.readOnly {
		sealdb.Done(opts.Dir, opts.Logger)
	}
	s.lastWrite.touch(opts.Wall()) // start-up counts as busy
	s.startGC()
	return s, nil
}

func fillDefaults(o *Options) {
	if o.Wall == nil {
		o.Wall = time.Now
	}
	if o.NewID == nil {
		o.NewID = NewEventID
	}
	if o.MaxDrift == 0 {
		o.MaxDrift = DefaultMaxDrift
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.GCInterval == 0 {
		o.GCInterval = 10 * time.Minute
	}
}

// translateOpenError keeps Badger's words away from the user: a held
// directory lock means a second copy of the app.
func translateOpenError(err error) error {
	if isLockError(err) {
		return ErrAlreadyRunning
	}
	return fmt.Errorf("open store: %w", err)
}

// isLockError tells Badger's refusal of a folder another process holds
// (its words on Unix and on Windows), or the store's own for a read-only
// open.
func isLockError(err error) bool {
	return errors.Is(err, ErrAlreadyRunning) ||
		strings.Contains(err.Error(), "Another process is using this Badger database") ||
		strings.Contains(err.Error(), "Cannot acquire directory lock")
}

// load reads the desk ID, the persisted clock and the log sequence.
func (s *Store) load() error {
	return s.db.Update(func(txn *badger.Txn) error {
		desk, err := s.loadDesk(txn)
		if err != nil {
			return err
		}
		s.desk = desk
		last, err := getU64(txn, metaKey("hlc"))
		if err != nil {
			return err
		}
		s.clock = NewClock(wire.Timestamp(last), s.opts.Wall, s.opts.MaxDrift)
		if err := s.loadSigner(txn); err != nil {
			return err
		}
		if s.seq, err = lastSeq(txn, pLog); err != nil {
			return err
		}
		s.outbox, err = loadOutboxCount(txn)
		return err
	})
}

func (s *Store) loadDesk(txn *badger.Txn) (string, error) {
	stored, err := getString(txn, metaKey("desk"))
	switch {
	case err == nil && s.opts.Desk != "" && stored != s.opts.Desk:
		return "", fmt.Errorf("open store: it belongs to desk %q, not %q", stored, s.opts.Desk)
	case err == nil:
		return stored, nil
	case !errors.Is(err, ErrNotFound):
		return "", err
	}
	desk := s.opts.Desk
	if desk == "" {
		desk = newDeskID()
	}
	if strings.ContainsRune(desk, 0) {
		return "", errors.New("open store: desk ID contains NUL")
	}
	return desk, txn.Set(metaKey("desk"), []byte(desk))
}

// Close stops background work and closes the database. Further calls
// return ErrClosed.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrClosed
	}
	s.closed = true
	s.held.drop()
	s.views.drop() // a read after Close gets ErrClosed, not a cached view
	s.mu.Unlock()
	s.stopBackground()
	s.feed.closeAll()
	if err := s.closeBadger(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	private.Keep(s.opts.Dir, s.log, false)
	return nil
}

// Desk is this store's desk ID.
func (s *Store) Desk() string { return s.desk }

// Dir is the data folder.
func (s *Store) Dir() string { return s.opts.Dir }

// Now returns a fresh HLC reading from the store's clock.
func (s *Store) Now() wire.Timestamp { return s.clock.Now() }

// lastWrite remembers when the store last wrote, for idle-time GC.
type lastWrite struct {
	mu sync.Mutex
	at time.Time
}

func (l *lastWrite) touch(t time.Time) {
	l.mu.Lock()
	l.at = t
	l.mu.Unlock()
}

func (l *lastWrite) since(now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	return now.Sub(l.at)
}
