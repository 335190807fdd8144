package loans

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

// Dashboard is the loan register's part of the dashboard: loans due back
// today at this desk and those overdue, each a line.
func Dashboard(s *kit.Session, svc Service) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{"dash.tile_loans_due"}, EveryDeskTiles: map[string]string{"dash.tile_loans_due": "dash.tile_loans_due_whole"}, Kinds: []string{apploans.KindLoan, app.KindItemType},
		Load: func() (kit.DashView, error) { return loadDash(s, svc) }}
}

// loadDash reads the desk's open loans, due soonest first; which of them
// are due today and which overdue moves with the clock.
func loadDash(s *kit.Session, svc Service) (kit.DashView, error) {
	desk := s.Desk()
	loans, err := svc.OpenLoans(desk)
	if !s.EveryDesk { // OpenLoans takes "" as every desk: a desk without a code shows its own only
		loans = slices.DeleteFunc(loans, func(l apploans.Loan) bool { return l.Desk != desk })
	}
	items := &names{svc: svc} // the item types only: a loan line names no staff
	items.loadItems()
	titles := make([]string, len(loans))
	for i, l := range loans {
		titles[i] = kit.RoomTitle(l.Room, dashItems(l, items))
	}
	return func(now time.Time) kit.DashPart {
		y, m, day := now.Date()
		endOfDay := time.Date(y, m, day+1, 0, 0, 0, 0, now.Location())
		var p kit.DashPart
		overdue := 0
		for i, l := range loans {
			if !l.DueAt.Before(endOfDay) {
				continue
			}
			line := kit.DashLine{Kind: kit.KindLoan, ID: l.ID, Title: titles[i]}
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
		p.Counts = map[string]kit.TileCount{"dash.tile_loans_due": {N: len(p.Lines), Late: overdue}}
		return p
	}, err
}

// dashItems names a loan's items for its dashboard line: "吹风机、熨斗".
func dashItems(l apploans.Loan, items *names) string {
	parts := make([]string, len(l.Lines))
	for i, ln := range l.Lines {
		parts[i] = items.item(ln.Item)
	}
	return strings.Join(parts, "、")
}
