package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data/wire"
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

// dashReads is what the dashboard last read of each source, in the
// sources' order: the view, and the error reading it.
type dashReads struct {
	views []kit.DashView
	errs  []error
}

// load reads again the sources a change moves (every one for nil): those
// whose Kinds hold a changed record's kind.
func (r *dashReads) load(sources []*kit.DashSource, changed []wire.EntityRef) {
	if len(r.views) != len(sources) {
		r.views, r.errs = make([]kit.DashView, len(sources)), make([]error, len(sources))
		changed = nil
	}
	for i, src := range sources {
		if changed != nil && !kit.Changed(changed, src.Kinds...) {
			continue
		}
		v, err := src.Load()
		if v == nil {
			v = func(time.Time) kit.DashPart { return kit.DashPart{} }
		}
		r.views[i], r.errs[i] = v, err
	}
}

// at is what the views read show at now; it reads nothing from the store.
func (r *dashReads) at(now time.Time) dashData {
	var d dashData
	for i, v := range r.views {
		if r.errs[i] != nil && d.failed == nil {
			d.failed = r.errs[i]
		}
		d.parts = append(d.parts, v(now))
	}
	return d
}

// conflictTile is the supervisor's tile of open conflicts.
const conflictTile = "dash.tile_conflicts"

// conflictSource is the core's part of the dashboard: open conflicts,
// shown to supervisors only. A conflict can be on a record of any kind.
func conflictSource(s *kit.Session) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{conflictTile}, Kinds: app.RegisteredKinds(), Load: func() (kit.DashView, error) {
		if !s.IsSupervisor() {
			return nil, nil
		}
		cs, err := s.Svc.Conflicts()
		p := kit.DashPart{Counts: map[string]kit.TileCount{conflictTile: {N: len(cs), Late: len(cs)}}}
		for _, c := range cs {
			p.Lines = append(p.Lines, kit.DashLine{Kind: kit.KindConflict, ID: c.Kind + "/" + c.EntityID, Urgent: true,
				Importance: widget.DangerImportance, Title: kit.SayConflict(c.Conflict),
				Detail: lang.L("dash.conflict"), Note: c.EntityID})
		}
		return func(time.Time) kit.DashPart { return p }, err
	}}
}
