package paper

import (
	"io"
	"strconv"
	"strings"

	apploans "floordesk/app/loans"
)

// LoanSlip writes the slip a guest signs when items are lent to the room
// (A5): room, guest, each item with its count and asset tags, when it is
// due back, the deposit and the charge terms, and lines for the guest's
// and the attendant's signatures. items names the loanable item types by
// code; a code it lacks prints as the code.
func LoanSlip(w io.Writer, d Desk, l apploans.Loan, items map[string]string) error {
	p := newDoc(sizeA5, 12, d.T("paper.slip.title")+" "+l.Room, l.OpenedAt)
	p.header(d, d.T("paper.slip.title"))
	const labelW = 28.0
	p.font(11, false)
	p.field(d.T("loans.room_label"), l.Room, labelW)
	p.field(d.T("loans.guest"), dash(l.Guest), labelW)
	p.field(d.T("loans.opened"), d.DateTime(l.OpenedAt)+" · "+d.staff(l.OpenedBy), labelW)
	p.field(d.T("loans.due"), d.DateTime(l.DueAt), labelW)
	deposit := d.T("paper.slip.no_deposit")
	if l.Deposit > 0 {
		deposit = Money(l.Deposit)
	}
	p.field(d.T("loans.deposit"), deposit, labelW)
	p.Ln(3)
	p.font(10, false)
	cols := []column{
		{d.T("loans.item"), 5, "L"},
		{d.T("loans.count"), 1.6, "C"},
		{d.T("paper.slip.tags"), 4, "L"},
	}
	rows := make([][]string, 0, len(l.Lines))
	for _, ln := range l.Lines {
		name := items[ln.Item]
		if name == "" {
			name = ln.Item
		}
		rows = append(rows, []string{name, strconv.Itoa(ln.Count), strings.Join(ln.Tags, ", ")})
	}
	p.table(cols, rows)
	p.Ln(4)
	p.font(9.5, false)
	terms := d.T("paper.slip.terms", map[string]string{"Due": d.DateTime(l.DueAt)})
	if l.Deposit > 0 {
		terms += d.sentenceGap() + d.T("paper.slip.terms_deposit", map[string]string{"Deposit": Money(l.Deposit)})
	}
	p.para(terms)
	p.signatures(
		[]string{d.T("paper.slip.guest_signs"), d.T("paper.slip.staff_signs")},
		[]string{"", d.staff(l.OpenedBy)})
	p.font(8, false)
	p.para(d.T("paper.loan_id", map[string]string{"ID": l.ID}))
	return p.write(w)
}

// header writes the hotel's name (when known) and the document's title.
func (p *page) header(d Desk, title string) {
	if d.Hotel != "" {
		p.font(10, false)
		p.para(d.Hotel)
	}
	p.heading(title, 16)
	p.rule()
}

func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
