// Package seal is how FloorDesk keeps its data unreadable without its key:
// the 256-bit key (made at random, read from a key file, or derived from a
// passphrase), its public ID, and a sealed stream, AES-256-GCM in chunks,
// that backups are written through. It imports only the standard library
// and golang.org/x/crypto, so the server links it without the desk's store.
package seal

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// KeySize is the size of a key in bytes: AES-256.
const KeySize = 32

// Key is a data key. The zero Key is no key: a store opened with it is
// not encrypted (tests only).
type Key []byte

// Errors about keys, for errors.Is.
var (
	// ErrKeyFileOpen: a key file the group or others may read. The key
	// is refused rather than used, so an administrator sees the mistake.
	ErrKeyFileOpen = errors.New("the key file can be read by other users")
	// ErrKeyFileBad: a key file that does not hold one key.
	ErrKeyFileBad = errors.New("the key file does not hold a FloorDesk key")
	// ErrWrongKey: data sealed with another key than the one given.
	ErrWrongKey = errors.New("the data was sealed with another key")
	// ErrNoKey: sealed data and no key to open it.
	ErrNoKey = errors.New("the data is sealed and no key was given")
)

// NewKey makes a key at random.
func NewKey() Key {
	k := make(Key, KeySize)
	rand.Read(k) // never fails (crypto/rand)
	return k
}

// ID names the key without telling it: 16 hex digits of a hash of it. A
// sealed file's header carries its key's ID, so a restore with another
// key says which one it wants.
func (k Key) ID() string {
	sum := sha256.Sum256(append([]byte("floordesk key id\x00"), k...))
	return hex.EncodeToString(sum[:8])
}

// Valid reports whether k is a whole key.
func (k Key) Valid() bool { return len(k) == KeySize }

// keyFileHeader starts a key file's one line, so a key file is told
// from any other file of 64 hex digits.
const keyFileHeader = "floordesk-key-v1 "

// ReadKeyFile reads the key in path. It refuses a file the group or
// others may read (ErrKeyFileOpen) on systems with Unix permissions, and a
// file holding anything but one key (ErrKeyFileBad).
func ReadKeyFile(path string) (Key, error) {
	if err := checkPrivate(path); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	text := strings.TrimSpace(string(b))
	if !strings.HasPrefix(text, keyFileHeader) {
		return nil, fmt.Errorf("%w: %s", ErrKeyFileBad, path)
	}
	k, err := hex.DecodeString(strings.TrimPrefix(text, keyFileHeader))
	if err != nil || len(k) != KeySize {
		return nil, fmt.Errorf("%w: %s", ErrKeyFileBad, path)
	}
	return Key(k), nil
}

// checkPrivate refuses a key file the group or others may read.
func checkPrivate(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("key file: %w", err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("%w: %s is %v; make it the server user's alone (chmod 600)", ErrKeyFileOpen, path, info.Mode().Perm())
	}
	return nil
}

// WriteKeyFile writes k to path, mode 0600, making its folder (0700) when
// missing. It never replaces a file: a key file that exists already
// returns an error wrapping fs.ErrExist, so a key is never lost to a typo.
func WriteKeyFile(path string, k Key) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("key file: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("key file: %w", err)
	}
	_, err = f.WriteString(keyFileHeader + hex.EncodeToString(k) + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("key file: %w", err)
	}
	return nil
}

// LoadOrCreateKeyFile reads the key in path, or, when there is no file
// there, makes a key and writes it there. created says which.
func LoadOrCreateKeyFile(path string) (k Key, created bool, err error) {
	k, err = ReadKeyFile(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return k, false, err
	}
	k = NewKey()
	if err := WriteKeyFile(path, k); err != nil {
		if errors.Is(err, fs.ErrExist) { // made meanwhile by another process
			k, err = ReadKeyFile(path)
			return k, false, err
		}
		return nil, false, err
	}
	return k, true, nil
}
