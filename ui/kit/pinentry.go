package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PINEntry is a password entry that takes digits only, as PINs are. A
// keyboard's Space or Enter that picks a name and moves the keyboard here
// also delivers its character to this field; a plain password entry kept
// it as the PIN's first character ("•" before anything was typed).
type PINEntry struct {
	widget.Entry
	// Scan, when set, sees every character typed here (digits or not)
	// and every Enter first: a badge scanned while the keyboard is in
	// the PIN is the scanner's, not a PIN (a wrong one would cost the
	// person picked a try towards lock-out).
	Scan ScanWatcher
}

// ScanWatcher tells a scan typed into a field from typing by hand.
type ScanWatcher interface {
	// Typed times a character typed.
	Typed(r rune)
	// Enter ends what was typed; it reports whether it was a scan the
	// watcher took, and the field then drops what it holds.
	Enter() bool
	// Key is any other key pressed. The desktop driver presses a key
	// before each character it types ("S", then the rune 'S'), so only
	// the keys that edit or move (Backspace, Tab, arrows) say that what
	// was typed is no scan.
	Key(name fyne.KeyName)
}

// NewPINEntry returns an empty PIN entry with the eye that shows what was
// typed.
func NewPINEntry() *PINEntry {
	e := &PINEntry{}
	e.Password = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// TypedRune keeps the digits and drops anything else.
func (e *PINEntry) TypedRune(r rune) {
	if e.Scan != nil {
		e.Scan.Typed(r)
	}
	if r >= '0' && r <= '9' {
		e.Entry.TypedRune(r)
	}
}

// TypedKey gives an Enter that ends a scan to Scan, which takes it, and
// clears the PIN; any other key goes to the entry.
func (e *PINEntry) TypedKey(k *fyne.KeyEvent) {
	if e.Scan != nil {
		switch k.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			if e.Scan.Enter() {
				e.SetText("")
				return
			}
		default:
			e.Scan.Key(k.Name)
		}
	}
	e.Entry.TypedKey(k)
}
