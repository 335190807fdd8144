package paper

import (
	"io"
	"strconv"
	"time"

	appkeys "floordesk/app/keys"
)

// DoorOpenings writes the record of guest doors opened by staff between
// from and to (A4), oldest first: when, room, guest, the identity document
// checked (its last four characters only), who opened and the note, with
// lines for the attendant's and the supervisor's signatures. at is when
// the record is printed.
func DoorOpenings(w io.Writer, d Desk, list []appkeys.DoorOpening, from, to, at time.Time) error {
	p := newDoc(sizeA4, 15, d.T("paper.doors.title"), at)
	p.pageNumbers(d, d.T("paper.doors.title"))
	p.header(d, d.T("paper.doors.title"))
	p.font(10, false)
	p.para(d.T("paper.doors.intro", map[string]string{"From": d.DateTime(from), "To": d.DateTime(to),
		"Count": strconv.Itoa(len(list)), "Printed": d.DateTime(at)}))
	p.Ln(2)
	p.font(9, false)
	cols := []column{
		{d.T("paper.police.no"), 0.7, "C"},
		{d.T("paper.doors.when"), 2.4, "L"},
		{d.T("keys.room"), 1.1, "L"},
		{d.T("keys.guest"), 1.8, "L"},
		{d.T("keys.id_type"), 2.2, "L"},
		{d.T("keys.opened_by"), 1.5, "L"},
		{d.T("keys.note"), 2.6, "L"},
	}
	rows := make([][]string, len(list))
	for i, o := range list {
		rows[i] = []string{strconv.Itoa(i + 1), d.DateTime(o.At), o.Room, o.Guest,
			d.T("keys.id."+o.IDType) + " …" + o.IDLast4, d.staff(o.OpenedBy), o.Note}
	}
	p.table(cols, rows)
	p.signatures([]string{d.T("paper.doors.attendant"), d.T("paper.doors.supervisor")}, nil)
	return p.write(w)
}
