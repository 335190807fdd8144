package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// Dashboard is the home screen: counts of what is out, due and late, and
// one line per record that needs attention now, most urgent first; each
// line opens its record. It is calm when nothing is due.
type Dashboard struct {
	kit.ScreenBase
	s            *kit.Session
	systemNotify func(title, text string)
	tiles        map[string]*tile
	tileBox      *fyne.Container
	list         *kit.IDList
	lines        map[string]dashLine
	calm         *widget.Label
	problem      *widget.Label
	notified     map[string]bool // follow-ups already announced
}

var _ kit.Screen = (*Dashboard)(nil)

// tileKeys are the tiles in order, by translation key.
var tileKeys = []string{"dash.tile_follow_ups", "dash.tile_late", "dash.tile_keys_out",
	"dash.tile_loans_due", "dash.tile_found", "dash.tile_conflicts"}

// NewDashboard builds the dashboard; the shell calls Refresh to fill it.
func NewDashboard(s *kit.Session) *Dashboard {
	d := &Dashboard{s: s, tiles: map[string]*tile{}, lines: map[string]dashLine{}, notified: map[string]bool{}}
	d.tileBox = container.NewGridWithColumns(len(tileKeys))
	for _, k := range tileKeys {
		d.tiles[k] = newTile(lang.L(k))
		d.tileBox.Add(d.tiles[k].content)
	}
	d.list = kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() }, d.fillRow)
	d.list.OnSelectedID(d.openLine)
	d.calm = widget.NewLabelWithStyle(lang.L("dash.calm"), fyne.TextAlignCenter, fyne.TextStyle{})
	d.calm.Importance = widget.SuccessImportance
	d.problem = widget.NewLabel(lang.L("kit.failed"))
	d.problem.Importance = widget.DangerImportance
	d.problem.Hide()
	top := container.NewVBox(d.tileBox, d.problem, widget.NewSeparator())
	content := container.NewBorder(top, nil, nil, nil, container.NewStack(d.list.List, container.NewCenter(d.calm)))
	d.ScreenBase = kit.NewScreenBase("dashboard", "dash.title", theme.HomeIcon, content)
	return d
}

// Show implements kit.Screen: the dashboard owns no record.
func (d *Dashboard) Show(kind, id string) bool { return false }

// Shortcuts implements kit.Screen.
func (d *Dashboard) Shortcuts() []kit.Shortcut { return nil }

// Refresh re-reads the counts and lines at the session's time and
// announces follow-ups that have fallen due since the last refresh.
func (d *Dashboard) Refresh([]wire.EntityRef) {
	now := d.s.Now()
	dd := collect(d.s, now)
	d.problem.Hidden = dd.failed == nil
	d.problem.Refresh()
	d.setCounts(dd.counts)
	d.setLines(dd.lines)
	d.remind(dd)
}

func (d *Dashboard) setCounts(c dashCounts) {
	d.tiles["dash.tile_follow_ups"].set(c.followUps, 0)
	d.tiles["dash.tile_late"].set(c.late, c.late)
	d.tiles["dash.tile_keys_out"].set(c.keysOut, c.keysOverdue)
	d.tiles["dash.tile_loans_due"].set(c.loansToday+c.loansOverdue, c.loansOverdue)
	d.tiles["dash.tile_found"].set(c.found, c.foundPast)
	d.tiles["dash.tile_conflicts"].set(c.conflicts, c.conflicts)
	d.tiles["dash.tile_follow_ups"].urgent(c.followUps > 0)
	conflicts, cols := d.tiles["dash.tile_conflicts"].content, len(tileKeys)
	if d.s.IsSupervisor() {
		conflicts.Show()
	} else {
		conflicts.Hide()
		cols--
	}
	d.tileBox.Layout = layout.NewGridLayoutWithColumns(cols)
	d.tileBox.Refresh()
}

// setLines shows the lines, urgent ones first, in the order collected.
func (d *Dashboard) setLines(lines []dashLine) {
	clear(d.lines)
	var urgent, other []string
	for _, l := range lines {
		d.lines[l.key()] = l
		if l.urgent {
			urgent = append(urgent, l.key())
		} else {
			other = append(other, l.key())
		}
	}
	d.list.SetIDs(append(urgent, other...))
	d.calm.Hidden = len(lines) > 0
	d.calm.Refresh()
}

func (d *Dashboard) fillRow(id string, o fyne.CanvasObject) {
	l := d.lines[id]
	o.(*kit.Row).Set(l.title, l.detail, l.note, l.importance)
}

// openLine opens the line's record and clears the selection, so the same
// line can be opened again.
func (d *Dashboard) openLine(id string) {
	l, ok := d.lines[id]
	d.list.List.UnselectAll()
	if ok {
		d.s.Open(l.kind, l.id)
	}
}

// Lines returns the lines shown, as "title | detail | note", for tests.
func (d *Dashboard) Lines() []string {
	var out []string
	for _, id := range d.list.IDs() {
		l := d.lines[id]
		out = append(out, l.title+" | "+l.detail+" | "+l.note)
	}
	return out
}

// Count returns the number a tile shows, by its translation key
// ("dash.tile_late"), for tests.
func (d *Dashboard) Count(key string) int {
	n, _ := strconv.Atoi(d.tiles[key].count.Text)
	return n
}

// Calm reports whether the dashboard shows its nothing-is-due line.
func (d *Dashboard) Calm() bool { return d.calm.Visible() }

// OpenLine opens the i-th line as a tap would, for tests.
func (d *Dashboard) OpenLine(i int) { d.list.List.Select(i) }
