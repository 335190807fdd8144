package requests

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
	"floordesk/ui/paper"
)

// logButton prints the duty manager's complaint log.
func (sc *Screen) logButton() fyne.CanvasObject {
	b := kit.Reading(widget.NewButtonWithIcon(lang.L("requests.complaint_log"), theme.DocumentPrintIcon(), sc.printComplaintLog))
	sc.logBtn = b
	return b
}

// printComplaintLog prints the complaints not yet closed at every desk,
// gravest and oldest first, repeats flagged, and opens it in the
// system's viewer.
func (sc *Screen) printComplaintLog() {
	now := sc.s.Now()
	log, err := sc.svc.ComplaintLog(now)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	d := sc.s.PaperDesk(nil)
	sc.s.Print("complaints", sc.s.Desk(), func(w io.Writer) error { return paper.ComplaintLog(w, d, log, now) }, sc.printed)
}
