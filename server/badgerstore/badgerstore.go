// Package badgerstore is the server's embedded event store on Badger: the
// default, which needs no set-up. It is single-process: one server owns the
// data folder while it runs.
package badgerstore

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"

	"floordesk/data/backupfmt"
	"floordesk/data/diskspace"
	"floordesk/data/private"
	"floordesk/data/seal"
	"floordesk/data/sealdb"
	"floordesk/server"
)

var _ server.Store = (*Store)(nil)

// Store keeps events, desks and enrolment codes in one Badger database,
// written with SyncWrites on: an acknowledged push survives a power cut.
// Writes are serialised by a mutex, so sequence numbers follow commit order.
type Store struct {
	dir    string
	key    seal.Key // encrypts the folder and seals the backups; nil: plain (tests)
	log    *slog.Logger
	db     *badger.DB
	mu     sync.Mutex             // serialises every write transaction
	epoch  atomic.Pointer[string] // the epoch, read once
	tokens *tokenCache            // desks of valid tokens
	disk   *diskspace.Guard       // room on the disk, for DiskReserve
	full   atomic.Bool            // the last check found the disk full
}

// Open opens (creating when missing) the store in dir, not encrypted:
// for tests, and for tools that read an old folder. The server opens its
// folder with OpenWith.
func Open(dir string, logger *slog.Logger) (*Store, error) { return OpenWith(dir, nil, logger) }

// OpenWith opens (creating when missing) the store in dir, encrypted with
// key: Badger's AES encryption of its tables, value log and write-ahead
// log, and every backup sealed whole. A folder an earlier build left plain
// is encrypted first, without losing a record (package sealdb). It returns
// server.ErrLocked when another process has it open, server.ErrDiskFull
// when its disk has less than DiskReserve free, and an error wrapping
// seal.ErrWrongKey when the folder was encrypted with another key.
func OpenWith(dir string, key seal.Key, logger *slog.Logger) (*Store, error) {
	if logger == nil {
		logger = slog.Default()
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	if err := roomToOpen(dir); err != nil {
		return nil, err
	}
	private.Keep(dir, logger, true)
	if err := roomToEncrypt(dir, key); err != nil {
		return nil, err
	}
	db, err := sealdb.Open(options(dir, logger), key, logger)
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") {
			return nil, fmt.Errorf("open store %s: %w", dir, server.ErrLocked)
		}
		return nil, fmt.Errorf("open store: %w", err)
	}
	private.Keep(dir, logger, false) // the files Badger just made
	s := &Store{dir: dir, key: key, log: logger, db: db, tokens: newTokenCache(), disk: diskspace.NewGuard(dir, DiskReserve)}
	if _, err := s.Epoch(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.upgradeIDIndex(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func options(dir string, logger *slog.Logger) badger.Options {
	return badger.DefaultOptions(dir).
		WithSyncWrites(true).
		WithLogger(badgerLogger{logger}).
		WithMemTableSize(memTableSize).
		WithNumMemtables(numMemtables).
		WithNumLevelZeroTablesStall(levelZeroStall).
		WithBlockCacheSize(32 << 20).
		WithIndexCacheSize(indexCacheSize).
		WithValueLogFileSize(valueLogFileSize).
		WithValueThreshold(1 << 10)
}

// Close closes the database, leaving the folder private.
func (s *Store) Close() error {
	if err := s.closeBadger(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	private.Keep(s.dir, s.log, false)
	return nil
}

// Keys. Properties and desk IDs cannot contain '/', so a '/' ends them.
const (
	epochKey  = "m/epoch"
	seqPrefix = "s/" // s/PROPERTY → last sequence, 8 bytes big-endian
	evPrefix  = "e/" // e/PROPERTY/SEQ(8 bytes) → raw event
	idPrefix  = "i/" // i/EVENT-ID → PROPERTY/SEQ(8 bytes) (PROPERTY alone before the ID index kept sequences)
)

func seqKey(property string) []byte { return []byte(seqPrefix + property) }

func eventKey(property string, seq uint64) []byte {
	k := make([]byte, 0, len(evPrefix)+len(property)+9)
	k = append(k, evPrefix...)
	k = append(k, property...)
	k = append(k, '/')
	return binary.BigEndian.AppendUint64(k, seq)
}

func idKey(id string) []byte { return []byte(idPrefix + id) }

// update runs fn in a write transaction under the write mutex, when the
// disk has room (else server.ErrDiskFull).
func (s *Store) update(fn func(txn *badger.Txn) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.roomToWrite(); err != nil {
		return err
	}
	return s.db.Update(fn)
}

// Epoch returns the store's epoch, creating one on first use.
func (s *Store) Epoch(ctx context.Context) (string, error) {
	if e := s.epoch.Load(); e != nil {
		return *e, nil
	}
	var epoch string
	err := s.db.View(func(txn *badger.Txn) error {
		v, err := getString(txn, epochKey)
		epoch = v
		return err
	})
	if errors.Is(err, badger.ErrKeyNotFound) {
		return s.newEpoch()
	}
	if err != nil {
		return "", fmt.Errorf("epoch: %w", err)
	}
	s.epoch.Store(&epoch)
	return epoch, nil
}

// newEpoch gives a new store its first epoch.
func (s *Store) newEpoch() (string, error) {
	epoch := uuid.NewString()
	err := s.update(func(txn *badger.Txn) error {
		return txn.Set([]byte(epochKey), []byte(epoch))
	})
	if err != nil {
		return "", fmt.Errorf("new epoch: %w", err)
	}
	s.epoch.Store(&epoch)
	return epoch, nil
}

// backupMagic heads the server's backups, framed as the desk's are (a
// trailer with the stream's length and SHA-256 catches a file cut short);
// a desk's backup is refused here, and a server's by a desk.
const backupMagic = "FLOORDESK-SERVER-BACKUP 1\n"

// errBadBackup: the file is not a whole server backup.
var errBadBackup = fmt.Errorf("%w (a whole server backup is wanted: not a desk's, not cut short or damaged)", backupfmt.ErrBadBackup)

// IsStore reports whether dir holds a store, as opposed to a missing,
// empty or unrelated folder, which Open would turn into a new, empty one.
// A server store is a Badger folder, told the same way as a desk's.
func IsStore(dir string) bool { return backupfmt.IsStore(dir) }

// Backup writes a full backup of the store to w while it runs.
func (s *Store) Backup(w io.Writer) error {
	err := seal.WriteSealed(w, s.key, func(w io.Writer) error {
		return backupfmt.WriteFramed(w, backupMagic, func(w io.Writer) error {
			_, err := s.db.Backup(w, 0)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// Restore loads a backup written by Backup into dir, which must be empty or
// missing, and marks the store Restored now: a new epoch, so desks
// that synced with the lost copy re-push what they have, and every desk
// revoked and every unused code void, so none the backup remembers works
// again. For a file that is not a whole server backup it returns
// backupfmt.ErrBadBackup and leaves dir as it was; on a disk that would
// keep less than DiskReserve free, server.ErrDiskFull, and the same. A
// sealed backup needs its key: see RestoreWith.
func Restore(dir string, r io.Reader, logger *slog.Logger) error {
	return RestoreWith(dir, r, nil, logger)
}

// RestoreWith is Restore of a backup sealed with key (one from before
// backups were sealed restores as well) into a folder encrypted with key.
// A backup sealed with another key returns an error wrapping
// seal.ErrWrongKey (seal.ErrNoKey when key is nil) that names the key it
// wants, and leaves dir as it was.
func RestoreWith(dir string, r io.Reader, key seal.Key, logger *slog.Logger) error {
	err := backupfmt.RestoreEmpty(dir, func() error { return load(dir, r, key, time.Now(), logger) })
	if errors.Is(err, backupfmt.ErrNotEmpty) {
		return fmt.Errorf("restore: %s is not empty", dir)
	}
	return err
}

func load(dir string, r io.Reader, key seal.Key, now time.Time, logger *slog.Logger) error {
	br, err := seal.Unsealed(bufio.NewReader(r), key)
	if errors.Is(err, seal.ErrDamaged) {
		return errBadBackup
	}
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	stream, verify, err := backupfmt.ReadFramed(br, backupMagic)
	if err != nil {
		return errBadBackup
	}
	s, err := OpenWith(dir, key, logger)
	if err != nil {
		return err
	}
	room := roomReader(dir, stream)
	if err := s.db.Load(room, 256); err != nil {
		s.Close()
		if room.Err != nil {
			return room.Err
		}
		return fmt.Errorf("%w: %v", errBadBackup, err)
	}
	if err := verify(); err != nil {
		s.Close()
		return errBadBackup
	}
	if _, err := s.Restored(context.Background(), now); err != nil {
		s.Close()
		return err
	}
	return s.Close()
}

func getString(txn *badger.Txn, key string) (string, error) {
	item, err := txn.Get([]byte(key))
	if err != nil {
		return "", err
	}
	v, err := item.ValueCopy(nil)
	return string(v), err
}

// badgerLogger sends Badger's warnings and errors to slog and drops its
// chatter.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) Errorf(f string, a ...any) {
	b.l.Error("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
}
func (b badgerLogger) Warningf(f string, a ...any) {
	b.l.Warn("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
}
func (b badgerLogger) Infof(string, ...any)  {}
func (b badgerLogger) Debugf(string, ...any) {}
