package data

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// BackupFile writes a backup to path through a temporary file that is synced
// and then renamed, so path is either the old file or a whole new backup.
func (s *Store) BackupFile(path string) error {
	return writeFileAtomic(path, s.Backup)
}

// backupExt names the files AutoBackup writes and prunes.
const backupExt = ".fdbackup"

// AutoBackup keeps a rolling set of backups of a running desk in Dir: one
// when the newest is older than Every, keeping the newest Keep files. It
// never touches files it did not name.
type AutoBackup struct {
	Store *Store
	Dir   string
	Every time.Duration    // 0 means a day
	Keep  int              // 0 means 7
	Now   func() time.Time // nil means time.Now
	// Check is how often Run looks whether a backup is due; 0 means hourly.
	Check time.Duration
}

// Run makes backups as they fall due until ctx ends. A failed backup is
// reported to report (which may be nil) and tried again at the next check.
func (a *AutoBackup) Run(ctx context.Context, report func(error)) {
	a.defaults()
	t := time.NewTicker(a.Check)
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
// first error.
func (a *AutoBackup) RunOnce() error {
	a.defaults()
	files, err := a.list()
	if err != nil {
		return err
	}
	now := a.Now()
	if len(files) > 0 && now.Sub(a.stamp(files[len(files)-1])) < a.Every {
		return nil
	}
	if err := os.MkdirAll(a.Dir, 0o700); err != nil {
		return fmt.Errorf("auto backup: %w", err)
	}
	name := filepath.Join(a.Dir, "floordesk-"+now.UTC().Format("20060102-150405")+backupExt)
	if err := a.Store.BackupFile(name); err != nil {
		return fmt.Errorf("auto backup: %w", err)
	}
	return a.prune(append(files, filepath.Base(name)))
}

func (a *AutoBackup) defaults() {
	if a.Every == 0 {
		a.Every = 24 * time.Hour
	}
	if a.Keep == 0 {
		a.Keep = 7
	}
	if a.Now == nil {
		a.Now = time.Now
	}
	if a.Check == 0 {
		a.Check = time.Hour
	}
}

// list returns the names of this desk's backups in Dir, oldest first.
func (a *AutoBackup) list() ([]string, error) {
	entries, err := os.ReadDir(a.Dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("auto backup: %w", err)
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
	for len(files) > a.Keep {
		if err := os.Remove(filepath.Join(a.Dir, files[0])); err != nil {
			return fmt.Errorf("auto backup: prune: %w", err)
		}
		files = files[1:]
	}
	return nil
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
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := write(bw); err != nil {
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

// syncDir makes a rename durable where the system allows it (not Windows,
// where directories cannot be opened for syncing; NTFS journals renames).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
