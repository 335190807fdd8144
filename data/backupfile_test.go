package data

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestAutoBackupKeepsAWeekOfDailyCopies runs the daily backup over ten
// days and checks there are seven restorable files, the newest last.
func TestAutoBackupKeepsAWeekOfDailyCopies(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	dir := filepath.Join(t.TempDir(), "backups")
	os.MkdirAll(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600)
	now := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	ab := &AutoBackup{Store: s, Dir: dir, Now: func() time.Time { return now }}
	for day := 0; day < 10; day++ {
		if _, err := s.Append(newEvent("key", "K", "key.signed_out")); err != nil {
			t.Fatal(err)
		}
		for hour := 0; hour < 3; hour++ { // hourly checks: one backup a day
			if err := ab.RunOnce(); err != nil {
				t.Fatal(err)
			}
			now = now.Add(time.Hour)
		}
		now = now.Add(21 * time.Hour)
	}
	files, err := ab.list()
	if err != nil || len(files) != 7 {
		t.Fatalf("backups = %v, %v; want 7", files, err)
	}
	if files[6] != "floordesk-20261110-080000.fdbackup" {
		t.Fatalf("newest backup = %s", files[6])
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Fatal("auto backup removed a file it did not write")
	}
	f, _ := os.Open(filepath.Join(dir, files[6]))
	defer f.Close()
	restored := filepath.Join(t.TempDir(), "r")
	if err := Restore(restored, f); err != nil {
		t.Fatal(err)
	}
	r := openTest(t, restored, "desk-a")
	if st, _ := r.Stats(); st.Events != 10 {
		t.Fatalf("newest backup holds %d events, want 10", st.Events)
	}
}

// stepClock is a clock that moves on a second at every reading, so each
// backup gets its own name; safe for concurrent use.
type stepClock struct{ n atomic.Int64 }

func (c *stepClock) now() time.Time {
	return time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(c.n.Add(1)) * time.Second)
}

// TestBackupNowWhileRunRuns makes backups by hand while the automatic
// ones run and the desk keeps writing: no two backups collide, no
// temporary file is left, the folder holds Keep files and the newest
// restores.
func TestBackupNowWhileRunRuns(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	dir := filepath.Join(t.TempDir(), "backups")
	clock := &stepClock{}
	ab := &AutoBackup{Store: s, Dir: dir, Every: time.Second, Keep: 3, Check: time.Millisecond, Now: clock.now}
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan struct{})
	go func() {
		defer close(ran)
		ab.Run(ctx, func(err error) { t.Errorf("automatic backup: %v", err) })
	}()
	var latest string
	for i := 0; i < 10; i++ {
		if _, err := s.Append(newEvent("key", "K", "key.signed_out")); err != nil {
			t.Fatal(err)
		}
		file, err := ab.BackupNow()
		if err != nil {
			t.Fatalf("backup now: %v", err)
		}
		latest = file
	}
	cancel()
	<-ran

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 3 || slices.ContainsFunc(names, func(n string) bool { return strings.HasSuffix(n, ".tmp") }) {
		t.Fatalf("the folder holds %v, want 3 backups and nothing else", names)
	}
	st, err := ab.State()
	if err != nil || st.Files != 3 || st.Failed != nil {
		t.Fatalf("state %+v, %v", st, err)
	}
	if st.Latest < latest {
		t.Fatalf("newest backup %s is older than the last one made by hand, %s", st.Latest, latest)
	}
	f, err := os.Open(st.Latest)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	restored := filepath.Join(t.TempDir(), "r")
	if err := Restore(restored, f); err != nil {
		t.Fatal(err)
	}
	if got, _ := openTest(t, restored, "desk-a").Stats(); got.Events != 10 {
		t.Fatalf("newest backup holds %d events, want 10", got.Events)
	}
}

// TestBackupNowPrunesAndStateShowsTheNewest makes backups by hand, not
// waiting for the day, and reads what the folder holds after each.
func TestBackupNowPrunesAndStateShowsTheNewest(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	dir := filepath.Join(t.TempDir(), "backups")
	clock := &stepClock{}
	ab := &AutoBackup{Store: s, Dir: dir, Keep: 2, Now: clock.now}

	st, err := ab.State()
	if err != nil || st.Files != 0 || st.Latest != "" || st.Keep != 2 || st.Dir != dir {
		t.Fatalf("before any backup: %+v, %v", st, err)
	}
	if err := ab.RunOnce(); err != nil { // the first is due at once
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	var made []string
	for i := 0; i < 3; i++ {
		file, err := ab.BackupNow()
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, file)
	}
	st, err = ab.State()
	if err != nil {
		t.Fatal(err)
	}
	if st.Files != 2 || st.Latest != made[2] || filepath.Base(st.Latest) != "floordesk-20261101-080004.fdbackup" {
		t.Fatalf("after three backups by hand: %+v, want 2 kept, the newest %s", st, made[2])
	}
	if want := time.Date(2026, 11, 1, 8, 0, 4, 0, time.UTC); !st.LatestAt.Equal(want) {
		t.Fatalf("newest made at %v, want %v", st.LatestAt, want)
	}
	for _, gone := range made[:1] {
		if _, err := os.Stat(gone); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s was not pruned", gone)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Error("pruning removed a file it did not write")
	}
	if err := ab.RunOnce(); err != nil {
		t.Fatal(err)
	}
	if again, _ := ab.State(); again.Latest != st.Latest {
		t.Errorf("the automatic backup made %s although one was made by hand just now", again.Latest)
	}
}

// TestBackupFolderInTheWay: a backups folder under a regular file cannot
// be made. Each way in says so, the automatic failure is kept until a
// backup works again, and nothing is left behind.
func TestBackupFolderInTheWay(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	blocker := filepath.Join(t.TempDir(), "usb")
	if err := os.WriteFile(blocker, []byte("a file, not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	clock := &stepClock{}
	ab := &AutoBackup{Store: s, Dir: filepath.Join(blocker, "backups"), Now: clock.now}

	if file, err := ab.BackupNow(); !errors.Is(err, ErrBackupFolder) || file != "" {
		t.Fatalf("backup now = %q, %v; want ErrBackupFolder", file, err)
	}
	if st, _ := ab.State(); st.Failed != nil {
		t.Fatalf("a backup by hand counts as an automatic failure: %v", st.Failed)
	}
	if err := ab.RunOnce(); !errors.Is(err, ErrBackupFolder) {
		t.Fatalf("run once = %v; want ErrBackupFolder", err)
	}
	st, err := ab.State()
	if !errors.Is(err, ErrBackupFolder) || !errors.Is(st.Failed, ErrBackupFolder) || st.FailedAt.IsZero() {
		t.Fatalf("state %+v, %v; want the folder and the automatic failure", st, err)
	}

	if err := os.Remove(blocker); err != nil { // IT plugs the right drive in
		t.Fatal(err)
	}
	if _, err := ab.BackupNow(); err != nil {
		t.Fatal(err)
	}
	if st, err := ab.State(); err != nil || st.Failed != nil || st.Files != 1 {
		t.Fatalf("after a backup that worked: %+v, %v", st, err)
	}
}

func TestBackupErrorSaysWhy(t *testing.T) {
	full := syscall.ENOSPC
	if runtime.GOOS == "windows" {
		full = syscall.Errno(112) // ERROR_DISK_FULL
	}
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"disk full", &fs.PathError{Op: "write", Path: "b.tmp", Err: full}, ErrBackupDiskFull},
		{"no permission", &fs.PathError{Op: "open", Path: "b.tmp", Err: fs.ErrPermission}, ErrBackupFolder},
		{"drive gone", &fs.PathError{Op: "mkdir", Path: "E:\\b", Err: fs.ErrNotExist}, ErrBackupFolder},
		{"store closed", ErrClosed, ErrClosed},
		{"other", errors.New("bad sector"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := backupError(tt.err)
			for _, kind := range []error{ErrBackupDiskFull, ErrBackupFolder, ErrClosed} {
				if got := errors.Is(err, kind); got != (kind == tt.want) {
					t.Errorf("errors.Is(%v, %v) = %v", err, kind, got)
				}
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("%v does not wrap %v", err, tt.err)
			}
		})
	}
}

// TestBackupNowSaysTheDiskIsFull writes a backup onto a full disk
// (/dev/full, where the backup's temporary file goes). Badger's stream
// often reports only "context canceled" then; the error still says the
// disk is full, and no file is left behind.
func TestBackupNowSaysTheDiskIsFull(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	s := openTest(t, t.TempDir(), "desk-a")
	big := json.RawMessage(`{"note":"` + strings.Repeat("x", 8<<10) + `"}`)
	for i := 0; i < 1000; i++ { // about 8 MB: Badger streams it in several batches
		ev := newEvent("found", "F-"+strconv.Itoa(i), "found.logged")
		ev.Body = big
		if _, err := s.Append(ev); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	clock := &stepClock{}
	ab := &AutoBackup{Store: s, Dir: dir, Now: clock.now}
	tmp := filepath.Join(dir, "floordesk-20261101-080001.fdbackup.tmp") // the name the first backup writes to
	if err := os.Symlink("/dev/full", tmp); err != nil {
		t.Skip("cannot link to /dev/full:", err)
	}
	file, err := ab.BackupNow()
	if !errors.Is(err, ErrBackupDiskFull) || file != "" {
		t.Fatalf("backup now = %q, %v; want ErrBackupDiskFull", file, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestWriteFileAtomicKeepsTheFilesError: a writer that turns the file's
// error into its own, as Badger's stream does, does not hide a full disk.
func TestWriteFileAtomicKeepsTheFilesError(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	name := filepath.Join(t.TempDir(), "b.fdbackup")
	if err := os.Symlink("/dev/full", name+".tmp"); err != nil {
		t.Skip("cannot link to /dev/full:", err)
	}
	err := writeFileAtomic(name, func(w io.Writer) error {
		if _, err := w.Write(make([]byte, 2<<20)); err != nil { // more than the buffer
			return context.Canceled
		}
		return nil
	})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("write = %v, want no space left", err)
	}
}

// TestAutoBackupWaitsForTheDeskToStart: with a Delay, the first automatic
// backup comes after it, not while the desk's window is being built.
func TestAutoBackupWaitsForTheDeskToStart(t *testing.T) {
	s := openTest(t, t.TempDir(), "desk-a")
	if _, err := s.Append(newEvent("key", "K", "key.registered")); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "backups")
	ab := &AutoBackup{Store: s, Dir: dir, Check: time.Millisecond, Delay: 300 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ran := make(chan struct{})
	go func() {
		defer close(ran)
		ab.Run(ctx, func(err error) { t.Errorf("automatic backup: %v", err) })
	}()
	time.Sleep(100 * time.Millisecond)
	if st, err := ab.State(); err == nil && st.Files > 0 {
		t.Fatalf("a backup was made %v into the delay", 100*time.Millisecond)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if st, err := ab.State(); err == nil && st.Files == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no backup within 10 s after the delay")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-ran
}
