package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/dgraph-io/badger/v4"
	"github.com/klauspost/compress/zstd"

	"floordesk/data/backupfmt"
	"floordesk/data/seal"
	"floordesk/data/sealdb"
)

// A backup file is a header line, Badger's backup stream, and a trailer
// line with the stream's length and SHA-256, so a restore can tell a whole
// backup from one cut short: Badger's stream has no end marker, and a copy
// cut at a record boundary would otherwise restore as a smaller desk.
//
//	FLOORDESK-BACKUP 2\n
//	<Badger backup stream>
//	\nFLOORDESK-END <length, 16 hex digits> <SHA-256, 64 hex digits>\n
//
// From version 3 the stream between them is compressed with zstd (the
// trailer counts and sums the compressed bytes). Versions 2 and 1 (no
// trailer) from earlier builds still restore.
//
// A store opened with a key seals the whole file with it (package seal:
// AES-256-GCM in chunks, behind a header naming the key's ID), so a backup
// on a share tells nothing without the key, and opens only with it.
const (
	backupMagic   = "FLOORDESK-BACKUP 3\n"
	backupMagicV2 = "FLOORDESK-BACKUP 2\n"
	backupMagicV1 = "FLOORDESK-BACKUP 1\n"
)

// Backup writes a consistent copy of the whole store to w while the store
// stays open and in use. The copy reflects one moment: writes that commit
// during the backup are either wholly in it or wholly out.
func (s *Store) Backup(w io.Writer) error {
	err := seal.WriteSealed(w, s.opts.Key, func(w io.Writer) error {
		return backupfmt.WriteFramed(w, backupMagic, s.writeCompressed)
	})
	if errors.Is(err, badger.ErrDBClosed) {
		return ErrClosed
	}
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// Restore fills an empty (or missing) data folder from a backup written by
// Backup. Three things might happen: the folder holds the backup's data and
// Restore returns nil; dir already holds files and Restore returns
// ErrNotEmpty, having touched nothing, so a restore never overwrites a
// desk's data; or the file is not a whole FloorDesk backup (another file,
// one cut short or damaged) and Restore returns ErrBadBackup, leaving dir
// as it found it (missing, or empty). On a disk that would keep less than
// DiskReserve free it stops with ErrDiskFull, leaving dir as it found it.
// A sealed backup needs its key: see RestoreWith.
func Restore(dir string, r io.Reader) error { return RestoreWith(dir, r, nil) }

// RestoreWith is Restore of a backup sealed with key (one from before
// backups were sealed restores as well), into a folder encrypted with key
// (plain when key is nil). A backup sealed with another key returns an
// error wrapping ErrWrongKey, and one sealed when key is nil ErrNoKey;
// both name the key the backup wants, and leave dir as it was found.
func RestoreWith(dir string, r io.Reader, key seal.Key) error {
	return backupfmt.RestoreEmpty(dir, func() error { return load(dir, r, key) })
}

// load opens the seal, reads the header, then the stream into a new store
// in dir, then checks the trailer.
func load(dir string, r io.Reader, key seal.Key) error {
	br, err := seal.Unsealed(bufio.NewReader(r), key)
	if errors.Is(err, seal.ErrDamaged) {
		return fmt.Errorf("%w: %v", ErrBadBackup, err)
	}
	if err != nil {
		return err
	}
	stream, verify, err := openBackup(br)
	if err != nil {
		return err
	}
	room, err := newRoomReader(dir, stream)
	if err != nil {
		return err
	}
	db, err := badger.Open(sealdb.Options(badgerOptions(dir, slog.Default()), key))
	if err != nil {
		return translateOpenError(err)
	}
	if err := db.Load(room, 64); err != nil {
		db.Close()
		if room.Err != nil {
			return room.Err
		}
		return fmt.Errorf("%w: %v", ErrBadBackup, err)
	}
	if err := db.Update(forgetSigner); err != nil { // its old chain may have gone on after the backup
		db.Close()
		return fmt.Errorf("restore: %w", err)
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return verify()
}

// writeCompressed writes the backup stream through zstd at its fastest
// level, on one goroutine: a desk's daily backup must not slow the desk.
func (s *Store) writeCompressed(w io.Writer) error {
	zw, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return err
	}
	if err := s.writeBackupStream(zw); err != nil {
		zw.Close()
		return err
	}
	return zw.Close()
}

// openBackup reads a desk backup's header: version 3 (framed, zstd), 2
// (framed) or 1 (the stream alone, nothing to verify).
func openBackup(br *bufio.Reader) (io.Reader, func() error, error) {
	head, _ := br.Peek(len(backupMagicV1))
	switch string(head) {
	case backupMagicV1:
		br.Discard(len(head))
		return br, func() error { return nil }, nil
	case backupMagicV2:
		return backupfmt.ReadFramed(br, backupMagicV2)
	}
	framed, verify, err := backupfmt.ReadFramed(br, backupMagic)
	if err != nil {
		return nil, nil, err
	}
	zr, err := zstd.NewReader(framed, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrBadBackup, err)
	}
	return zr, func() error {
		zr.Close()
		if _, err := io.Copy(io.Discard, framed); err != nil { // up to the trailer
			return fmt.Errorf("%w: %v", ErrBadBackup, err)
		}
		return verify()
	}, nil
}
