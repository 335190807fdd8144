package paper

import (
	"io"
	"strconv"
	"strings"

	"floordesk/app"
	apphandover "floordesk/app/handover"
)

// Section is one register's part of a handover sheet, as the desk shows
// it: a heading and its lines, urgent ones marked.
type Section struct {
	Heading string
	Lines   []Line
}

// Line is one record in a Section.
type Line struct {
	Text   string
	Urgent bool
}

// HandoverSheet writes a shift handover for the file (A4): desk, shift and
// when it was drafted, the key count, each register's section as the desk
// lays it out (sections), the notes, and both attendants' signatures (name
// and time when signed, a line to sign by hand on paper in any case).
func HandoverSheet(w io.Writer, d Desk, h apphandover.Handover, sections []Section) error {
	p := newDoc(sizeA4, 15, d.T("handover.title")+" "+h.Shift, h.DraftedAt)
	p.pageNumbers(d, d.T("handover.title")+" "+h.Shift)
	p.header(d, d.T("handover.title"))
	const labelW = 32.0
	p.font(11, false)
	p.field(d.T("loans.desk"), d.desk(h.Desk), labelW)
	p.field(d.T("paper.handover.shift"), shiftText(d, h.Shift), labelW)
	p.field(d.T("paper.handover.drafted"), d.DateTime(h.DraftedAt)+" · "+d.staff(h.DraftedBy), labelW)
	p.field(d.T("paper.handover.state"), handoverState(d, &h), labelW)
	p.Ln(1)
	short := h.Board.Short() > 0
	p.font(11, short)
	p.para(keyCount(d, h.Board))
	p.Ln(2)
	for _, s := range sections {
		p.section(d, s)
	}
	p.heading(d.T("handover.notes"), 12)
	p.font(10, false)
	if len(h.Notes) == 0 {
		p.para(d.T("handover.none"))
	}
	for _, n := range h.Notes {
		p.para(d.DateTime(n.At) + " " + d.staff(n.By) + ": " + n.Text)
	}
	p.signatures(
		[]string{d.T("handover.role.outgoing"), d.T("handover.role.incoming")},
		[]string{signedBy(d, h.Outgoing), signedBy(d, h.Incoming)})
	return p.write(w)
}

func (p *page) section(d Desk, s Section) {
	p.heading(s.Heading, 12)
	p.font(10, false)
	if len(s.Lines) == 0 {
		p.para(d.T("handover.none"))
	}
	for _, l := range s.Lines {
		p.font(10, l.Urgent)
		mark := "· "
		if l.Urgent {
			mark = "! "
		}
		p.para(mark + l.Text)
	}
	p.font(10, false)
	p.Ln(2)
}

func signedBy(d Desk, s *apphandover.HandoverSignature) string {
	if s == nil {
		return ""
	}
	return s.Name + " " + d.DateTime(s.At)
}

func handoverState(d Desk, h *apphandover.Handover) string {
	switch {
	case h.Signed():
		return d.T("handover.state.final")
	case h.Outgoing != nil:
		return d.T("handover.state.outgoing_signed", map[string]string{"Name": h.Outgoing.Name})
	}
	return d.T("handover.state.draft")
}

// shiftText translates the shift's name: "2026-03-03 morning" reads
// "2026-03-03 早班".
func shiftText(d Desk, shift string) string {
	words := strings.Fields(shift)
	for i, w := range words {
		if t := d.T("handover.shift." + w); t != "handover.shift."+w {
			words[i] = t
		}
	}
	return strings.Join(words, " ")
}

func keyCount(d Desk, k app.BoardCount) string {
	text := d.T("handover.key_count", map[string]string{
		"Counted": strconv.Itoa(k.Counted), "Expected": strconv.Itoa(len(k.Expected))})
	if short := k.Short(); short > 0 {
		text += " · " + d.T("handover.keys_short", map[string]string{"Count": strconv.Itoa(short)})
		if len(k.Missing) > 0 {
			text += ": " + strings.Join(k.Missing, ", ")
		}
	}
	return text
}
