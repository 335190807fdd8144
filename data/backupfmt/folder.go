package backupfmt

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// IsStore reports whether dir holds a store (a desk's data folder, or any
// Badger folder such as the server's), as opposed to a missing, empty or
// unrelated folder, which Open would turn into a new, empty store.
func IsStore(dir string) bool {
	info, err := os.Stat(filepath.Join(dir, "MANIFEST"))
	return err == nil && info.Mode().IsRegular()
}

// RestoreEmpty runs fill to fill dir from a backup: dir must be empty or
// missing, else it returns ErrNotEmpty and fill does not run. When fill
// fails (ErrBadBackup, a full disk...), what it wrote is removed: dir
// itself when the restore made it, else what is in it, so dir is left as
// it was found.
func RestoreEmpty(dir string, fill func() error) error {
	if err := checkEmpty(dir); err != nil {
		return err
	}
	_, statErr := os.Stat(dir)
	existed := statErr == nil
	err := fill()
	if err != nil {
		undoRestore(dir, existed)
	}
	return err
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
