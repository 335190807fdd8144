package paper

import (
	"io"
	"strconv"
	"time"

	appfound "floordesk/app/found"
)

// PoliceList writes the hand-over list of found items given to the police
// (A4): the list's number, the receiving officer and unit, when and by
// whom they were handed over, then a numbered table of tag, when and
// where found, category, description and storage, with lines for the
// hotel's and the receiving officer's signatures. h is the hand-over as
// recorded (HandToPolice); items are its items, in its order. at is when
// the list is printed.
func PoliceList(w io.Writer, d Desk, h appfound.PoliceHandover, items []appfound.FoundItem, at time.Time) error {
	p := newDoc(sizeA4, 15, d.T("paper.police.title")+" "+h.ID, at)
	p.pageNumbers(d, d.T("paper.police.title"))
	p.header(d, d.T("paper.police.title"))
	p.font(10, false)
	p.para(d.T("paper.police.intro", map[string]string{
		"Date": d.DateTime(h.At), "Count": strconv.Itoa(len(items)), "Desk": d.desk(h.Desk)}))
	const labelW = 34.0
	p.field(d.T("paper.police.list_no"), h.ID, labelW)
	p.field(d.T("paper.police.officer"), h.Officer, labelW)
	p.field(d.T("paper.police.unit"), h.Unit, labelW)
	p.field(d.T("paper.police.handed_at"), d.DateTime(h.At), labelW)
	p.field(d.T("paper.police.handed_by"), d.staff(h.HandedBy), labelW)
	p.Ln(2)
	p.font(9, false)
	cols := []column{
		{d.T("paper.police.no"), 0.7, "C"},
		{d.T("paper.police.tag"), 2.6, "L"},
		{d.T("found.found_at"), 2.5, "L"},
		{d.T("found.place"), 1.4, "L"},
		{d.T("found.category"), 1.5, "L"},
		{d.T("found.description"), 3.2, "L"},
		{d.T("found.storage"), 1.5, "L"},
	}
	rows := make([][]string, len(items))
	for i, f := range items {
		rows[i] = []string{strconv.Itoa(i + 1), f.Tag, d.DateTime(f.FoundAt), place(d, f),
			d.T("found.cat." + string(f.Category)), f.Description, storage(d, lastHeld(f))}
	}
	p.table(cols, rows)
	p.signatures(
		[]string{d.T("paper.police.handed_by"), d.T("paper.police.received_by"), d.T("paper.police.date")},
		nil)
	return p.write(w)
}

// lastHeld is where the hotel kept the item: its last custody link
// before the police's.
func lastHeld(f appfound.FoundItem) appfound.Custody {
	for i := len(f.Custody) - 1; i >= 0; i-- {
		if f.Custody[i].Police == "" {
			return f.Custody[i]
		}
	}
	return appfound.Custody{}
}
