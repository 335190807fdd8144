package handover

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// entry is a one-line entry on which Enter submits (OnSubmitted) and Esc
// cancels.
type entry struct {
	widget.Entry
	onEscape func()
}

func newEntry(placeholder string, password bool) *entry {
	e := &entry{}
	e.PlaceHolder = placeholder
	e.Password = password
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey cancels on Esc and types every other key.
func (e *entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}
