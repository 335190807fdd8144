package main

import (
	"log/slog"
	"os"

	"floordesk/data"
	"floordesk/data/seal"
)

// The desk's start does two slow things that need nothing of each other:
// opening the store, whose time grows with the history (Badger reads and
// decrypts every table's index: some 0.25 s for 700,000 records), and
// checking that the window can open (about 0.2 s however large the store).
// So the store opens on its own goroutine while the main goroutine, to
// which Fyne's driver is locked, checks the graphics.

// graphicsCheck is what checking the graphics found: the translation key
// of what is missing ("" for nothing) and the driver's words.
type graphicsCheck struct{ problem, detail string }

// say says what to do when the window cannot open, and returns the exit
// code; exitOK when it can.
func (g graphicsCheck) say() int {
	if g.problem == "" {
		return exitOK
	}
	slog.Error("graphics", "err", g.detail)
	say(os.Stderr, g.problem, map[string]string{"Error": g.detail})
	return exitFailed
}

// checkGraphics says what to do when the desk's window cannot open, and
// returns the exit code; exitOK when it can. On the main goroutine.
func checkGraphics() int {
	problem, detail := probeOpenGL()
	return graphicsCheck{problem, detail}.say()
}

// openWhileCheckingGraphics opens the desk's store with key on another
// goroutine while it checks, on the main goroutine, that the window can
// open. It returns the open store, or the error it did not open with, and
// what the check found, which it leaves to the caller to say: a store
// that cannot open is the first thing to tell.
func openWhileCheckingGraphics(f deskFlags, key seal.Key) (*data.Store, graphicsCheck, error) {
	type opened struct {
		st  *data.Store
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		st, err := openDeskStore(f, key)
		ch <- opened{st, err}
	}()
	problem, detail := probeOpenGL()
	o := <-ch
	return o.st, graphicsCheck{problem, detail}, o.err
}
