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
	return widget.NewButtonWithIcon(lang.L("keys.print_doors"), theme.DocumentPrintIcon(), sc.printDoors)
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
