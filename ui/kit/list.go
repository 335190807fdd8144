package kit

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// IDList is a callback list (widget.List, not data binding) over a slice of
// record IDs, with uniform row heights. Use it on the Fyne goroutine. Put
// its List into layouts: IDList is deliberately not a widget itself, since
// a struct that merely embeds widget.List is not drawn reliably by Fyne.
type IDList struct {
	List     *widget.List // put this in layouts: IDList itself is not a widget
	ids      []string
	selected string
	onSelect func(id string)
}

// NewIDList returns an empty list whose rows are made by create and filled
// by update with the record ID they show.
func NewIDList(create func() fyne.CanvasObject, update func(id string, row fyne.CanvasObject)) *IDList {
	l := &IDList{}
	l.List = widget.NewList(
		func() int { return len(l.ids) },
		create,
		func(i widget.ListItemID, row fyne.CanvasObject) {
			if i >= 0 && i < len(l.ids) {
				update(l.ids[i], row)
			}
		})
	l.List.OnSelected = l.selectedRow
	l.List.OnUnselected = l.unselectedRow
	return l
}

func (l *IDList) selectedRow(i widget.ListItemID) {
	if i < 0 || i >= len(l.ids) {
		return
	}
	l.selected = l.ids[i]
	touchActive()
	if l.onSelect != nil {
		l.onSelect(l.selected)
	}
}

// unselectedRow forgets the selection the list dropped (a screen's
// UnselectAll, or just before a tap selects another row).
func (l *IDList) unselectedRow(widget.ListItemID) { l.selected = "" }

// SetIDs replaces the rows with ids, keeping the selection when its ID is
// still there (on its new row, without calling the OnSelectedID function)
// and keeping the scroll position.
func (l *IDList) SetIDs(ids []string) {
	l.ids = slices.Clone(ids)
	i := slices.Index(l.ids, l.selected)
	if i < 0 {
		l.selected = ""
		l.List.UnselectAll()
	}
	l.List.Refresh()
	if i >= 0 {
		l.moveSelection(i)
	}
}

// moveSelection marks row i selected, where the selected ID now is, as
// quietly as widget.List allows: no callback, and the list scrolled back
// to where the user had it.
func (l *IDList) moveSelection(i int) {
	offset := l.List.GetScrollOffset()
	l.List.OnSelected, l.List.OnUnselected = nil, nil
	l.List.Select(i) // does nothing when row i is already selected
	l.List.OnSelected, l.List.OnUnselected = l.selectedRow, l.unselectedRow
	l.List.ScrollToOffset(offset)
}

// IDs returns the IDs the list shows, in order.
func (l *IDList) IDs() []string { return slices.Clone(l.ids) }

// Len is the number of rows.
func (l *IDList) Len() int { return len(l.ids) }

// OnSelectedID sets what happens when the user picks a row.
func (l *IDList) OnSelectedID(f func(id string)) { l.onSelect = f }

// Selected returns the selected row's ID, or "".
func (l *IDList) Selected() string { return l.selected }

// SelectID selects the row of id, as a user's tap would (calling the
// OnSelectedID function), scrolls to it and reports whether it is there.
func (l *IDList) SelectID(id string) bool {
	i := slices.Index(l.ids, id)
	if i < 0 {
		return false
	}
	l.List.ScrollTo(i)
	l.List.Select(i)
	return true
}

// Row is a uniform list row: a title, a detail line and a trailing note
// (a time, a count), with the title coloured by importance (danger for
// late, warning for due soon).
type Row struct {
	widget.BaseWidget
	title, detail, note *widget.Label
}

// NewRow returns an empty row, for IDList's create function.
func NewRow() *Row {
	r := &Row{title: widget.NewLabel(""), detail: widget.NewLabel(""), note: widget.NewLabel("")}
	r.title.TextStyle.Bold = true
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.note.Alignment = fyne.TextAlignTrailing
	r.ExtendBaseWidget(r)
	return r
}

// Set fills the row.
func (r *Row) Set(title, detail, note string, importance widget.Importance) {
	r.title.Importance = importance
	r.note.Importance = importance
	r.title.SetText(title)
	r.detail.SetText(detail)
	r.note.SetText(note)
}

// Texts returns what the row shows, for tests.
func (r *Row) Texts() (title, detail, note string) {
	return r.title.Text, r.detail.Text, r.note.Text
}

// CreateRenderer lays the row out: title and note on top, detail below.
func (r *Row) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(rowLayout(r.title, r.detail, r.note))
}
