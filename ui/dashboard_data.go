package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
)

// dashData is what the dashboard shows at one moment: every source's
// part, the conflicts' last.
type dashData struct {
	parts  []kit.DashPart // by source, in the dashboard's order
	failed error
}

// lines lists every part's lines, in order.
func (d dashData) lines() []kit.DashLine {
	var out []kit.DashLine
	for _, p := range d.parts {
		out = append(out, p.Lines...)
	}
	return out
}

// collect reads every source at now.
func collect(sources []*kit.DashSource, now time.Time) dashData {
	var d dashData
	for _, src := range sources {
		p, err := src.Collect(now)
		if err != nil && d.failed == nil {
			d.failed = err
		}
		d.parts = append(d.parts, p)
	}
	return d
}

// conflictTile is the supervisor's tile of open conflicts.
const conflictTile = "dash.tile_conflicts"

// conflictSource is the core's part of the dashboard: open conflicts,
// shown to supervisors only.
func conflictSource(s *kit.Session) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{conflictTile}, Collect: func(time.Time) (kit.DashPart, error) {
		if !s.IsSupervisor() {
			return kit.DashPart{}, nil
		}
		cs, err := s.Svc.Conflicts()
		p := kit.DashPart{Counts: map[string]kit.TileCount{conflictTile: {N: len(cs), Late: len(cs)}}}
		for _, c := range cs {
			p.Lines = append(p.Lines, kit.DashLine{Kind: kit.KindConflict, ID: c.Kind + "/" + c.EntityID, Urgent: true,
				Importance: widget.DangerImportance, Title: kit.SayConflict(c.Conflict),
				Detail: lang.L("dash.conflict"), Note: c.EntityID})
		}
		return p, err
	}}
}
