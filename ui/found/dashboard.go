package found

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appfound "floordesk/app/found"
	"floordesk/ui/kit"
)

// Dashboard is the lost-and-found register's part of the dashboard: items
// held at this desk awaiting claim, and a line for each one past its
// holding period.
func Dashboard(s *kit.Session, svc Service) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{"dash.tile_found"}, EveryDeskTiles: map[string]string{"dash.tile_found": "dash.tile_found_whole"}, Kinds: []string{appfound.KindFound},
		Load: func() (kit.DashView, error) { return loadDash(svc, s.Desk()) }}
}

// loadDash reads the items held at desk, as the handover lists them.
func loadDash(svc Service, desk string) (kit.DashView, error) {
	held, err := svc.AwaitingClaimAt(desk)
	return func(now time.Time) kit.DashPart {
		var p kit.DashPart
		for _, f := range held {
			if now.Before(f.HoldUntil) {
				continue
			}
			p.Lines = append(p.Lines, kit.DashLine{Kind: kit.KindFound, ID: f.Tag, Importance: widget.WarningImportance,
				Title:  f.Tag + " · " + f.Description,
				Detail: lang.L("dash.found_past_holding", map[string]string{"Date": kit.Date(f.HoldUntil)}),
				Note:   kit.Date(f.HoldUntil)})
		}
		p.Counts = map[string]kit.TileCount{"dash.tile_found": {N: len(held), Late: len(p.Lines)}}
		return p
	}, err
}
