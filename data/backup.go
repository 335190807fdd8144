package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/dgraph-io/badger/v4"
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
// Version 1 files (no trailer) from earlier builds still restore.
const (
	backupMagic   = "FLOORDESK-BACKUP 2\n"
	backupMagicV1 = "FLOORDESK-BACKUP 1\n"
	trailerPrefix = "\nFLOORDESK-END "
	trailerLen    = len(trailerPrefix) + 16 + 1 + 64 + 1
)

// Backup writes a consistent copy of the whole store to w while the store
// stays open and in use. The copy reflects one moment: writes that commit
// during the backup are either wholly in it or wholly out.
func (s *Store) Backup(w io.Writer) error {
	err := WriteFramed(w, backupMagic, func(w io.Writer) error {
		_, err := s.db.Backup(w, 0)
		return err
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
// as it found it (missing, or empty).
func Restore(dir string, r io.Reader) error {
	return RestoreEmpty(dir, func() error { return load(dir, r) })
}

// RestoreEmpty runs fill to fill dir from a backup: dir must be empty or
// missing, else it returns ErrNotEmpty and fill does not run. When fill
// fails with ErrBadBackup, what it wrote is removed: dir itself when the
// restore made it, else what is in it, so dir is left as it was found.
func RestoreEmpty(dir string, fill func() error) error {
	if err := checkEmpty(dir); err != nil {
		return err
	}
	_, statErr := os.Stat(dir)
	existed := statErr == nil
	err := fill()
	if errors.Is(err, ErrBadBackup) {
		undoRestore(dir, existed)
	}
	return err
}

// load reads the header, then the stream into a new store in dir, then
// checks the trailer.
func load(dir string, r io.Reader) error {
	br := bufio.NewReader(r)
	stream, verify, err := openBackup(br)
	if err != nil {
		return err
	}
	db, err := badger.Open(badgerOptions(dir, slog.Default()))
	if err != nil {
		return translateOpenError(err)
	}
	if err := db.Load(stream, 64); err != nil {
		db.Close()
		return fmt.Errorf("%w: %v", ErrBadBackup, err)
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return verify()
}

// openBackup reads a desk backup's header: version 2 (framed) or 1 (the
// stream alone, nothing to verify).
func openBackup(br *bufio.Reader) (io.Reader, func() error, error) {
	if head, _ := br.Peek(len(backupMagicV1)); string(head) == backupMagicV1 {
		br.Discard(len(head))
		return br, func() error { return nil }, nil
	}
	return ReadFramed(br, backupMagic)
}

// undoRestore removes what a failed restore wrote: dir itself when the
// restore made it, else only what is in it.
func undoRestore(dir string, existed bool) {
	if !existed {
		os.RemoveAll(dir)
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if len(entries) > 0 {
		return ErrNotEmpty
	}
	return nil
}
