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
	sources      []*kit.DashSource // the registers' parts, then the conflicts
	reads        dashReads         // what each source read last
	tileKeys     []string          // every source's tiles, in order
	tiles        map[string]*tile
	tileBox      *fyne.Container
	list         *kit.IDList
	lines        map[string]kit.DashLine
	calm         *widget.Label
	problem      *widget.Label
	notified     map[string]bool // notices already announced
}

var _ kit.Screen = (*Dashboard)(nil)

// tileName is the translation key of src's tile k: "this desk's" tiles
// say "whole hotel" where every desk is counted.
func tileName(s *kit.Session, src *kit.DashSource, k string) string {
	if name, ok := src.EveryDeskTiles[k]; ok && s.EveryDesk {
		return name
	}
	return k
}

// NewDashboard builds the dashboard from the registers' sources, in
// order, and the conflicts; the shell calls Refresh to fill it.
func NewDashboard(s *kit.Session, sources []*kit.DashSource) *Dashboard {
	d := &Dashboard{s: s, sources: append(sources[:len(sources):len(sources)], conflictSource(s)),
		tiles: map[string]*tile{}, lines: map[string]kit.DashLine{}, notified: map[string]bool{}}
	for _, src := range d.sources {
		d.tileKeys = append(d.tileKeys, src.Tiles...)
	}
	d.tileBox = container.NewGridWithColumns(len(d.tileKeys))
	for _, src := range d.sources {
		for _, k := range src.Tiles {
			d.tiles[k] = newTile(lang.L(tileName(s, src, k)))
			d.tileBox.Add(d.tiles[k].content)
		}
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

// Refresh reads again the parts a change moves (every part for nil),
// shows the counts and lines at the session's time and announces
// follow-ups that have fallen due since the last refresh.
func (d *Dashboard) Refresh(changed []wire.EntityRef) {
	d.reads.load(d.sources, changed)
	d.Tick()
}

// Tick implements kit.Ticker: it shows the parts last read at the
// session's time, moving what is late and due with the clock, and
// announces what fell due; it reads nothing from the store.
func (d *Dashboard) Tick() {
	dd := d.reads.at(d.s.Now())
	d.problem.Hidden = dd.failed == nil
	d.problem.Refresh()
	d.setCounts(dd)
	d.setLines(dd.lines())
	d.remind(dd)
}

func (d *Dashboard) setCounts(dd dashData) {
	for _, t := range d.tiles {
		t.set(0, 0) // a source that failed shows none
	}
	for _, p := range dd.parts {
		for key, c := range p.Counts {
			d.tiles[key].set(c.N, c.Late)
			if c.Urgent {
				d.tiles[key].urgent(true)
			}
		}
	}
	conflicts, cols := d.tiles[conflictTile].content, len(d.tileKeys)
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
func (d *Dashboard) setLines(lines []kit.DashLine) {
	clear(d.lines)
	var urgent, other []string
	for _, l := range lines {
		key := l.Kind + "/" + l.ID
		d.lines[key] = l
		if l.Urgent {
			urgent = append(urgent, key)
		} else {
			other = append(other, key)
		}
	}
	d.list.SetIDs(append(urgent, other...))
	d.calm.Hidden = len(lines) > 0
	d.calm.Refresh()
}

func (d *Dashboard) fillRow(id string, o fyne.CanvasObject) {
	l := d.lines[id]
	o.(*kit.Row).Set(l.Title, l.Detail, l.Note, l.Importance)
}

// openLine opens the line's record and clears the selection, so the same
// line can be opened again.
func (d *Dashboard) openLine(id string) {
	l, ok := d.lines[id]
	d.list.List.UnselectAll()
	if ok {
		d.s.Open(l.Kind, l.ID)
	}
}

// Lines returns the lines shown, as "title | detail | note", for tests.
func (d *Dashboard) Lines() []string {
	var out []string
	for _, id := range d.list.IDs() {
		l := d.lines[id]
		out = append(out, l.Title+" | "+l.Detail+" | "+l.Note)
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
