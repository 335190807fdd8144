package handover

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	apphandover "floordesk/app/handover"
	"floordesk/ui/kit"
)

// view shows one handover: its lists, the key count, the notes and the
// signatures. Until the outgoing attendant signs, notes can be added;
// once both have signed nothing can change and no input is shown.
type view struct {
	sc       *Screen
	id       string
	h        apphandover.Handover
	state    *widget.Label
	note     *entry // nil when read-only
	noteErrs *kit.FieldErrors
	signs    map[apphandover.SignRole]*signBlock
}

// newView returns the view of h. typed, when given, is the view of h
// shown before a refresh: the new view takes over its inputs where it
// still has them, with what was typed and the keyboard focus.
func newView(sc *Screen, h apphandover.Handover, typed *view) *view {
	v := &view{sc: sc, id: h.ID, h: h, noteErrs: kit.NewFieldErrors(), signs: map[apphandover.SignRole]*signBlock{}}
	v.state = widget.NewLabel(stateText(&h))
	if !h.Signed() {
		v.state.Importance = widget.WarningImportance
	}
	if h.Outgoing == nil {
		v.takeNote(typed)
	}
	for _, role := range []apphandover.SignRole{apphandover.SignOutgoing, apphandover.SignIncoming} {
		v.signs[role] = newSignBlock(v, role)
		if typed != nil {
			v.signs[role].takeOver(typed.signs[role])
		}
	}
	return v
}

// takeNote gives the view its note entry: typed's, with what was typed
// and the keyboard focus, when it had one, else a new one.
func (v *view) takeNote(typed *view) {
	if typed != nil && typed.note != nil {
		v.note, v.noteErrs = typed.note, typed.noteErrs
	} else {
		v.note = newEntry(lang.L("handover.note_hint"), false)
	}
	v.note.OnSubmitted = func(string) { v.addNote() }
	v.note.OnChanged = func(s string) { v.noteErrs.Edited("text", strings.TrimSpace(s) == "") }
	v.note.onEscape = func() { v.note.SetText("") }
}

// editable reports whether the handover can still take notes.
func (v *view) editable() bool { return v.note != nil }

// content is the view; the screen shows it in a scroll.
func (v *view) content() fyne.CanvasObject {
	title := widget.NewLabel(shiftText(v.h.Shift) + " · " + v.sc.s.DeskName(v.h.Desk))
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	box := container.NewVBox(title, v.state)
	if v.h.Signed() {
		box.Add(container.NewHBox(v.printButton()))
	}
	box.Add(v.keyCount())
	for _, s := range sections(&v.h, v.sc.s.Now(), v.sc.regs) {
		box.Add(sectionBox(s))
	}
	box.Add(v.notesBox())
	box.Add(widget.NewSeparator())
	box.Add(container.NewGridWithColumns(2, v.signs[apphandover.SignOutgoing].content(), v.signs[apphandover.SignIncoming].content()))
	return box
}

func (v *view) keyCount() fyne.CanvasObject {
	text, short := keyCountText(v.h.Board)
	l := widget.NewLabel(text)
	if short {
		l.Importance = widget.DangerImportance
	}
	return l
}

func sectionBox(s kit.HandoverSection) fyne.CanvasObject {
	h := widget.NewLabel(s.Heading)
	h.TextStyle.Bold = true
	box := container.NewVBox(h)
	if len(s.Lines) == 0 {
		none := widget.NewLabel(lang.L("handover.none"))
		none.Importance = widget.LowImportance
		box.Add(none)
	}
	for _, ln := range s.Lines {
		l := widget.NewLabel(ln.Text)
		l.Truncation = fyne.TextTruncateEllipsis
		if ln.Urgent {
			l.Importance = widget.DangerImportance
		}
		box.Add(l)
	}
	return box
}

func (v *view) notesBox() fyne.CanvasObject {
	h := widget.NewLabel(lang.L("handover.notes"))
	h.TextStyle.Bold = true
	box := container.NewVBox(h)
	for _, n := range v.h.Notes {
		l := widget.NewLabel(kit.Clock(n.At.In(v.sc.s.Now().Location())) + "  " + n.Text)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	if v.editable() {
		add := widget.NewButtonWithIcon(lang.L("handover.add_note"), theme.ContentAddIcon(), v.addNote)
		box.Add(container.NewBorder(nil, nil, nil, add, v.note))
		box.Add(v.noteErrs.For("text"))
		box.Add(v.noteErrs.Form())
	}
	return box
}

func (v *view) addNote() {
	_, err := v.sc.svc.AddHandoverNote(v.sc.s.UserID(), v.id, v.note.Text)
	if v.noteErrs.Show(err); err != nil {
		return
	}
	v.sc.s.Notify(lang.L("handover.saved.note"))
	v.sc.reload()
	v.sc.showHandover(v.id)
}
