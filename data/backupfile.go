package data

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// BackupFile writes a backup to path through a temporary file that is synced
// and then renamed, so path is either the old file or a whole new backup.
func (s *Store) BackupFile(path string) error {
	return writeFileAtomic(path, s.Backup)
}

// backupExt names the files AutoBackup writes and prunes.
const backupExt = ".fdbackup"

// Why a backup file could not be written, for errors.Is; the error also
// wraps the system's own.
var (
	// ErrBackupDiskFull: the disk that holds the backups folder is full.
	ErrBackupDiskFull = errors.New("backup disk full")
	// ErrBackupFolder: the backups folder cannot be made, read or written:
	// no permission, a file in its way, a read-only or missing drive.
	ErrBackupFolder = errors.New("backup folder cannot be used")
)

// AutoBackup keeps a rolling set of backups of a running desk in Dir: one
// when the newest is older than Every, keeping the newest Keep files. It
// never touches files it did not name. Set the fields before the first
// call; then its methods are safe to call from any goroutine, and two
// backups are never written at once.
type AutoBackup struct {
	Store *Store
	Dir   string
	Every time.Duration    // 0 means a day
	Keep  int              // 0 means 7
	Now   func() time.Time // nil means time.Now
	// Check is how often Run looks whether a backup is due; 0 means hourly.
	Check time.Duration
	// Delay is how long Run waits before its first look, so the desk's
	// start has the disk and the processor to itself; 0 means none.
	Delay time.Duration

	writing sync.Mutex // held while a backup is made and old ones pruned

	mu       sync.Mutex // guards failed and failedAt
	failed   error      // the last automatic backup's error, until a backup works
	failedAt time.Time
}

// BackupState is what AutoBackup finds in its folder and remembers, for a
// screen to show.
type BackupState struct {
	Dir      string
	Keep     int       // how many backups are kept
	Files    int       // how many backups Dir holds now
	Latest   string    // the newest backup's path; "" when there is none
	LatestAt time.Time // when the newest backup was made, in UTC
	// Failed is the last automatic backup's error, made at FailedAt; nil
	// when none failed since the last backup that worked.
	Failed   error
	FailedAt time.Time
}

// Run makes backups as they fall due, from Delay on, until ctx ends. A failed backup is
// reported to report (which may be nil), kept for State, and tried again
// at the next check.
func (a *AutoBackup) Run(ctx context.Context, report func(error)) {
	if a.Delay > 0 {
		wait := time.NewTimer(a.Delay)
		select {
		case <-ctx.Done():
			wait.Stop()
			return
		case <-wait.C:
		}
	}
	t := time.NewTicker(a.check())
	defer t.Stop()
	for {
		if err := a.RunOnce(); err != nil && report != nil {
			report(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// RunOnce makes a backup if one is due and prunes old ones. It returns the
// first error, which State reports as the last automatic failure.
func (a *AutoBackup) RunOnce() error {
	a.writing.Lock()
	defer a.writing.Unlock()
	files, err := a.list()
	if err == nil && len(files) > 0 && a.now().Sub(a.stamp(files[len(files)-1])) < a.every() {
		return nil
	}
	if err == nil {
		_, err = a.write(files)
	}
	a.remember(err)
	return err
}

// BackupNow makes a backup at once, due or not, and prunes old ones; it
// waits while another backup is being made. The store keeps working
// meanwhile. Three things might happen: the backup is written and old ones
// pruned, and BackupNow returns its path and nil, clearing the last
// automatic failure; the backup cannot be written, and it returns "" and
// an error that is ErrBackupDiskFull, ErrBackupFolder, ErrClosed or
// another failure, leaving no partial file; or the backup is written but
// an old one cannot be removed, and it returns the path and an error.
func (a *AutoBackup) BackupNow() (string, error) {
	a.writing.Lock()
	defer a.writing.Unlock()
	files, err := a.list()
	if err != nil {
		return "", err
	}
	name, err := a.write(files)
	if err == nil {
		a.remember(nil)
	}
	return name, err
}

// State reads the backups folder and the last automatic failure. An error
// (ErrBackupFolder or another) says the folder could not be read; the
// state then still holds Dir, Keep and the failure.
func (a *AutoBackup) State() (BackupState, error) {
	st := BackupState{Dir: a.Dir, Keep: a.keep()}
	a.mu.Lock()
	st.Failed, st.FailedAt = a.failed, a.failedAt
	a.mu.Unlock()
	files, err := a.list()
	if err != nil {
		return st, err
	}
	st.Files = len(files)
	if len(files) > 0 {
		newest := files[len(files)-1]
		st.Latest, st.LatestAt = filepath.Join(a.Dir, newest), a.stamp(newest)
	}
	return st, nil
}

// write makes a backup named for now beside files, the backups Dir holds,
// and prunes to Keep. Call it holding a.writing.
func (a *AutoBackup) write(files []string) (string, error) {
	if err := os.MkdirAll(a.Dir, 0o700); err != nil {
		return "", backupError(err)
	}
	base := "floordesk-" + a.now().UTC().Format("20060102-150405") + backupExt
	name := filepath.Join(a.Dir, base)
	if err := a.Store.BackupFile(name); err != nil {
		return "", backupError(err)
	}
	if !slices.Contains(files, base) { // a second backup within a second replaces the first
		files = append(files, base)
	}
	return name, a.prune(files)
}

// remember keeps the last automatic failure; nil clears it.
func (a *AutoBackup) remember(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.failed, a.failedAt = err, time.Time{}
	if err != nil {
		a.failedAt = a.now()
	}
}

func (a *AutoBackup) every() time.Duration { return orDefault(a.Every, 24*time.Hour) }
func (a *AutoBackup) keep() int            { return orDefault(a.Keep, 7) }
func (a *AutoBackup) check() time.Duration { return orDefault(a.Check, time.Hour) }

// orDefault is v, or def when v is zero.
func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

func (a *AutoBackup) now() time.Time {
	if a.Now == nil {
		return time.Now()
	}
	return a.Now()
}

// list returns the names of this desk's backups in Dir, oldest first.
func (a *AutoBackup) list() ([]string, error) {
	entries, err := os.ReadDir(a.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, backupError(err)
	}
	var out []string
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, "floordesk-") && strings.HasSuffix(n, backupExt) {
			out = append(out, n)
		}
	}
	sort.Strings(out) // the UTC stamp in the name sorts by time
	return out, nil
}

func (a *AutoBackup) stamp(name string) time.Time {
	s := strings.TrimSuffix(strings.TrimPrefix(name, "floordesk-"), backupExt)
	t, err := time.Parse("20060102-150405", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func (a *AutoBackup) prune(files []string) error {
	for len(files) > a.keep() {
		if err := os.Remove(filepath.Join(a.Dir, files[0])); err != nil {
			return backupError(fmt.Errorf("prune: %w", err))
		}
		files = files[1:]
	}
	return nil
}

// backupError says why a backup file could not be written: the disk is
// full, the folder cannot be written, or the store closed.
func backupError(err error) error {
	var errno syscall.Errno
	switch {
	case errors.Is(err, ErrClosed):
		return err
	case errors.As(err, &errno) && diskFull(errno):
		return fmt.Errorf("auto backup: %w: %w", ErrBackupDiskFull, err)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrExist),
		errors.Is(err, syscall.ENOTDIR), errors.Is(err, syscall.EISDIR), errors.Is(err, syscall.EROFS):
		return fmt.Errorf("auto backup: %w: %w", ErrBackupFolder, err)
	}
	return fmt.Errorf("auto backup: %w", err)
}

// diskFull tells a full disk: ENOSPC or EDQUOT, or on Windows
// ERROR_HANDLE_DISK_FULL (39) and ERROR_DISK_FULL (112).
func diskFull(errno syscall.Errno) bool {
	if runtime.GOOS == "windows" {
		return errno == 39 || errno == 112
	}
	return errno == syscall.ENOSPC || errno == syscall.EDQUOT
}

// writeFileAtomic writes name through a temporary file that is synced and
// then renamed, so name is never left half written.
func writeFileAtomic(name string, write func(io.Writer) error) (err error) {
	tmp := name + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	fw := &fileWriter{f: f}
	bw := bufio.NewWriterSize(fw, 1<<20)
	if err := write(bw); err != nil {
		if fw.err != nil {
			return fw.err
		}
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		return err
	}
	syncDir(filepath.Dir(name))
	return nil
}

// fileWriter writes to f and keeps the first error. A writer may turn the
// file's error into its own: Badger's backup stream logs a full disk and
// returns "context canceled", where the disk full is what to report.
type fileWriter struct {
	f   *os.File
	err error
}

func (w *fileWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

// syncDir makes a rename durable where the system allows it (not Windows,
// where directories cannot be opened for syncing; NTFS journals renames).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
