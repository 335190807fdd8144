package loans

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

// Dashboard is the loan register's part of the dashboard: loans due back
// today at this desk and those overdue, each a line.
func Dashboard(s *kit.Session, svc Service) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{"dash.tile_loans_due"},
		Collect: func(now time.Time) (kit.DashPart, error) { return collectDash(s, svc, now) }}
}

func collectDash(s *kit.Session, svc Service, now time.Time) (kit.DashPart, error) {
	y, m, day := now.Date()
	endOfDay := time.Date(y, m, day+1, 0, 0, 0, 0, now.Location())
	loans, err := svc.LoansDue(s.Desk(), endOfDay)
	items := &names{svc: svc} // the item types only: a loan line names no staff
	items.loadItems()
	var p kit.DashPart
	overdue := 0
	for _, l := range loans {
		line := kit.DashLine{Kind: kit.KindLoan, ID: l.ID, Title: kit.RoomTitle(l.Room, dashItems(l, items))}
		if l.Overdue(now) {
			overdue++
			line.Urgent, line.Importance = true, widget.DangerImportance
			line.Detail, line.Note = lang.L("dash.loan_overdue"), kit.Late(l.DueAt, now)
		} else {
			line.Importance = widget.WarningImportance
			line.Detail, line.Note = lang.L("dash.loan_due_today"), kit.Clock(l.DueAt)
		}
		p.Lines = append(p.Lines, line)
	}
	p.Counts = map[string]kit.TileCount{"dash.tile_loans_due": {N: len(loans), Late: overdue}}
	return p, err
}

// dashItems names a loan's items for its dashboard line: "吹风机、熨斗".
func dashItems(l apploans.Loan, items *names) string {
	parts := make([]string, len(l.Lines))
	for i, ln := range l.Lines {
		parts[i] = items.item(ln.Item)
	}
	return strings.Join(parts, "、")
}
