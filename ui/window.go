package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"floordesk/ui/kit"
)

// Window fills the desk's window with the shell, and builds the shell
// again when the language setting changes, so a new language shows at
// once: whoever is signed in stays signed in, and the settings stay open.
type Window struct {
	w         fyne.Window
	s         *kit.Session
	registers func(*kit.Session) []kit.Register
	opt       Options
	shell     *Shell
}

// NewWindow builds the shell for w; registers makes the registers' screens
// and parts (see kit.Register), in navigation order, each time the shell
// is built. Call it on the Fyne
// goroutine after UseLanguage, then Start.
func NewWindow(w fyne.Window, s *kit.Session, registers func(*kit.Session) []kit.Register, opt Options) *Window {
	dw := &Window{w: w, s: s, registers: registers, opt: opt}
	dw.opt.SetLanguage = dw.SetLanguage
	dw.build()
	return dw
}

func (dw *Window) build() {
	dw.shell = NewShell(dw.s, dw.registers(dw.s), dw.opt)
	dw.w.SetTitle(lang.L("app.title"))
	dw.w.SetContent(dw.shell.Content())
}

// Start starts the shell; call Stop when the window closes.
func (dw *Window) Start() { dw.shell.Start() }

// Stop stops the shell.
func (dw *Window) Stop() { dw.shell.Stop() }

// Shell is the shell shown now.
func (dw *Window) Shell() *Shell { return dw.shell }

// SetSync shows the running sync client, now and in any shell built later.
func (dw *Window) SetSync(src SyncSource) {
	if dw.opt.Sync != nil || src == nil {
		return
	}
	dw.opt.Sync = src
	dw.shell.SetSync(src)
}

// SetLanguage makes the desk speak choice (Chinese, English or "" for the
// system's) from now on: the shell is built again in it, showing the
// settings. On an error the desk keeps speaking as it did.
func (dw *Window) SetLanguage(choice string) error {
	if _, err := UseLanguage(choice); err != nil {
		return fmt.Errorf("language: %w", err)
	}
	dw.shell.Stop()
	dw.build()
	dw.shell.Start()
	dw.shell.Select("settings")
	return nil
}
