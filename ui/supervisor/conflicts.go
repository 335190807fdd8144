package supervisor

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data/wire"
	"floordesk/export"
	"floordesk/ui/kit"
)

// conflictsTab lists the open sync conflicts and resolves one with a note.
// Every desk shows the same description: the conflict's code and params.
type conflictsTab struct {
	s         *kit.Session
	conflicts map[string]app.EntityConflict // by "kind/entityID/conflictID"
	list      *kit.IDList
	pane      *fyne.Container
	resolve   *kit.Form
	note      *kit.Entry
	empty     *widget.Label
	export    *widget.Button
	onCount   func() // called after the list changed, on the Fyne goroutine

	mu      sync.Mutex // guards running and again
	running bool       // a background scan is under way
	again   bool       // another change came during the scan
}

func newConflictsTab(s *kit.Session) *conflictsTab {
	t := &conflictsTab{s: s, conflicts: map[string]app.EntityConflict{}}
	t.list = kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() }, t.fillRow)
	t.list.OnSelectedID(t.open)
	t.empty = widget.NewLabel(lang.L("supervisor.no_conflicts"))
	t.empty.Importance = widget.LowImportance
	t.pane = container.NewStack(widget.NewLabel(""))
	t.export = kit.TableExportButton(s, func() (export.Table, error) { return t.table(), nil })
	return t
}

func (t *conflictsTab) title() string {
	if n := len(t.conflicts); n > 0 {
		return lang.L("supervisor.conflicts_n", map[string]int{"Count": n})
	}
	return lang.L("supervisor.conflicts")
}

func (t *conflictsTab) content() fyne.CanvasObject {
	head := container.NewBorder(nil, nil, nil, t.export, t.empty)
	return split(container.NewBorder(head, nil, nil, nil, t.list.List), t.pane)
}

func conflictKey(c app.EntityConflict) string { return c.Kind + "/" + c.EntityID + "/" + c.ID }

// refresh lists the open conflicts; any change may bring one. A full
// refresh (nil) scans at once; store changes scan in the background, one
// scan at a time, since a scan reads every record.
func (t *conflictsTab) refresh(changed []wire.EntityRef) {
	if changed == nil {
		if list, err := t.s.Svc.Conflicts(); err == nil {
			t.apply(list)
		}
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.running {
		t.again = true
		return
	}
	t.running = true
	go t.scan()
}

// scan lists the conflicts until no change came in meanwhile.
func (t *conflictsTab) scan() {
	for {
		list, err := t.s.Svc.Conflicts()
		if err == nil {
			t.s.Do(func() { t.apply(list) })
		}
		t.mu.Lock()
		if !t.again {
			t.running = false
			t.mu.Unlock()
			return
		}
		t.again = false
		t.mu.Unlock()
	}
}

// apply shows list.
func (t *conflictsTab) apply(list []app.EntityConflict) {
	t.conflicts = make(map[string]app.EntityConflict, len(list))
	ids := make([]string, len(list))
	for i, c := range list {
		ids[i] = conflictKey(c)
		t.conflicts[ids[i]] = c
	}
	t.list.SetIDs(ids)
	t.empty.Hidden = len(ids) > 0
	t.empty.Refresh()
	if t.list.Selected() == "" {
		setPane(t.pane, widget.NewLabel(""))
	}
	if t.onCount != nil {
		t.onCount()
	}
}

func (t *conflictsTab) fillRow(id string, o fyne.CanvasObject) {
	c := t.conflicts[id]
	o.(*kit.Row).Set(kit.SayConflict(c.Conflict), lang.L("supervisor.conflict_where",
		map[string]any{"Kind": kit.KindName(c.Kind), "ID": c.EntityID, "Events": len(c.Events)}), "", widget.WarningImportance)
}

// show opens the first conflict on an entity given as "kind/entityID".
func (t *conflictsTab) show(ref string) bool {
	for _, id := range t.list.IDs() {
		c := t.conflicts[id]
		if c.Kind+"/"+c.EntityID == ref || id == ref {
			return t.list.SelectID(id)
		}
	}
	return false
}

// open shows a conflict with the record it concerns and the note form.
func (t *conflictsTab) open(id string) {
	c, ok := t.conflicts[id]
	if !ok {
		return
	}
	f := newForm()
	t.note = f.Entry(lang.L("supervisor.resolve_hint"))
	f.Row(lang.L("supervisor.decision"), "note", t.note)
	f.Submit = func() { t.resolveIt(f, c) }
	f.Cancel = func() { t.list.List.UnselectAll(); setPane(t.pane, widget.NewLabel("")) }
	t.resolve = f
	openRec := widget.NewButton(lang.L("supervisor.open_record"), func() { t.s.Open(c.Kind, c.EntityID) })
	box := container.NewVBox(wrapped(kit.SayConflict(c.Conflict)),
		wrapped(lang.L("supervisor.resolve_help")), container.NewHBox(openRec),
		f.Content(lang.L("supervisor.resolve"), lang.L("supervisor.resolve_save")))
	setPane(t.pane, container.NewVScroll(box))
	t.s.Window.Canvas().Focus(t.note)
}

func (t *conflictsTab) resolveIt(f *kit.Form, c app.EntityConflict) {
	err := t.s.Svc.ResolveConflict(t.s.UserID(), c.Kind, c.EntityID, c.ID, t.note.Text)
	if saved(t.s, f, err, "supervisor.resolved", nil) {
		t.list.List.UnselectAll()
		t.refresh(nil)
	}
}
