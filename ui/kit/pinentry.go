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
	if r >= '0' && r <= '9' {
		e.Entry.TypedRune(r)
	}
}
