package found

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
)

// Dashboard is the lost-and-found register's part of the dashboard: items
// awaiting claim, and a line for each one past its holding period.
func Dashboard(s *kit.Session, svc Service) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{"dash.tile_found"},
		Collect: func(now time.Time) (kit.DashPart, error) { return collectDash(s, svc, now) }}
}

func collectDash(s *kit.Session, svc Service, now time.Time) (kit.DashPart, error) {
	held, err := svc.AwaitingClaim()
	var p kit.DashPart
	past := 0
	for _, f := range held {
		if now.Before(f.HoldUntil) {
			continue
		}
		past++
		p.Lines = append(p.Lines, kit.DashLine{Kind: kit.KindFound, ID: f.Tag, Importance: widget.WarningImportance,
			Title:  f.Tag + " · " + f.Description,
			Detail: lang.L("dash.found_past_holding", map[string]string{"Date": kit.Date(f.HoldUntil)}),
			Note:   kit.Date(f.HoldUntil)})
	}
	p.Counts = map[string]kit.TileCount{"dash.tile_found": {N: len(held), Late: past}}
	return p, err
}
