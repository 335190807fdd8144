package loans

import (
	"slices"
	"strings"

	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

// Show brings the record of kind and id to the front: a loan by its ID,
// or, for kit.KindAssetTag, the open loan that has the item with that
// asset tag out (a scanned label), so that Enter then opens its return.
func (sc *Screen) Show(kind, id string) bool {
	if kind != kit.KindAssetTag {
		return sc.ListScreen.Show(kind, id)
	}
	l, ok := sc.loanWithTag(id)
	return ok && sc.ListScreen.Show(kit.KindLoan, l.ID)
}

// loanWithTag is the open loan with an item of asset tag tag still out;
// the tag is matched as printed, whatever its letters' case.
func (sc *Screen) loanWithTag(tag string) (apploans.Loan, bool) {
	open, err := sc.svc.OpenLoans("")
	if err != nil {
		return apploans.Loan{}, false
	}
	for _, l := range open {
		for _, ln := range l.Lines {
			if slices.ContainsFunc(ln.Tags, func(t string) bool { return strings.EqualFold(t, tag) }) {
				return l, true
			}
		}
	}
	return apploans.Loan{}, false
}
