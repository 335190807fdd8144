package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// signOutKey signs the person at the desk out at once (they step away):
// Ctrl+Shift+Q.
var signOutKey = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// readSignOutAfter keeps the hotel's sign-out time, read at sign-in and
// when the settings change, so the tick reads nothing.
func (sh *Shell) readSignOutAfter(changed []wire.EntityRef) {
	if changed != nil && !kit.Changed(changed, kit.KindHotel) {
		return
	}
	if h, err := sh.s.Svc.Settings(); err == nil {
		sh.signOutAfter = h.IdleSignOut()
	}
}

// signOutIfIdle signs the person out when the desk has gone without use
// for the hotel's time, saying so on the sign-in; it reports whether it
// did. A read-only session (a group supervisor reading a property) is
// never signed out: no one could sign in again in its window, and it can
// change nothing. On the Fyne goroutine.
func (sh *Shell) signOutIfIdle() bool {
	if sh.signOutAfter <= 0 || sh.s.Idle() < sh.signOutAfter || sh.s.ReadOnly() {
		return false
	}
	sh.SwitchUser()
	if si, ok := sh.step.(*signIn); ok {
		si.say(lang.L("shell.signed_out_idle", map[string]string{"Span": kit.Duration(sh.signOutAfter)}))
	}
	return true
}
