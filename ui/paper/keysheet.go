package paper

import (
	"io"
	"strconv"
	"time"

	appkeys "floordesk/app/keys"
)

// KeySheet writes a day's key sign-out sheet (A4): each sign-out of the
// day, oldest first, with the key, who took it and why, the witness, when
// it was due and when it came back (or that it is still out or lost), and
// a column for the holder to initial; then lines for the attendant's and
// the supervisor's signatures. day is any time in that day; at is when the
// sheet is printed.
func KeySheet(w io.Writer, d Desk, day time.Time, loans []appkeys.KeyLoanOf, at time.Time) error {
	p := newDoc(sizeA4, 12, d.T("paper.keys.title"), at)
	p.pageNumbers(d, d.T("paper.keys.title")+" "+d.Date(day))
	p.header(d, d.T("paper.keys.title"))
	p.font(10, false)
	p.para(d.T("paper.keys.intro", map[string]string{"Day": d.Date(day), "Desk": d.desk(d.Code),
		"Count": strconv.Itoa(len(loans)), "Printed": d.DateTime(at)}))
	p.Ln(2)
	p.font(8.5, false)
	cols := []column{
		{d.T("paper.police.no"), 0.6, "C"},
		{d.T("keys.key"), 1.7, "L"},
		{d.T("paper.keys.holder"), 1.5, "L"},
		{d.T("keys.purpose"), 1.8, "L"},
		{d.T("paper.keys.out"), 1.6, "L"},
		{d.T("keys.witness"), 1.2, "L"},
		{d.T("keys.due"), 1.1, "L"},
		{d.T("paper.keys.back"), 1.6, "L"},
		{d.T("paper.keys.initials"), 1.2, "L"},
	}
	rows := make([][]string, len(loans))
	for i, l := range loans {
		rows[i] = []string{strconv.Itoa(i + 1), l.Tag, d.staff(l.Holder), l.Purpose,
			d.clockOn(day, l.Out) + " " + d.staff(l.OutBy), d.staff(l.Witness), d.clockOn(day, l.Due), keyBack(d, day, l.KeyLoan), ""}
	}
	p.table(cols, rows)
	p.signatures([]string{d.T("paper.doors.attendant"), d.T("paper.doors.supervisor")}, nil)
	return p.write(w)
}

// keyBack says when a key came back and to whom, or that it is lost or
// still out.
func keyBack(d Desk, day time.Time, l appkeys.KeyLoan) string {
	switch {
	case l.Lost:
		return d.T("paper.keys.lost")
	case l.In.IsZero():
		return d.T("paper.keys.still_out")
	}
	return d.clockOn(day, l.In) + " " + d.staff(l.InBy)
}

// clockOn prints a time of day, "14:20", with the date in front when it
// falls on another day than day (a key due or back the next morning).
func (d Desk) clockOn(day, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t, day = t.In(d.loc()), day.In(d.loc())
	if y, m, dd := t.Date(); y == day.Year() && m == day.Month() && dd == day.Day() {
		return t.Format("15:04")
	}
	return t.Format("01-02 15:04")
}
