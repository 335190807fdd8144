package main

import (
	"bufio"
	"errors"
	"flag"
	"log/slog"
	"os"

	"floordesk/data"
	"floordesk/data/deskkey"
	"floordesk/data/seal"
)

// keyFinder finds the key of the data folder dir: the key file named by
// --key-file or FLOORDESK_KEY_FILE, else the system key store, else a key
// file in the user's settings folder (see data/deskkey and the README).
func keyFinder(dir, keyFile string) deskkey.Finder {
	if keyFile == "" {
		keyFile = os.Getenv(deskkey.KeyFileEnv)
	}
	cfg, _ := os.UserConfigDir()
	return deskkey.Finder{Dir: dir, KeyFile: keyFile, ConfigDir: cfg}
}

// folderKey is the data folder's key for a command on the terminal, which
// asks for the passphrase when the key is kept behind one (cliKey).
func folderKey(dir, keyFile string) (seal.Key, error) {
	return cliKey(keyFinder(dir, keyFile))
}

// folderKeyWith is the key f finds, said in the log; ErrNeedPassphrase
// when it is kept behind a passphrase.
func folderKeyWith(f deskkey.Finder) (seal.Key, error) {
	k, src, err := f.Find()
	if err != nil {
		return nil, err
	}
	switch src {
	case deskkey.FromUserFile:
		slog.Info("the data folder's key is kept in a file in the user's settings folder: this system has no key store", "file", f.UserFile(), "key_id", k.ID())
	default:
		slog.Debug("the data folder's key", "from", string(src), "key_id", k.ID())
	}
	return k, nil
}

// keyRefused says why the data folder's key could not be had, if that is
// what err is, and returns the exit code; ok is false for other errors.
func keyRefused(dir string, err error) (code int, ok bool) {
	names := map[string]string{"Dir": dir}
	switch {
	case errors.Is(err, deskkey.ErrKeyLost):
		say(os.Stderr, "cli.key_lost", names)
	case errors.Is(err, data.ErrWrongKey):
		say(os.Stderr, "cli.key_wrong", names)
	case errors.Is(err, seal.ErrKeyFileOpen):
		say(os.Stderr, "cli.key_file_open", names)
	case errors.Is(err, seal.ErrKeyFileBad):
		say(os.Stderr, "cli.key_file_bad", names)
	case errors.Is(err, seal.ErrWrongPassphrase):
		say(os.Stderr, "cli.passphrase_wrong", names)
	default:
		return exitFailed, false
	}
	slog.Error("data folder key", "err", err)
	return exitFailed, true
}

// exportKey writes the data folder's key to a key file (0600), for the
// safe: a backup restores on another PC only with it.
func exportKey(args []string) int {
	fs, dir := newFlags("floordesk export-key")
	files, code, ok := parse(fs, args, 1)
	if !ok {
		return code
	}
	k, err := folderKey(*dir, keyFileFlag(fs))
	if err != nil {
		return openFailed(*dir, err, "")
	}
	if err := seal.WriteKeyFile(files[0], k); err != nil {
		say(os.Stderr, "cli.key_export_failed", map[string]string{"File": files[0]})
		slog.Error("export key", "err", err)
		return exitFailed
	}
	say(os.Stdout, "cli.key_exported", map[string]string{"File": files[0], "Key": k.ID()})
	return exitOK
}

// restoreKey is the key a restore opens the backup with and encrypts the
// folder with: the key file named (--key-file, else FLOORDESK_KEY_FILE),
// else the key the backup names, from this PC's key store or user key
// file; a backup from before backups were sealed gets a new key. adopt,
// called once the restore worked, names that key in the restored folder
// and keeps it where the desk finds it at its start. A sealed backup
// whose key is not on this PC is a *seal.KeyError.
func restoreKey(dir, keyFile string, br *bufio.Reader) (k seal.Key, adopt func() error, err error) {
	f := keyFinder(dir, keyFile)
	home := f
	home.KeyFile = ""
	adopt = func() error { _, err := home.Adopt(k); return err }
	if keyFile == "" && f.KeyFile != "" { // FLOORDESK_KEY_FILE: the desk starts with that one
		adopt = func() error { return nil }
	}
	head, _ := br.Peek(len(seal.Magic) + 20)
	switch {
	case f.KeyFile != "":
		k, err = seal.ReadKeyFile(f.KeyFile)
	case !seal.IsSealed(head):
		k = seal.NewKey()
	default:
		id := seal.KeyID(head)
		k, _, err = f.Lookup(id)
		switch {
		case errors.Is(err, deskkey.ErrKeyLost):
			err = &seal.KeyError{Err: seal.ErrNoKey, Wanted: id}
		case errors.Is(err, deskkey.ErrNeedPassphrase):
			k, err = askUnlock(func(pass string) (seal.Key, error) { return f.UnlockID(id, pass) })
			adopt = func() error { return home.NameKey(k) } // it stays behind the passphrase
		}
	}
	return k, adopt, err
}

// keyFileFlag is the --key-file flag of a command's flag set.
func keyFileFlag(fs *flag.FlagSet) string {
	if f := fs.Lookup("key-file"); f != nil {
		return f.Value.String()
	}
	return ""
}

// wantedKey is the ID of the key a refused backup names, for the sentence.
func wantedKey(err error) string {
	var ke *seal.KeyError
	if errors.As(err, &ke) {
		return ke.Wanted
	}
	return "?"
}
