package data

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
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
	if _, err := io.WriteString(w, backupMagic); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	sum := sha256.New()
	n := &countingWriter{w: io.MultiWriter(w, sum)}
	if _, err := s.db.Backup(n, 0); err != nil {
		if errors.Is(err, badger.ErrDBClosed) {
			return ErrClosed
		}
		return fmt.Errorf("backup: %w", err)
	}
	if _, err := io.WriteString(w, trailer(n.n, sum.Sum(nil))); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

func trailer(n int64, sum []byte) string {
	return fmt.Sprintf("%s%016x %s\n", trailerPrefix, n, hex.EncodeToString(sum))
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Restore fills an empty (or missing) data folder from a backup written by
// Backup. Three things might happen: the folder holds the backup's data and
// Restore returns nil; dir already holds files and Restore returns
// ErrNotEmpty, having touched nothing, so a restore never overwrites a
// desk's data; or the file is not a whole FloorDesk backup (another file,
// one cut short or damaged) and Restore returns ErrBadBackup, leaving dir
// as it found it (missing, or empty).
func Restore(dir string, r io.Reader) error {
	if err := checkEmpty(dir); err != nil {
		return err
	}
	_, statErr := os.Stat(dir)
	existed := statErr == nil
	err := load(dir, r)
	if errors.Is(err, ErrBadBackup) {
		undoRestore(dir, existed)
	}
	return err
}

// load reads the header, then the stream into a new store in dir, then
// checks the trailer.
func load(dir string, r io.Reader) error {
	br := bufio.NewReader(r)
	head := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(br, head); err != nil {
		return ErrBadBackup
	}
	var stream io.Reader = br
	var checked *trailerReader
	switch string(head) {
	case backupMagic:
		checked = newTrailerReader(br)
		stream = checked
	case backupMagicV1:
	default:
		return ErrBadBackup
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
	if checked != nil {
		return checked.verify()
	}
	return nil
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
