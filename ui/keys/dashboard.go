package keys

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
)

// Dashboard is the key register's part of the dashboard: keys out, and a
// line for each one overdue.
func Dashboard(s *kit.Session, svc Service) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{"dash.tile_keys_out"},
		Collect: func(now time.Time) (kit.DashPart, error) { return collectDash(s, svc, now) }}
}

func collectDash(s *kit.Session, svc Service, now time.Time) (kit.DashPart, error) {
	out, err := svc.KeysOut()
	var p kit.DashPart
	names := kit.NewStaffNames(svc)
	overdue := 0
	for _, k := range out {
		if !k.Overdue {
			continue
		}
		overdue++
		p.Lines = append(p.Lines, kit.DashLine{Kind: kit.KindKey, ID: k.Tag, Urgent: true, Importance: widget.DangerImportance,
			Title:  lang.L("dash.key_title", map[string]string{"Tag": k.Tag}),
			Detail: lang.L("dash.key_overdue", map[string]string{"Holder": names.Name(k.Holder), "Purpose": k.Purpose}),
			Note:   kit.Late(k.Due, now)})
	}
	p.Counts = map[string]kit.TileCount{"dash.tile_keys_out": {N: len(out), Late: overdue}}
	return p, err
}
