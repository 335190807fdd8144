package deskkey_test

import (
	"bytes"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/zalando/go-keyring"

	"floordesk/data/deskkey"
	"floordesk/data/seal"
	"floordesk/data/sealdb"
)

// memStore is a system key store in memory; down makes it fail as a
// Linux without the Secret Service does.
type memStore struct {
	m    map[string]string
	down bool
}

func (s *memStore) Get(svc, user string) (string, error) {
	if s.down {
		return "", errors.New(`exec: "dbus-launch": executable file not found in $PATH`)
	}
	v, ok := s.m[svc+"/"+user]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (s *memStore) Set(svc, user, v string) error {
	if s.down {
		return errors.New("no secret service")
	}
	s.m[svc+"/"+user] = v
	return nil
}

func (s *memStore) Delete(svc, user string) error {
	if s.down {
		return errors.New("no secret service")
	}
	delete(s.m, svc+"/"+user)
	return nil
}

// encrypt makes dir hold a store encrypted with k.
func encrypt(t *testing.T, dir string, k seal.Key) {
	t.Helper()
	db, err := sealdb.Open(badger.DefaultOptions(dir).WithLogger(nil), k, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
}

func TestKeyStoreThenUserFile(t *testing.T) {
	dir, cfg := filepath.Join(t.TempDir(), "FloorDesk"), t.TempDir()
	store := &memStore{m: map[string]string{}}
	f := deskkey.Finder{Dir: dir, ConfigDir: cfg, Store: store}
	k, src, err := f.Find()
	if err != nil || src != deskkey.FromKeyStore || !k.Valid() {
		t.Fatalf("a new folder with a key store: %v from %s", err, src)
	}
	if id, err := deskkey.ReadID(dir); err != nil || id != k.ID() {
		t.Fatalf("the folder names key %q (%v), want %s", id, err, k.ID())
	}
	encrypt(t, dir, k)
	// The folder moved elsewhere still finds its key.
	moved := filepath.Join(t.TempDir(), "D-drive", "FloorDesk")
	os.MkdirAll(filepath.Dir(moved), 0o700)
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	f.Dir = moved
	again, _, err := f.Find()
	if err != nil || !bytes.Equal(again, k) {
		t.Fatalf("the key of the moved folder: %v", err)
	}
	if matches, _ := filepath.Glob(filepath.Join(cfg, "FloorDesk-keys", "*")); len(matches) > 0 {
		t.Fatalf("a user key file was made beside the key store: %v", matches)
	}

	// A system without a key store keeps a new folder's key in the user's
	// settings folder, 0600.
	dir2 := filepath.Join(t.TempDir(), "FloorDesk")
	store.down = true
	f2 := deskkey.Finder{Dir: dir2, ConfigDir: cfg, Store: store}
	k2, src, err := f2.Find()
	if err != nil || src != deskkey.FromUserFile {
		t.Fatalf("no key store: %v from %s", err, src)
	}
	if info, err := os.Stat(f2.UserFile()); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("user key file: %v %v", info, err)
	}
	encrypt(t, dir2, k2)
	if again, src, err := f2.Find(); err != nil || src != deskkey.FromUserFile || !bytes.Equal(again, k2) {
		t.Fatalf("the user key file again: %v from %s", err, src)
	}
	// When the key store comes, the key moves into it.
	store.down = false
	k3, src, err := f2.Find()
	if err != nil || src != deskkey.FromKeyStore || !bytes.Equal(k3, k2) {
		t.Fatalf("key store back: %v from %s, same key %v", err, src, bytes.Equal(k3, k2))
	}
	if _, err := os.Stat(f2.UserFile()); err == nil {
		t.Fatal("the user key file was kept after the key moved into the key store")
	}
}

// An encrypted folder whose key is nowhere is ErrKeyLost, and no new key
// is made for it.
func TestKeyLost(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "FloorDesk")
	k := seal.NewKey()
	encrypt(t, dir, k)
	named := filepath.Join(t.TempDir(), "FloorDesk")
	encrypt(t, named, k)
	os.WriteFile(filepath.Join(named, deskkey.IDFile), []byte(k.ID()), 0o600)
	for name, f := range map[string]deskkey.Finder{
		"names no key":          {Dir: dir, ConfigDir: t.TempDir(), Store: &memStore{m: map[string]string{}}},
		"key not in the store":  {Dir: named, ConfigDir: t.TempDir(), Store: &memStore{m: map[string]string{}}},
		"no store, no key file": {Dir: named, ConfigDir: t.TempDir(), Store: &memStore{down: true}},
		"key file missing":      {Dir: dir, KeyFile: filepath.Join(t.TempDir(), "desk.key")},
	} {
		if _, _, err := f.Find(); !errors.Is(err, deskkey.ErrKeyLost) {
			t.Errorf("%s: %v, want ErrKeyLost", name, err)
		}
		if f.KeyFile != "" {
			if _, err := os.Stat(f.KeyFile); err == nil {
				t.Errorf("%s: a new key file was made for an encrypted folder", name)
			}
		}
	}
}

// A key file IT names is used first, made when missing for a new folder.
func TestKeyFileFirst(t *testing.T) {
	dir, path := filepath.Join(t.TempDir(), "FloorDesk"), filepath.Join(t.TempDir(), "desk.key")
	f := deskkey.Finder{Dir: dir, KeyFile: path, Store: &memStore{m: map[string]string{}}}
	k, src, err := f.Find()
	if err != nil || src != deskkey.FromKeyFile {
		t.Fatalf("%v from %s", err, src)
	}
	if read, err := seal.ReadKeyFile(path); err != nil || !bytes.Equal(read, k) {
		t.Fatalf("the key file holds another key: %v", err)
	}
}

// A key kept behind a passphrase is asked for at every start, opens with
// that passphrase only, and is then in no key store or plain key file.
func TestPassphrase(t *testing.T) {
	for _, down := range []bool{false, true} {
		dir, cfg := filepath.Join(t.TempDir(), "FloorDesk"), t.TempDir()
		store := &memStore{m: map[string]string{}, down: down}
		f := deskkey.Finder{Dir: dir, ConfigDir: cfg, Store: store}
		k, _, err := f.Find()
		if err != nil {
			t.Fatal(err)
		}
		encrypt(t, dir, k)
		if err := f.SetPassphrase(k, "short"); !errors.Is(err, seal.ErrPassphraseLength) {
			t.Fatalf("a short passphrase: %v", err)
		}
		const pass = "二楼服务台 night shift"
		if err := f.SetPassphrase(k, pass); err != nil {
			t.Fatal(err)
		}
		if _, src, err := f.Find(); !errors.Is(err, deskkey.ErrNeedPassphrase) || src != deskkey.FromPassphrase {
			t.Fatalf("key store down %v: Find after a passphrase: %v from %s, want ErrNeedPassphrase", down, err, src)
		}
		if len(store.m) != 0 {
			t.Fatalf("the key is still in the key store: %v", store.m)
		}
		plain, _ := filepath.Glob(filepath.Join(cfg, "FloorDesk-keys", "*.key"))
		if len(plain) > 0 {
			t.Fatalf("a plain key file is left: %v", plain)
		}
		if _, err := f.Unlock("二楼服务台 day shift!"); !errors.Is(err, seal.ErrWrongPassphrase) {
			t.Fatalf("a wrong passphrase: %v", err)
		}
		got, err := f.Unlock(pass)
		if err != nil || !bytes.Equal(got, k) {
			t.Fatalf("unlock: %v", err)
		}
	}
}
