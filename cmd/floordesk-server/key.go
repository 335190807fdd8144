package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"floordesk/data/seal"
	"floordesk/data/sealdb"
	"floordesk/server/badgerstore"
)

// keyFileName is the key file's name in the data folder when --key-file
// names none.
const keyFileName = "server.key"

// keyFileEnv names the key file when --key-file is not given.
const keyFileEnv = "FLOORDESK_SERVER_KEY_FILE"

// keyPath is the key file of the data folder: --key-file, else
// $FLOORDESK_SERVER_KEY_FILE, else server.key in the folder.
func (f *storeFlags) keyPath() string {
	switch {
	case f.keyFile != "":
		return f.keyFile
	case os.Getenv(keyFileEnv) != "":
		return os.Getenv(keyFileEnv)
	}
	return filepath.Join(f.data, keyFileName)
}

// key reads the data folder's key. A folder that holds no encrypted store
// yet (new, or plain from an earlier build) gets a new key file, said in
// the log; an encrypted folder whose key file is missing is an error that
// says where the key was looked for.
func (f *storeFlags) key(log *slog.Logger) (seal.Key, error) {
	path := f.keyPath()
	k, err := seal.ReadKeyFile(path)
	if !errors.Is(err, fs.ErrNotExist) {
		return k, keyError(err)
	}
	if badgerstore.IsStore(f.data) && !sealdb.IsPlain(f.data) {
		return nil, fmt.Errorf("the data folder %s is encrypted and its key file %s is missing: give the key with --key-file (or %s)", f.data, path, keyFileEnv)
	}
	if err := os.MkdirAll(f.data, 0o700); err != nil {
		return nil, err
	}
	k, created, err := seal.LoadOrCreateKeyFile(path)
	if created {
		log.Warn("made the data folder's key: keep a copy of it in a safe place, apart from the backups; a backup restores only with it", "key_file", path, "key_id", k.ID())
	}
	return k, keyError(err)
}

func keyError(err error) error {
	if errors.Is(err, seal.ErrKeyFileOpen) {
		return fmt.Errorf("refusing the key file: %w", err)
	}
	return err
}

// backupKey reads the key of a backup for restore: --backup-key, else the
// data folder's key file. A backup from before backups were sealed needs
// none, and then gets a new key; nil means that.
func backupKey(path string, backup *bufio.Reader) (seal.Key, error) {
	head, _ := backup.Peek(len(seal.Magic) + 20)
	if !seal.IsSealed(head) {
		return nil, nil
	}
	k, err := seal.ReadKeyFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("restore: the backup is sealed with key %s and there is no key file %s: give the key it was made with (--backup-key FILE)", seal.KeyID(head), path)
	}
	return k, keyError(err)
}

// restoreKey is the key a restore encrypts the new folder with: the
// backup's (read from backupPath, else from the folder's key file), or for
// a backup from before backups were sealed, the folder's key file's or a
// new key. A folder's key file that holds another key than the backup's
// is refused before anything is restored.
func restoreKey(sf storeFlags, backupPath string, br *bufio.Reader) (seal.Key, error) {
	if backupPath == "" {
		backupPath = sf.keyPath()
	}
	k, err := backupKey(backupPath, br)
	if err != nil {
		return nil, err
	}
	have, err := seal.ReadKeyFile(sf.keyPath())
	switch {
	case errors.Is(err, fs.ErrNotExist) && k == nil:
		return seal.NewKey(), nil
	case errors.Is(err, fs.ErrNotExist):
		return k, nil
	case err != nil:
		return nil, keyError(err)
	case k != nil && have.ID() != k.ID():
		return nil, fmt.Errorf("restore: the key file %s holds key %s, and the backup was sealed with key %s: give the restored folder another --key-file, or move that one away", sf.keyPath(), have.ID(), k.ID())
	}
	return have, nil
}

// keepKey writes the restored folder's key where the folder's key file is
// looked for, unless a file is there already.
func keepKey(path string, k seal.Key, out io.Writer) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := seal.WriteKeyFile(path, k); err != nil {
		return err
	}
	fmt.Fprintf(out, "the restored folder's key %s is in %s: keep a copy of it in a safe place\n", k.ID(), path)
	return nil
}
