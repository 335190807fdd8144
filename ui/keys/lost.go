package keys

import (
	"fyne.io/fyne/v2/lang"

	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
)

// openLost shows the form to report a key lost: an incident that flags its
// locks for re-keying.
func (sc *Screen) openLost(tag string) *kit.Form {
	return sc.noteForm(tag, "keys.report_lost_title", "keys.report_lost", "keys.lost_hint",
		func(note string) (appkeys.Key, error) { return sc.svc.ReportKeyLost(sc.s.UserID(), tag, note) },
		"keys.saved_lost")
}

// openClear shows the supervisor's form to clear a key's re-keying flag.
func (sc *Screen) openClear(tag string) *kit.Form {
	return sc.noteForm(tag, "keys.clear_title", "keys.clear_rekey", "keys.clear_hint",
		func(note string) (appkeys.Key, error) { return sc.svc.ClearRekey(sc.s.UserID(), tag, note) },
		"keys.saved_cleared")
}

// noteForm is a form with one note that runs a command on a key.
func (sc *Screen) noteForm(tag, title, button, hint string, run func(string) (appkeys.Key, error), done string) *kit.Form {
	f := kit.NewForm()
	note := f.Entry(lang.L(hint))
	f.Row(lang.L("keys.note"), "note", note)
	f.Check(note, "note", nil)
	f.Cancel = sc.closePane
	f.Submit = func() {
		k, err := run(note.Text)
		if err != nil {
			f.Fail(err)
			return
		}
		sc.saved(k, done)
	}
	sc.Pane().Set(f.Content(lang.L(title, map[string]string{"Key": tag}), lang.L(button)))
	sc.s.Window.Canvas().Focus(note)
	return f
}
