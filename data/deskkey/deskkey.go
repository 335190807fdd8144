// Package deskkey finds the desk's data key: in a key file IT names, or
// in the operating system's key store (Windows Credential Manager, the
// Secret Service on Linux, the macOS keychain); and where the system has
// no key store, in a key file in the user's settings folder.
//
// The key encrypts the desk's data folder and its backups. Losing it
// loses no hotel data: the server holds every event a desk sent, and a
// desk set up anew (a new folder, enrolled again) receives them all.
package deskkey

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

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
)

// KeyFileEnv names a key file when no --key-file is given.
const KeyFileEnv = "FLOORDESK_KEY_FILE"

// keyStoreService names the desk's entries in the system key store; each
// data folder has its own, under its absolute path.
const keyStoreService = "FloorDesk"

// ErrKeyLost: the data folder is encrypted and its key is nowhere to be
// found. Its data is unreadable; the desk is set up anew and receives the
// hotel's events from the server again.
var ErrKeyLost = errors.New("the data folder is encrypted and its key was not found")

// KeyStore is the system key store (go-keyring's functions).
type KeyStore interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
}

type systemKeyStore struct{}

func (systemKeyStore) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (systemKeyStore) Set(s, u, v string) error        { return keyring.Set(s, u, v) }

// Finder finds a data folder's key.
type Finder struct {
	Dir       string   // the data folder
	KeyFile   string   // a key file IT names; "" for none
	ConfigDir string   // the user's settings folder, for FromUserFile
	Store     KeyStore // nil means the system's
}

// Find returns the folder's key and where it came from: the key file IT
// named, the system key store, or the user's key file. A folder new or plain
// gets a new key kept in the first of these that works. An encrypted
// folder whose key is nowhere returns ErrKeyLost.
func (f Finder) Find() (seal.Key, Source, error) {
	if f.KeyFile != "" {
		k, err := f.fromFile(f.KeyFile)
		return k, FromKeyFile, err
	}
	id, err := f.id()
	if err != nil {
		return nil, "", err
	}
	k, err := f.fromKeyStore(id)
	if err == nil {
		return k, FromKeyStore, nil
	}
	if !errors.Is(err, errNoKeyStore) {
		return nil, FromKeyStore, err
	}
	k, err = f.fromFile(f.userFile(id))
	return k, FromUserFile, err
}

// errNoKeyStore: the system has no key store to use.
var errNoKeyStore = errors.New("no system key store")

// fromKeyStore reads the folder's key from the system key store, or keeps
// a new one there for a folder that holds no encrypted store. A key in
// the user's key file (kept there while the system had no key store) is
// moved into it.
func (f Finder) fromKeyStore(id string) (seal.Key, error) {
	store := f.Store
	if store == nil {
		store = systemKeyStore{}
	}
	secret, err := store.Get(keyStoreService, id)
	if err == nil {
		return decode(secret)
	}
	if !errors.Is(err, keyring.ErrNotFound) {
		return nil, fmt.Errorf("%w: %v", errNoKeyStore, err)
	}
	k, err := seal.ReadKeyFile(f.userFile(id))
	switch {
	case errors.Is(err, fs.ErrNotExist) && encrypted(f.Dir):
		return nil, fmt.Errorf("%w (looked in the system key store under %s %s)", ErrKeyLost, keyStoreService, id)
	case errors.Is(err, fs.ErrNotExist):
		k = seal.NewKey()
	case err != nil:
		return nil, err
	}
	if err := store.Set(keyStoreService, id, hex.EncodeToString(k)); err != nil {
		return nil, fmt.Errorf("%w: %v", errNoKeyStore, err)
	}
	os.Remove(f.userFile(id)) // now in the key store
	return k, nil
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

// id names the folder in the key store: its absolute path.
func (f Finder) id() (string, error) {
	abs, err := filepath.Abs(f.Dir)
	if err != nil {
		return "", fmt.Errorf("data folder: %w", err)
	}
	return abs, nil
}

// userFile is the user's key file for the folder id, in the settings
// folder beside FloorDesk's: FloorDesk-keys/<hash of the path>.key.
func (f Finder) userFile(id string) string {
	sum := sha256.Sum256([]byte(id))
	return filepath.Join(f.ConfigDir, "FloorDesk-keys", hex.EncodeToString(sum[:8])+".key")
}

// UserFile is where Find keeps the folder's key when the system has no
// key store, for the README and the log to name.
func (f Finder) UserFile() string {
	id, err := f.id()
	if err != nil {
		return ""
	}
	return f.userFile(id)
}

// encrypted reports whether dir holds an encrypted store.
func encrypted(dir string) bool { return backupfmt.IsStore(dir) && !sealdb.IsPlain(dir) }

func decode(secret string) (seal.Key, error) {
	k, err := hex.DecodeString(secret)
	if err != nil || len(k) != seal.KeySize {
		return nil, errors.New("the system key store holds a damaged FloorDesk key")
	}
	return seal.Key(k), nil
}

// Keep stores k as the folder's key where Find looks for it without a
// named key file (the system key store, else the user's key file),
// replacing what was there: after a restore with a key file, so the desk
// finds the restored folder's key at its start.
func (f Finder) Keep(k seal.Key) error {
	id, err := f.id()
	if err != nil {
		return err
	}
	store := f.Store
	if store == nil {
		store = systemKeyStore{}
	}
	path := f.userFile(id)
	if err := store.Set(keyStoreService, id, hex.EncodeToString(k)); err == nil {
		os.Remove(path)
		return nil
	}
	os.Remove(path)
	return seal.WriteKeyFile(path, k)
}
