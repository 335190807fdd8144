package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"floordesk/data/private"
	"floordesk/data/seal"
	"floordesk/data/wire"
)

// guestPhone is the i-th guest's phone number, each unlike the others
// (Badger compresses its tables, so a number repeated in every record
// would not be found whole even in a plain folder).
func guestPhone(i int) string {
	return fmt.Sprintf("13%09d", (uint64(i)*2654435761+12345)%1e9)
}

func guestEvent(i int) wire.Event {
	body, _ := json.Marshal(map[string]any{"claimant": "王芳", "contact": guestPhone(i), "n": i})
	return wire.Event{Actor: "staff-1", Entity: wire.EntityRef{Kind: "found", ID: string(rune('a' + i%20))}, Type: "found.claimed", Body: body}
}

func openKeyed(t *testing.T, dir string, key seal.Key) *Store {
	t.Helper()
	s, err := Open(Options{Dir: dir, Desk: "desk-a", Fold: TraceFold, GCInterval: -1, Key: key})
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	return s
}

// grepFiles fails when a file under root holds the phone of one of the
// first n guests, as `grep -r` would find it.
func grepFiles(t *testing.T, root string, n int) {
	t.Helper()
	for _, path := range filesHolding(root, n) {
		t.Errorf("%s holds a guest's phone", path)
	}
}

// filesHolding lists the files under root that hold the phone of one of
// the first n guests.
func filesHolding(root string, n int) []string {
	var found []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		b, _ := os.ReadFile(path)
		for i := range n {
			if bytes.Contains(b, []byte(guestPhone(i))) {
				found = append(found, path)
				break
			}
		}
		return nil
	})
	return found
}

// A desk's folder written by a build without encryption opens with every
// event after it, encrypted: the guest's phone is then in no file of the
// folder nor of its backup, and the backup restores only with its key.
func TestPlainFolderIsEncryptedAtOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "FloorDesk")
	plain := openKeyed(t, dir, nil)
	var before []wire.Event
	for i := range 300 {
		ev, err := plain.Append(guestEvent(i))
		if err != nil {
			t.Fatal(err)
		}
		before = append(before, ev)
	}
	plain.SetSetting("server.url", "https://desk.example")
	plain.Close()
	if len(filesHolding(dir, 300)) == 0 {
		t.Fatal("the plain folder does not hold the phone: the test would prove nothing")
	}

	key := seal.NewKey()
	s := openKeyed(t, dir, key)
	for _, ev := range before {
		if got, err := s.Get(ev.ID); err != nil || got.ID != ev.ID {
			t.Fatalf("event %s after encryption: %v", ev.ID, err)
		}
	}
	if v, _ := s.Setting("server.url"); v != "https://desk.example" {
		t.Fatalf("the server's address after encryption: %q", v)
	}
	checkViewsMatchStreams(t, s)
	backup := filepath.Join(t.TempDir(), "desk.fdbackup")
	if err := s.BackupFile(backup); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Append(guestEvent(300)); err != nil {
		t.Fatalf("the encrypted store is not writable: %v", err)
	}
	s.Close()
	grepFiles(t, filepath.Dir(dir), 301)
	checkPrivate(t, dir)

	other := seal.NewKey()
	if _, err := Open(Options{Dir: dir, Fold: TraceFold, GCInterval: -1, Key: other}); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("open with another key: %v, want ErrWrongKey", err)
	}
	restoreWithKeys(t, backup, key, other, len(before))
}

func restoreWithKeys(t *testing.T, backup string, key, other seal.Key, events int) {
	t.Helper()
	b, _ := os.ReadFile(backup)
	for _, tc := range []struct {
		key  seal.Key
		want error
	}{{other, ErrWrongKey}, {nil, ErrNoKey}} {
		dir := filepath.Join(t.TempDir(), "restored")
		err := RestoreWith(dir, bytes.NewReader(b), tc.key)
		if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), key.ID()) {
			t.Fatalf("restore with key %v: %v, want %v naming key %s", tc.key != nil, err, tc.want, key.ID())
		}
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("a refused restore left %s", dir)
		}
	}
	cut := filepath.Join(t.TempDir(), "restored")
	if err := RestoreWith(cut, bytes.NewReader(b[:len(b)-100]), key); !errors.Is(err, ErrBadBackup) {
		t.Fatalf("restore of a backup cut short: %v, want ErrBadBackup", err)
	}
	dir := filepath.Join(t.TempDir(), "restored")
	if err := RestoreWith(dir, bytes.NewReader(b), key); err != nil {
		t.Fatal(err)
	}
	r := openKeyed(t, dir, key)
	defer r.Close()
	if st, _ := r.Stats(); st.Events != events {
		t.Fatalf("restored %d events, want %d", st.Events, events)
	}
	grepFiles(t, dir, 300)
}

// checkPrivate fails unless dir is its user's alone: the folder 0700,
// Badger's files 0600.
func checkPrivate(t *testing.T, dir string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	info, err := os.Stat(dir)
	loose, lerr := private.Loose(dir)
	if err != nil || info.Mode().Perm() != 0o700 || len(loose) > 0 || lerr != nil {
		t.Fatalf("the encrypted folder is open to others: %v %v (%v %v)", info.Mode().Perm(), loose, err, lerr)
	}
}
