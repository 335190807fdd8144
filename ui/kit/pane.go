package kit

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/data/wire"
)

// DetailPane is the right side of a list screen: one record's detail, a
// live view (a table, a list or a report built from records), a form, or
// anything else. It remembers which record's detail or which live view it
// shows, so that a refresh can rebuild that in place without moving the
// reader: showing the same record's detail again, or rebuilding the live
// view, keeps its scroll offset. Use it on the Fyne goroutine. Put its
// Content into layouts.
type DetailPane struct {
	box    *fyne.Container
	record wire.EntityRef    // the record whose detail is shown, or zero
	scroll *container.Scroll // the scroll of that detail or live view, or nil
	// build builds the live view shown (nil for none) from records of the
	// kinds in reads.
	build func() (fyne.CanvasObject, *container.Scroll)
	reads []string
	// shown is what the pane shows, without the draft's bar; draft is a
	// form the user was filling in when something else took the pane:
	// a bar above offers to go back to it or to drop it.
	shown fyne.CanvasObject
	draft fyne.CanvasObject
	// strip hides the command buttons of what is shown for a read-only
	// session (ReadOnlyFor); nil: none.
	strip func(fyne.CanvasObject)
}

// Placeholder is what a DetailPane shows while nothing is picked: text,
// dimmed, in the middle of the pane.
func Placeholder(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	return container.NewCenter(l)
}

// NewDetailPane returns a pane showing first.
func NewDetailPane(first fyne.CanvasObject) *DetailPane {
	return &DetailPane{box: container.NewStack(first), shown: first}
}

// ReadOnlyFor makes the pane hide, whenever it shows something, the
// command buttons in it while s is read-only (Session.StripCommands).
func (p *DetailPane) ReadOnlyFor(s *Session) {
	p.strip = s.StripCommands
	p.strip(p.box)
}

// Content is the pane, for layouts.
func (p *DetailPane) Content() fyne.CanvasObject { return p.box }

// Object is what the pane shows now.
// A draft's bar above it is not part of it.
func (p *DetailPane) Object() fyne.CanvasObject { return p.shown }

// Escape cancels the form the pane shows, as its Cancel button would,
// and reports whether it showed one (Esc with no field focused).
func (p *DetailPane) Escape() bool {
	f := formOf(p.shown)
	if f == nil || f.done {
		return false
	}
	f.runCancel()
	return true
}

// Draft is the form kept aside while the pane shows something else, or
// nil.
func (p *DetailPane) Draft() fyne.CanvasObject { return p.draft }

// ResumeDraft shows the form kept aside again, as it was left.
func (p *DetailPane) ResumeDraft() {
	if p.draft != nil {
		p.Set(p.draft)
	}
}

// DropDraft forgets the form kept aside.
func (p *DetailPane) DropDraft() {
	if f := formOf(p.draft); f != nil {
		f.finish()
	}
	p.draft = nil
	p.frame()
}

// Record is the record whose detail the pane shows, or the zero ref while
// it shows a live view, a form or anything else.
func (p *DetailPane) Record() wire.EntityRef { return p.record }

// Scroll is the scroll of the detail or live view shown, or nil.
func (p *DetailPane) Scroll() *container.Scroll { return p.scroll }

// Set shows o, which is neither a record's detail nor a live view: a
// form, a placeholder.
func (p *DetailPane) Set(o fyne.CanvasObject) {
	p.record, p.build, p.reads = wire.EntityRef{}, nil, nil
	p.place(o, nil, false)
}

// SetDetail shows view as the detail of record; scroll is the scroll in
// view that holds the record's content (view itself when it is one). When
// the pane already shows that record's detail, the new one opens at the
// old one's scroll offset, as far as the new content reaches.
func (p *DetailPane) SetDetail(record wire.EntityRef, view fyne.CanvasObject, scroll *container.Scroll) {
	same := p.record == record
	p.record, p.build, p.reads = record, nil, nil
	p.place(view, scroll, same)
}

// SetScrolledDetail is SetDetail for a detail that is content in a
// vertical scroll and nothing else.
func (p *DetailPane) SetScrolledDetail(record wire.EntityRef, content fyne.CanvasObject) {
	scroll := container.NewVScroll(content)
	p.SetDetail(record, scroll, scroll)
}

// Stale reports whether the detail shown must be rebuilt after the
// records in changed changed: a detail is shown, and changed is nil
// (everything changed), holds its record, or holds a record of one of the
// kinds the detail reads besides its own record (staff names, say).
func (p *DetailPane) Stale(changed []wire.EntityRef, reads ...string) bool {
	if p.record == (wire.EntityRef{}) {
		return false
	}
	return slices.Contains(changed, p.record) || Changed(changed, reads...)
}

// SetView shows a live view, from the top. build builds it: the view and
// the scroll in it that holds its figures (the view itself when it is
// one; nil for none). reads are the record kinds (KindLoan, KindStaff…)
// whose records the view shows or counts: RefreshView calls build again
// when one of them changed. build may return the view it built before
// with only its figures built anew inside it, so that a view with inputs
// (a period, a filter, a form) keeps what the reader typed or picked; it
// must not change what the pane shows.
func (p *DetailPane) SetView(build func() (fyne.CanvasObject, *container.Scroll), reads ...string) {
	p.record, p.build, p.reads = wire.EntityRef{}, build, reads
	view, scroll := build()
	p.place(view, scroll, false)
}

// RefreshView builds the live view shown again when changed is nil
// (everything changed) or holds a record of a kind it reads, and reports
// whether it did. The new view opens at the old one's scroll offset, as
// far as the new content reaches. It reports false, and does nothing,
// while the pane shows no live view.
func (p *DetailPane) RefreshView(changed []wire.EntityRef) bool {
	if p.build == nil || !Changed(changed, p.reads...) {
		return false
	}
	view, scroll := p.build()
	p.place(view, scroll, true)
	return true
}

// place shows view, whose content scroll holds; keep opens scroll at the
// offset of the scroll shown before.
func (p *DetailPane) place(view fyne.CanvasObject, scroll *container.Scroll, keep bool) {
	var at fyne.Position
	keep = keep && p.scroll != nil && scroll != nil
	if keep {
		at = p.scroll.Offset
	}
	p.scroll = scroll
	p.keepDraft(view)
	p.shown = view
	p.frame()
	if keep {
		scroll.ScrollToOffset(at) // after the layout, so Fyne clamps it to the new content
	}
}

// keepDraft keeps the form shown aside when view replaces it with input
// the user neither saved nor cancelled; a form that is left untouched, or
// a later draft, takes its place (only the last is kept).
func (p *DetailPane) keepDraft(view fyne.CanvasObject) {
	if view == p.draft {
		p.draft = nil // it is resumed
	}
	old := p.shown
	f := formOf(old)
	if f == nil || old == view {
		return
	}
	if !f.unsaved() {
		f.finish() // left untouched: nothing to keep
		return
	}
	if prev := formOf(p.draft); prev != nil {
		prev.finish()
	}
	p.draft = old
}

// frame puts what is shown in the pane, under the draft's bar when a form
// is kept aside.
func (p *DetailPane) frame() {
	obj := p.shown
	if p.draft != nil {
		obj = container.NewBorder(p.draftBar(), nil, nil, nil, p.shown)
	}
	p.box.Objects = []fyne.CanvasObject{obj}
	if p.strip != nil {
		p.strip(obj)
	}
	p.box.Refresh()
}

// draftBar says which form was left unsaved, with buttons to go back to
// it or drop it.
func (p *DetailPane) draftBar() fyne.CanvasObject {
	title := ""
	if f := formOf(p.draft); f != nil {
		title = f.Title()
	}
	note := widget.NewLabel(lang.L("kit.draft_kept", map[string]string{"Form": title}))
	note.Importance = widget.WarningImportance
	note.Wrapping = fyne.TextWrapWord
	resume := widget.NewButtonWithIcon(lang.L("kit.draft_resume"), theme.DocumentCreateIcon(), p.ResumeDraft)
	resume.Importance = widget.HighImportance
	drop := widget.NewButton(lang.L("kit.draft_drop"), p.DropDraft)
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewHBox(resume, drop), note)
}
