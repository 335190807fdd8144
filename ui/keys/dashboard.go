package keys

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
)

// Dashboard is the key register's part of the dashboard: the keys out
// that count at this desk (its board's, and those signed out here), and a
// line for each one overdue, naming its holder.
func Dashboard(s *kit.Session, svc Service) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{"dash.tile_keys_out"}, EveryDeskTiles: map[string]string{"dash.tile_keys_out": "dash.tile_keys_out_whole"}, Kinds: []string{appkeys.KindKey, app.KindStaff},
		Load: func() (kit.DashView, error) { return loadDash(svc, s.Desk()) }}
}

// loadDash reads the keys out that count at desk, as the handover counts
// them.
func loadDash(svc Service, desk string) (kit.DashView, error) {
	out, err := svc.KeysOutAt(desk)
	names := kit.NewStaffNames(svc)
	holders := make([]string, len(out))
	for i, k := range out {
		holders[i] = names.Name(k.Holder)
	}
	return func(now time.Time) kit.DashPart {
		var p kit.DashPart
		for i, k := range out {
			if !k.LateAt(now) {
				continue
			}
			p.Lines = append(p.Lines, kit.DashLine{Kind: kit.KindKey, ID: k.Tag, Urgent: true, Importance: widget.DangerImportance,
				Title:  lang.L("dash.key_title", map[string]string{"Tag": k.Tag}),
				Detail: lang.L("dash.key_overdue", map[string]string{"Holder": holders[i], "Purpose": k.Purpose}),
				Note:   kit.Late(k.Due, now)})
		}
		p.Counts = map[string]kit.TileCount{"dash.tile_keys_out": {N: len(out), Late: len(p.Lines)}}
		return p
	}, err
}
