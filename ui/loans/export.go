package loans

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	apploans "floordesk/app/loans"
	"floordesk/export"
	"floordesk/ui/kit"
)

// columns are the loans list's export: a row a loan, its items and tags
// as text, its times as times, its money in yuan.
func (sc *Screen) columns() []kit.Column[apploans.Loan] {
	text := func(f func(apploans.Loan) string) func(apploans.Loan) export.Cell {
		return func(l apploans.Loan) export.Cell { return kit.Text(f(l)) }
	}
	return []kit.Column[apploans.Loan]{
		{Head: "loans.room_label", Cell: text(func(l apploans.Loan) string { return l.Room })},
		{Head: "loans.guest", Cell: text(func(l apploans.Loan) string { return kit.ListedPersonal(l.Guest, l.Personal) })},
		{Head: "loans.items", Cell: text(sc.itemsText)},
		{Head: "loans.col_tags", Cell: text(tags)},
		{Head: "loans.desk", Cell: text(func(l apploans.Loan) string { return l.Desk })},
		{Head: "loans.col_opened", Cell: func(l apploans.Loan) export.Cell { return kit.Time(l.OpenedAt) }},
		{Head: "loans.col_opened_by", Cell: text(func(l apploans.Loan) string { return sc.names.Name(l.OpenedBy) })},
		{Head: "loans.due", Cell: func(l apploans.Loan) export.Cell { return kit.Time(l.DueAt) }},
		{Head: "loans.col_status", Cell: text(sc.status)},
		{Head: "loans.col_returned", Cell: func(l apploans.Loan) export.Cell { return kit.Time(l.ClosedAt) }},
		{Head: "loans.deposit_yuan", Cell: func(l apploans.Loan) export.Cell { return yuan(l.Deposit) }},
		{Head: "loans.col_charges_yuan", Cell: func(l apploans.Loan) export.Cell { return yuan(l.Charges) }},
	}
}

// tags are a loan's asset tags, all lines'.
func tags(l apploans.Loan) string {
	var out []string
	for _, ln := range l.Lines {
		out = append(out, ln.Tags...)
	}
	return strings.Join(out, " ")
}

// status says whether a loan is out, overdue or returned.
func (sc *Screen) status(l apploans.Loan) string {
	switch {
	case !l.IsOpen():
		return lang.L("loans.filter.returned")
	case l.Overdue(sc.s.Now()):
		return lang.L("loans.filter.overdue")
	}
	return lang.L("loans.filter.open")
}

// yuan is an amount in cents as a number of yuan; empty for none.
func yuan(cents int64) export.Cell {
	if cents == 0 {
		return kit.Text("")
	}
	return kit.Number(float64(cents) / 100)
}
