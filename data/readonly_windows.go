package data

import (
	"fmt"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// Badger locks a folder it opens read-only on Unix (a shared lock, which a
// writer's exclusive one excludes), but refuses read-only mode on Windows
// for want of a lock. So on Windows the store takes the lock itself,
// exactly as Badger takes it for writing (its LOCK file, opened unshared
// and deleted on close), and opens Badger read-only without its own.
const bypassReadOnlyLock = true

// lockReadOnly takes the folder's lock for a read-only open; release gives
// it back. It fails as Badger does when another process has the folder.
func lockReadOnly(dir string) (release func(), err error) {
	path, err := filepath.Abs(filepath.Join(dir, "LOCK"))
	if err != nil {
		return nil, err
	}
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, err
	}
	const deleteOnClose = 0x04000000 // FILE_FLAG_DELETE_ON_CLOSE, as Badger's lock
	h, err := windows.CreateFile(p, 0, 0, nil, windows.OPEN_ALWAYS,
		windows.FILE_ATTRIBUTE_TEMPORARY|deleteOnClose, 0)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrAlreadyRunning, err)
	}
	return func() { windows.CloseHandle(h) }, nil
}
