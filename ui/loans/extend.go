package loans

import (
	"fyne.io/fyne/v2/lang"

	"floordesk/ui/kit"
)

// showExtendForm shows the form to move an open loan's due time.
func (sc *Screen) showExtendForm(id string) {
	l, ok := sc.Record(id)
	if !ok {
		return
	}
	f := kit.NewForm()
	due := f.Entry(kit.TimeLayout)
	due.SetText(l.DueAt.In(sc.s.Location()).AddDate(0, 0, 1).Format(kit.TimeLayout))
	reason := f.Entry(lang.L("loans.reason_hint"))
	f.Plain(lang.L("loans.current_due"), kit.Note(kit.DateTime(l.DueAt.In(sc.s.Location()))))
	f.Row(lang.L("loans.new_due"), "due_at", due)
	f.Row(lang.L("loans.reason"), "reason", reason)
	f.Check(due, "due_at", kit.CheckTime)
	f.Cancel = sc.closePane
	f.Submit = func() {
		l, err := sc.svc.ExtendLoan(sc.s.UserID(), id, kit.ParseTime(due.Text, sc.s.Location()), reason.Text)
		if err != nil {
			f.Fail(err)
			return
		}
		sc.saved(l, "loans.saved_extend")
	}
	sc.Pane().Set(f.Content(lang.L("loans.extend_title", map[string]string{"Room": l.Room}), lang.L("loans.extend")))
	sc.s.Window.Canvas().Focus(due)
}
