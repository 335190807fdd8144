package paper

import (
	"errors"
	"io"

	appfound "floordesk/app/found"
)

// ErrNoClaim is ClaimReceipt's error for an item nobody has claimed.
var ErrNoClaim = errors.New("the item has no claim")

// ClaimReceipt writes the receipt for a found item handed to its owner
// (A5): the item, who claimed it with which identity document (its last
// four characters only), their own description, who handed it over or
// how it was shipped, and lines for the claimant's and the attendant's
// signatures. It prints the item's latest claim; ErrNoClaim when none.
func ClaimReceipt(w io.Writer, d Desk, f appfound.FoundItem) error {
	if len(f.Claims) == 0 {
		return ErrNoClaim
	}
	c := f.Claims[len(f.Claims)-1]
	p := newDoc(sizeA5, 12, d.T("paper.claim.title")+" "+f.Tag, c.At)
	p.header(d, d.T("paper.claim.title"))
	const labelW = 30.0
	p.font(10.5, false)
	p.field(d.T("paper.police.tag"), f.Tag, labelW)
	p.field(d.T("found.category"), d.T("found.cat."+string(f.Category)), labelW)
	p.field(d.T("found.description"), dash(f.Description), labelW)
	p.field(d.T("found.found_at"), d.DateTime(f.FoundAt)+" · "+place(d, f), labelW)
	p.rule()
	p.field(d.T("found.claimant"), c.Claimant, labelW)
	p.field(d.T("found.contact"), dash(c.Contact), labelW)
	p.field(d.T("found.id_type"), d.T("found.id."+c.IDType)+" · "+d.T("paper.claim.last4", map[string]string{"Last4": c.IDLast4}), labelW)
	p.field(d.T("found.claim_description"), dash(c.Description), labelW)
	p.field(d.T("paper.claim.at"), d.DateTime(c.At), labelW)
	if c.Shipped() {
		p.field(d.T("found.carrier"), c.Carrier, labelW)
		p.field(d.T("found.tracking"), dash(c.Tracking), labelW)
	}
	p.Ln(4)
	p.font(9.5, false)
	statement := "paper.claim.statement"
	if c.Shipped() {
		statement = "paper.claim.statement_shipped"
	}
	p.para(d.T(statement))
	p.signatures(
		[]string{d.T("paper.claim.claimant_signs"), d.T("found.returned_by")},
		[]string{"", d.staff(c.ReturnedBy)})
	return p.write(w)
}
