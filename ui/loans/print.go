package loans

import (
	"io"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
	"floordesk/ui/paper"
)

// printButton prints the loan's slip for the guest to sign.
func (sc *Screen) printButton(l apploans.Loan) *widget.Button {
	return kit.Reading(widget.NewButtonWithIcon(lang.L("loans.print_slip"), theme.DocumentPrintIcon(), func() { sc.printSlip(l) }))
}

// printSlip prints the slip (A5) and opens it in the system's viewer.
func (sc *Screen) printSlip(l apploans.Loan) {
	items := make(map[string]string, len(l.Lines))
	for _, ln := range l.Lines {
		items[ln.Item] = sc.names.item(ln.Item)
	}
	d := sc.s.PaperDesk(sc.names.Name)
	sc.s.Print("loan", l.Room+"-"+l.ID, func(w io.Writer) error { return paper.LoanSlip(w, d, l, items) }, sc.printed)
}
