package loans

import (
	"fyne.io/fyne/v2/lang"

	"floordesk/ui/kit"
)

// showExtendForm shows the form to move an open loan's due time.
func (sc *Screen) showExtendForm(id string) {
	l, ok := sc.loans[id]
	if !ok {
		return
	}
	f := newForm()
	due := f.entry(timeLayout)
	due.SetText(l.DueAt.In(sc.names.loc()).AddDate(0, 0, 1).Format(timeLayout))
	reason := f.entry(lang.L("loans.reason_hint"))
	f.plain(lang.L("loans.current_due"), note(kit.DateTime(l.DueAt.In(sc.names.loc()))))
	f.row(lang.L("loans.new_due"), "due_at", due)
	f.row(lang.L("loans.reason"), "reason", reason)
	f.check(due, "due_at", checkTime)
	f.cancel = sc.closePane
	f.submit = func() {
		l, err := sc.s.Svc.ExtendLoan(sc.s.UserID(), id, parseTime(due.Text, sc.names.loc()), reason.Text)
		if err != nil {
			f.fail(err)
			return
		}
		sc.saved(l, "loans.saved_extend")
	}
	sc.setPane(f.content(lang.L("loans.extend_title", map[string]string{"Room": l.Room}), lang.L("loans.extend")))
	sc.s.Window.Canvas().Focus(due)
}
