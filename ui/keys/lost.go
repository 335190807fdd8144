package keys

import (
	"fyne.io/fyne/v2/lang"

	"floordesk/app"
)

// openLost shows the form to report a key lost: an incident that flags its
// locks for re-keying.
func (sc *Screen) openLost(tag string) *form {
	return sc.noteForm(tag, "keys.report_lost_title", "keys.report_lost", "keys.lost_hint",
		func(note string) (app.Key, error) { return sc.s.Svc.ReportKeyLost(sc.s.UserID(), tag, note) },
		"keys.saved_lost")
}

// openClear shows the supervisor's form to clear a key's re-keying flag.
func (sc *Screen) openClear(tag string) *form {
	return sc.noteForm(tag, "keys.clear_title", "keys.clear_rekey", "keys.clear_hint",
		func(note string) (app.Key, error) { return sc.s.Svc.ClearRekey(sc.s.UserID(), tag, note) },
		"keys.saved_cleared")
}

// noteForm is a form with one note that runs a command on a key.
func (sc *Screen) noteForm(tag, title, button, hint string, run func(string) (app.Key, error), done string) *form {
	f := newForm()
	note := f.entry(lang.L(hint))
	f.row(lang.L("keys.note"), "note", note)
	f.check(note, "note", nil)
	f.cancel = sc.closePane
	f.submit = func() {
		k, err := run(note.Text)
		if err != nil {
			f.fail(err)
			return
		}
		sc.saved(k, done)
	}
	sc.setPane(f.content(lang.L(title, map[string]string{"Key": tag}), lang.L(button)))
	sc.s.Window.Canvas().Focus(note)
	return f
}
