package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/dgraph-io/badger/v4"
)

// backupMagic starts every backup file, so a restore can tell a FloorDesk
// backup from any other file before touching the data folder.
const backupMagic = "FLOORDESK-BACKUP 1\n"

// Backup writes a consistent copy of the whole store to w while the store
// stays open and in use. The copy reflects one moment: writes that commit
// during the backup are either wholly in it or wholly out.
func (s *Store) Backup(w io.Writer) error {
	if _, err := io.WriteString(w, backupMagic); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if _, err := s.db.Backup(w, 0); err != nil {
		if errors.Is(err, badger.ErrDBClosed) {
			return ErrClosed
		}
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// Restore fills an empty (or missing) data folder from a backup written by
// Backup. It returns ErrNotEmpty when dir already holds files, so a restore
// never overwrites a desk's data, and ErrBadBackup for anything that is not
// a whole FloorDesk backup.
func Restore(dir string, r io.Reader) error {
	if err := checkEmpty(dir); err != nil {
		return err
	}
	br := bufio.NewReader(r)
	head := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != backupMagic {
		return ErrBadBackup
	}
	db, err := badger.Open(badgerOptions(dir, slog.Default()))
	if err != nil {
		return translateOpenError(err)
	}
	if err := db.Load(br, 64); err != nil {
		db.Close()
		os.RemoveAll(dir)
		return fmt.Errorf("%w: %v", ErrBadBackup, err)
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return nil
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
