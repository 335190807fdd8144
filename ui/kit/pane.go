package kit

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"floordesk/data"
)

// DetailPane is the right side of a list screen: one record's detail, a
// form, or any other view. It remembers which record's detail it shows,
// so that a refresh can rebuild that detail in place without moving the
// reader: showing the same record's detail again keeps its scroll offset.
// Use it on the Fyne goroutine. Put its Content into layouts.
type DetailPane struct {
	box    *fyne.Container
	record data.EntityRef    // the record whose detail is shown, or zero
	scroll *container.Scroll // the scroll of that detail, or nil
}

// NewDetailPane returns a pane showing first.
func NewDetailPane(first fyne.CanvasObject) *DetailPane {
	return &DetailPane{box: container.NewStack(first)}
}

// Content is the pane, for layouts.
func (p *DetailPane) Content() fyne.CanvasObject { return p.box }

// Object is what the pane shows now.
func (p *DetailPane) Object() fyne.CanvasObject { return p.box.Objects[0] }

// Record is the record whose detail the pane shows, or the zero ref while
// it shows a form or anything else.
func (p *DetailPane) Record() data.EntityRef { return p.record }

// Scroll is the scroll of the detail shown, or nil.
func (p *DetailPane) Scroll() *container.Scroll { return p.scroll }

// Set shows o, which is no record's detail: a form, a report, a
// placeholder.
func (p *DetailPane) Set(o fyne.CanvasObject) {
	p.record, p.scroll = data.EntityRef{}, nil
	p.show(o)
}

// SetDetail shows view as the detail of record; scroll is the scroll in
// view that holds the record's content (view itself when it is one). When
// the pane already shows that record's detail, the new one opens at the
// old one's scroll offset, as far as the new content reaches.
func (p *DetailPane) SetDetail(record data.EntityRef, view fyne.CanvasObject, scroll *container.Scroll) {
	var at fyne.Position
	keep := p.record == record && p.scroll != nil
	if keep {
		at = p.scroll.Offset
	}
	p.record, p.scroll = record, scroll
	p.show(view)
	if keep && scroll != nil {
		scroll.ScrollToOffset(at) // after the layout, so Fyne clamps it to the new content
	}
}

// Stale reports whether the detail shown must be rebuilt after the
// records in changed changed: a detail is shown, and changed is nil
// (everything changed), holds its record, or holds a record of one of the
// kinds the detail reads besides its own record (staff names, say).
func (p *DetailPane) Stale(changed []data.EntityRef, reads ...string) bool {
	if p.record == (data.EntityRef{}) {
		return false
	}
	return slices.Contains(changed, p.record) || Changed(changed, reads...)
}

func (p *DetailPane) show(o fyne.CanvasObject) {
	p.box.Objects = []fyne.CanvasObject{o}
	p.box.Refresh()
}
