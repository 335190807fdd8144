package ui

import (
	"errors"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ErrWrongPassphrase is what an Unlock's Try returns for a passphrase that
// does not open the desk's key.
var ErrWrongPassphrase = errors.New("wrong passphrase")

// Unlock is what ShowUnlock asks of the desk: the longest passphrase in
// characters, and Try, which opens the desk's key and data folder with a
// passphrase, off the Fyne goroutine (deriving the key takes about half a
// second): ErrWrongPassphrase for a wrong one, another error when the
// folder cannot be opened.
type Unlock struct {
	Max int
	Try func(passphrase string) error
}

// ShowUnlock fills w with the question for the passphrase the desk's key
// is kept behind, in the desk's language, and asks again after a wrong
// one. Once Try opens the desk, or fails for another reason, done runs on
// the Fyne goroutine with Try's error. do runs a function on the Fyne
// goroutine (fyne.Do).
func ShowUnlock(w fyne.Window, do func(func()), u Unlock, done func(error)) {
	title := widget.NewLabelWithStyle(lang.L("unlock.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	hint := widget.NewLabel(lang.L("unlock.hint"))
	hint.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel("")
	note.Importance = widget.DangerImportance
	note.Wrapping = fyne.TextWrapWord
	entry := widget.NewPasswordEntry()
	entry.SetPlaceHolder(lang.L("unlock.passphrase"))
	var button *widget.Button
	submit := func() {
		pass := entry.Text
		if n := utf8.RuneCountInString(pass); n == 0 || n > u.Max {
			note.SetText(lang.L("unlock.length", map[string]int{"Max": u.Max}))
			return
		}
		button.Disable()
		note.SetText(lang.L("unlock.working"))
		go func() {
			err := u.Try(pass)
			do(func() { unlocked(err, entry, button, note, done) })
		}()
	}
	entry.OnSubmitted = func(string) { submit() }
	button = widget.NewButtonWithIcon(lang.L("unlock.button"), theme.LoginIcon(), submit)
	button.Importance = widget.HighImportance
	// The hint wraps, so it takes the room left below the form.
	box := container.NewBorder(container.NewVBox(title, entry, note, button), nil, nil, nil, hint)
	w.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 300), box)))
	w.Canvas().Focus(entry)
}

// unlocked takes Try's answer: a wrong passphrase is asked again, anything
// else is done.
func unlocked(err error, entry *widget.Entry, button *widget.Button, note *widget.Label, done func(error)) {
	if errors.Is(err, ErrWrongPassphrase) {
		note.SetText(lang.L("unlock.wrong"))
		entry.SetText("")
		button.Enable()
		return
	}
	done(err)
}
