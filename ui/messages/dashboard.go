package messages

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appmessages "floordesk/app/messages"
	"floordesk/ui/kit"
)

// Dashboard is the message register's part of the dashboard: every
// message still to be delivered, a line each, those waiting longer than
// OldAfter urgent; and a tile counting them.
func Dashboard(s *kit.Session, svc Service) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{"dash.tile_messages"}, Kinds: []string{kit.KindMessage},
		Load: func() (kit.DashView, error) {
			ms, err := svc.Waiting()
			return func(now time.Time) kit.DashPart { return dashAt(ms, now) }, err
		}}
}

// dashAt is the part at now, from the messages waiting when read.
func dashAt(ms []appmessages.Message, now time.Time) kit.DashPart {
	var p kit.DashPart
	old := 0
	for _, m := range ms {
		line := kit.DashLine{Kind: kit.KindMessage, ID: m.ID, Title: kit.RoomTitle(m.Where(), m.Text),
			Detail: kit.JoinParts([]string{m.Guest, whoText(m)}), Note: kit.When(m.TakenAt, now),
			Importance: widget.WarningImportance}
		if now.Sub(m.TakenAt) > appmessages.OldAfter {
			old++
			line.Urgent, line.Importance = true, widget.DangerImportance
			line.Note = lang.L("messages.waiting_since", map[string]string{"When": kit.When(m.TakenAt, now)})
		}
		p.Lines = append(p.Lines, line)
	}
	p.Counts = map[string]kit.TileCount{"dash.tile_messages": {N: len(ms), Late: old}}
	return p
}
