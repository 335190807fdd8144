package found

import (
	"io"

	appfound "floordesk/app/found"
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
