// Package deskkey finds the desk's data key: in a key file IT names, or
// in the operating system's key store (Windows Credential Manager, the
// Secret Service on Linux, the macOS keychain); where the system has no
// key store, in a key file in the user's settings folder; or, once a
// supervisor set one, wrapped with a passphrase asked at every start.
//
// A data folder names its key by the key's ID in its file key-id (the ID
// tells nothing of the key), so the folder can be moved or renamed and
// still find its key; the key itself is never in the folder.
//
// The key encrypts the desk's data folder and its backups. Losing it
// loses no hotel data: the server holds every event a desk sent, and a
// desk set up anew (a new folder, enrolled again) receives them all.
package deskkey

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/zalando/go-keyring"

	"floordesk/data/backupfmt"
	"floordesk/data/seal"
	"floordesk/data/sealdb"
)

// Where a key was found.
type Source string

const (
	FromKeyFile  Source = "key file" // named by IT (--key-file, FLOORDESK_KEY_FILE)
	FromKeyStore Source = "system key store"
	// FromUserFile: a key file in the user's settings folder, where the
	// system has no key store. Weaker: anyone who can read the user's
	// files can read the key.
	FromUserFile Source = "user key file"
	// FromPassphrase: the key wrapped with a supervisor's passphrase, in
	// the user's settings folder (SetPassphrase, Unlock).
	FromPassphrase Source = "passphrase"
)

// KeyFileEnv names a key file when no --key-file is given.
const KeyFileEnv = "FLOORDESK_KEY_FILE"

// keyStoreService names the desk's entries in the system key store, each
// under its key's ID.
const keyStoreService = "FloorDesk"

// IDFile is the file in the data folder that names its key.
const IDFile = "key-id"

// ErrKeyLost: the data folder is encrypted and its key is nowhere to be
// found. Its data is unreadable; the desk is set up anew and receives the
// hotel's events from the server again.
var ErrKeyLost = errors.New("the data folder is encrypted and its key was not found")

// ErrNeedPassphrase: the folder's key is kept behind a passphrase: ask a
// supervisor and Unlock.
var ErrNeedPassphrase = errors.New("the data folder's key is kept behind a passphrase")

// KeyStore is the system key store (go-keyring's functions).
type KeyStore interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
	Delete(service, user string) error
}

type systemKeyStore struct{}

func (systemKeyStore) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (systemKeyStore) Set(s, u, v string) error        { return keyring.Set(s, u, v) }
func (systemKeyStore) Delete(s, u string) error        { return keyring.Delete(s, u) }

// Finder finds a data folder's key.
type Finder struct {
	Dir       string   // the data folder
	KeyFile   string   // a key file IT names; "" for none
	ConfigDir string   // the user's settings folder, for FromUserFile
	Store     KeyStore // nil means the system's
}

// Find returns the folder's key and where it came from: the key file IT
// named, else the key the folder names (Lookup). A folder that is new or
// plain gets a new key, kept in the system key store or else the user's
// key file, and named in the folder. An encrypted folder whose key is
// nowhere returns ErrKeyLost.
func (f Finder) Find() (seal.Key, Source, error) {
	if f.KeyFile != "" {
		k, err := f.fromFile(f.KeyFile)
		return k, FromKeyFile, err
	}
	id, err := ReadID(f.Dir)
	switch {
	case err == nil:
		return f.Lookup(id)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, "", err
	case encrypted(f.Dir):
		return nil, "", fmt.Errorf("%w (the folder does not name its key: give its key file with --key-file)", ErrKeyLost)
	}
	k := seal.NewKey()
	src, err := f.Adopt(k)
	return k, src, err
}

// Lookup finds the key whose ID is id: in the system key store, else in
// the user's key file (which moves into the key store once there is one).
// A key kept behind a passphrase is ErrNeedPassphrase: then Unlock.
func (f Finder) Lookup(id string) (seal.Key, Source, error) {
	secret, err := f.store().Get(keyStoreService, id)
	if err == nil {
		return decode(secret, id)
	}
	storeUp := errors.Is(err, keyring.ErrNotFound)
	k, ferr := seal.ReadKeyFile(f.userFile(id))
	switch {
	case errors.Is(ferr, fs.ErrNotExist) && exists(f.wrappedFile(id)):
		return nil, FromPassphrase, ErrNeedPassphrase
	case errors.Is(ferr, fs.ErrNotExist):
		return nil, "", fmt.Errorf("%w: key %s is in neither the system key store nor %s", ErrKeyLost, id, f.userFile(id))
	case ferr != nil:
		return nil, "", ferr
	case storeUp && f.store().Set(keyStoreService, id, hex.EncodeToString(k)) == nil:
		os.Remove(f.userFile(id))
		return k, FromKeyStore, nil
	}
	return k, FromUserFile, nil
}

// Adopt makes k the folder's key: kept in the system key store, else in
// the user's key file, and named in the folder's key-id file (the folder
// is made when missing). A restore adopts the backup's key.
func (f Finder) Adopt(k seal.Key) (Source, error) {
	src, err := f.keep(k)
	if err != nil {
		return "", err
	}
	return src, f.adoptID(k)
}

// NameKey names k in the folder's key-id file, leaving where k is kept as
// it is (a key kept behind a passphrase stays there).
func (f Finder) NameKey(k seal.Key) error { return f.adoptID(k) }

// adoptID names k in the folder's key-id file.
func (f Finder) adoptID(k seal.Key) error {
	if err := os.MkdirAll(f.Dir, 0o700); err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	if err := os.WriteFile(filepath.Join(f.Dir, IDFile), []byte(k.ID()+"\n"), 0o600); err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	return nil
}

// keep stores k where Lookup finds it.
func (f Finder) keep(k seal.Key) (Source, error) {
	if f.store().Set(keyStoreService, k.ID(), hex.EncodeToString(k)) == nil {
		return FromKeyStore, nil
	}
	path := f.userFile(k.ID())
	if have, err := seal.ReadKeyFile(path); err == nil && have.ID() == k.ID() {
		return FromUserFile, nil
	}
	os.Remove(path)
	return FromUserFile, seal.WriteKeyFile(path, k)
}

// fromFile reads the key file at path, or makes it for a folder that
// holds no encrypted store yet.
func (f Finder) fromFile(path string) (seal.Key, error) {
	k, err := seal.ReadKeyFile(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return k, err
	}
	if encrypted(f.Dir) {
		return nil, fmt.Errorf("%w (looked for the key file %s)", ErrKeyLost, path)
	}
	k, _, err = seal.LoadOrCreateKeyFile(path)
	return k, err
}

func (f Finder) store() KeyStore {
	if f.Store == nil {
		return systemKeyStore{}
	}
	return f.Store
}

// Unlock opens the folder's key kept behind a passphrase:
// seal.ErrWrongPassphrase for another passphrase, ErrKeyLost when the
// folder's key is not kept behind one on this PC.
func (f Finder) Unlock(passphrase string) (seal.Key, error) {
	id, err := ReadID(f.Dir)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrKeyLost, err)
	}
	return f.UnlockID(id, passphrase)
}

// UnlockID opens the key id kept behind a passphrase (a backup's key, for
// a restore), as Unlock does.
func (f Finder) UnlockID(id, passphrase string) (seal.Key, error) {
	b, err := os.ReadFile(f.wrappedFile(id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: key %s is not kept behind a passphrase here", ErrKeyLost, id)
	}
	if err != nil {
		return nil, err
	}
	k, err := seal.Unwrap(b, passphrase)
	if err != nil {
		return nil, err
	}
	if k.ID() != id {
		return nil, fmt.Errorf("%w: %s holds key %s, not the folder's %s", ErrKeyLost, f.wrappedFile(id), k.ID(), id)
	}
	return k, nil
}

// SetPassphrase keeps the folder's key k behind passphrase from now on:
// wrapped (seal.Wrap) in the user's settings folder, and removed from the
// system key store and the user's key file, so every start asks for the
// passphrase. The data and the backups keep their key: nothing is
// encrypted again. It refuses a passphrase out of its limits
// (seal.ErrPassphraseLength).
func (f Finder) SetPassphrase(k seal.Key, passphrase string) error {
	w, err := seal.Wrap(k, passphrase)
	if err != nil {
		return err
	}
	path := f.wrappedFile(k.ID())
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, w, 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	f.store().Delete(keyStoreService, k.ID()) // none where the system has no key store
	if err := os.Remove(f.userFile(k.ID())); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return f.adoptID(k)
}

// wrappedFile is where the key id is kept behind a passphrase.
func (f Finder) wrappedFile(id string) string {
	return filepath.Join(f.ConfigDir, "FloorDesk-keys", id+".wrapped")
}

// userFile is the user's key file for the key id, in the settings folder
// beside FloorDesk's: FloorDesk-keys/<id>.key.
func (f Finder) userFile(id string) string {
	return filepath.Join(f.ConfigDir, "FloorDesk-keys", id+".key")
}

// UserFile is where Find keeps the folder's key when the system has no
// key store, for the log to name; "" when the folder names no key yet.
func (f Finder) UserFile() string {
	id, err := ReadID(f.Dir)
	if err != nil {
		return ""
	}
	return f.userFile(id)
}

// ReadID reads the ID of the key the folder dir names.
func ReadID(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, IDFile))
	if err != nil {
		return "", err
	}
	id := strings.TrimSpace(string(b))
	if _, err := hex.DecodeString(id); err != nil || len(id) != 16 {
		return "", fmt.Errorf("the data folder's %s file is damaged", IDFile)
	}
	return id, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// encrypted reports whether dir holds an encrypted store.
func encrypted(dir string) bool { return backupfmt.IsStore(dir) && !sealdb.IsPlain(dir) }

func decode(secret, id string) (seal.Key, Source, error) {
	k, err := hex.DecodeString(secret)
	if err != nil || len(k) != seal.KeySize || seal.Key(k).ID() != id {
		return nil, "", errors.New("the system key store holds a damaged FloorDesk key")
	}
	return seal.Key(k), FromKeyStore, nil
}
