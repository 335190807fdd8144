package found

import (
	"io"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	appfound "floordesk/app/found"
	"floordesk/ui/kit"
	"floordesk/ui/paper"
)

// printTag prints the item's bag tag (100×60 mm label with a QR code of
// the tag number) and opens it in the system's viewer.
func (sc *Screen) printTag(f appfound.FoundItem) {
	d := sc.s.PaperDesk(sc.names.Name)
	sc.s.Print("tag", f.Tag, func(w io.Writer) error { return paper.FoundTag(w, d, f) }, sc.printed)
}

// printReceipt prints the claim receipt (A5) for the claimant to sign.
func (sc *Screen) printReceipt(f appfound.FoundItem) {
	d := sc.s.PaperDesk(sc.names.Name)
	sc.s.Print("claim", f.Tag, func(w io.Writer) error { return paper.ClaimReceipt(w, d, f) }, sc.printed)
}

// printPoliceList prints the list of held items due to go to the police
// (identity documents, dangerous items), oldest first, for the officer
// who collects them to sign; with none, it says so and prints nothing.
func (sc *Screen) printPoliceList() {
	items, err := sc.svc.PoliceReportDue()
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	if len(items) == 0 {
		sc.s.Notify(lang.L("found.police_none"))
		return
	}
	slices.SortFunc(items, func(a, b appfound.FoundItem) int {
		if c := a.FoundAt.Compare(b.FoundAt); c != 0 {
			return c
		}
		return strings.Compare(a.Tag, b.Tag)
	})
	d := sc.s.PaperDesk(sc.names.Name)
	at := sc.s.Now()
	sc.s.Print("police", sc.s.Desk(), func(w io.Writer) error { return paper.PoliceList(w, d, items, at) }, sc.printed)
}
