package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"golang.org/x/term"

	"floordesk/data"
	"floordesk/data/deskkey"
	"floordesk/data/seal"
	"floordesk/ui"
)

// passphraseTries is how many passphrases a command asks for before it
// gives up.
const passphraseTries = 3

// setPassphrase keeps the data folder's key behind a passphrase from now
// on (floordesk passphrase): every start then asks a supervisor for it.
// It asks on the terminal, with the desk closed: the current passphrase
// when there is one, then the new one twice.
func setPassphrase(args []string) int {
	fs, dir := newFlags("floordesk passphrase")
	if _, code, ok := parse(fs, args, 0); !ok {
		return code
	}
	f := keyFinder(*dir, keyFileFlag(fs))
	if f.KeyFile != "" {
		say(os.Stderr, "cli.passphrase_key_file", nil)
		return exitUsage
	}
	k, err := cliKey(f)
	if err != nil {
		return openFailed(*dir, err, "")
	}
	pass, err := askNew()
	if err != nil {
		return passphraseRefused(err)
	}
	if err := f.SetPassphrase(k, pass); err != nil {
		say(os.Stderr, "cli.passphrase_failed", nil)
		return exitFailed
	}
	say(os.Stdout, "cli.passphrase_set", map[string]string{"Dir": *dir})
	return exitOK
}

// errMismatch: the new passphrase typed twice differently.
var errMismatch = errors.New("the passphrases differ")

// askNew asks for a new passphrase twice.
func askNew() (string, error) {
	pass, err := askTerminal("cli.passphrase_new", map[string]string{"Min": fmt.Sprint(seal.MinPassphrase), "Max": fmt.Sprint(seal.MaxPassphrase)})
	if err != nil {
		return "", err
	}
	if _, err := seal.FromPassphrase(pass, nil); err != nil { // the limits, before typing it again
		return "", err
	}
	again, err := askTerminal("cli.passphrase_again", nil)
	if err != nil {
		return "", err
	}
	if again != pass {
		return "", errMismatch
	}
	return pass, nil
}

func passphraseRefused(err error) int {
	switch {
	case errors.Is(err, seal.ErrPassphraseLength):
		say(os.Stderr, "cli.passphrase_length", map[string]string{"Min": fmt.Sprint(seal.MinPassphrase), "Max": fmt.Sprint(seal.MaxPassphrase)})
	case errors.Is(err, errMismatch):
		say(os.Stderr, "cli.passphrase_mismatch", nil)
	default:
		say(os.Stderr, "cli.passphrase_failed", nil)
	}
	return exitFailed
}

// cliKey is the folder's key for a command on the terminal, asking for
// the passphrase (up to passphraseTries times) when the key is kept
// behind one.
func cliKey(f deskkey.Finder) (seal.Key, error) {
	k, err := folderKeyWith(f)
	if !errors.Is(err, deskkey.ErrNeedPassphrase) {
		return k, err
	}
	return askUnlock(func(pass string) (seal.Key, error) { return f.Unlock(pass) })
}

// askUnlock asks for the passphrase on the terminal until unlock takes
// one, up to passphraseTries times.
func askUnlock(unlock func(string) (seal.Key, error)) (seal.Key, error) {
	for range passphraseTries {
		pass, err := askTerminal("cli.passphrase_current", nil)
		if err != nil {
			return nil, err
		}
		k, err := unlock(pass)
		if !errors.Is(err, seal.ErrWrongPassphrase) {
			return k, err
		}
		say(os.Stderr, "unlock.wrong", nil)
	}
	return nil, seal.ErrWrongPassphrase
}

// stdin reads the answers of a terminal that is not one (a script).
var stdin = bufio.NewReader(os.Stdin)

// askTerminal says the question key and reads one line, without echo on
// a terminal.
func askTerminal(key string, names map[string]string) (string, error) {
	say(os.Stderr, key, names)
	if fd := int(os.Stdin.Fd()); term.IsTerminal(fd) {
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(os.Stderr)
		return string(b), err
	}
	line, err := stdin.ReadString('\n')
	if err != nil && line == "" {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// unlockDesk shows the desk's window asking for the passphrase its key is
// kept behind, then opens the folder with the key and shows the desk in
// the same window.
func unlockDesk(f deskFlags, finder deskkey.Finder, pinless bool) int {
	if _, err := ui.UseLanguage(*f.language); err != nil {
		return exitFailed
	}
	if code := checkGraphics(); code != exitOK {
		return code
	}
	d := newDeskSession(*f.dir)
	var st *data.Store
	try := func(pass string) error {
		k, err := finder.Unlock(pass)
		if errors.Is(err, seal.ErrWrongPassphrase) {
			return ui.ErrWrongPassphrase
		}
		if err == nil {
			st, err = openDeskStore(f, k)
		}
		return err
	}
	ui.ShowUnlock(d.w, fyne.Do, ui.Unlock{Max: seal.MaxPassphrase, Try: try}, func(err error) {
		if err != nil {
			d.quit(openFailed(*f.dir, err, "cli.already_running"))
			return
		}
		if pinless && !isDemoStore(st) {
			say(os.Stderr, "cli.signed_in_demo_only", nil)
			d.quit(exitUsage)
			return
		}
		svc, code := prepareDesk(st, f)
		if code != exitOK {
			d.quit(code)
			return
		}
		d.show(st, svc, f)
	})
	code := d.run()
	if st != nil {
		if err := st.Close(); err != nil && !errors.Is(err, data.ErrClosed) {
			return exitFailed
		}
	}
	return code
}
