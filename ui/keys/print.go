package keys

import (
	"io"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
	"floordesk/ui/paper"
)

// printDoorsButton prints the door openings the list shows.
func (sc *Screen) printDoorsButton() *widget.Button {
	return kit.Reading(widget.NewButtonWithIcon(lang.L("keys.print_doors"), theme.DocumentPrintIcon(), sc.printDoors))
}

// printDoors prints the record of the last doorDays days' door openings
// (A4), oldest first, and opens it in the system's viewer.
func (sc *Screen) printDoors() {
	now := sc.s.Now()
	from, to := now.AddDate(0, 0, -doorDays), now.Add(time.Minute)
	list, err := sc.svc.DoorOpenings(from, to, "")
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	d := sc.s.PaperDesk(sc.names.Name)
	sc.s.Print("doors", sc.s.Desk(), func(w io.Writer) error { return paper.DoorOpenings(w, d, list, from, now, now) }, sc.printed)
}

// printDayButton prints today's key sign-out sheet.
func (sc *Screen) printDayButton() *widget.Button {
	return kit.Reading(widget.NewButtonWithIcon(lang.L("keys.print_day"), theme.DocumentPrintIcon(), sc.printDay))
}

// printDay prints the sheet (A4) of every key signed out today, in the
// hotel's time zone, and opens it in the system's viewer.
func (sc *Screen) printDay() {
	now := sc.s.Now().In(sc.s.Location())
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	loans, err := sc.svc.KeyLoansOut(day, day.AddDate(0, 0, 1))
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	d := sc.s.PaperDesk(sc.names.Name)
	sc.s.Print("keys", day.Format("2006-01-02"), func(w io.Writer) error { return paper.KeySheet(w, d, day, loans, now) }, sc.printed)
}
