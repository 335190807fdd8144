package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tile is one count on the dashboard: a big number, its name, and how
// many of them are overdue.
type tile struct {
	count, name, overdue *widget.Label
	content              fyne.CanvasObject
}

func newTile(name string) *tile {
	t := &tile{count: widget.NewLabel("0"), name: widget.NewLabel(name), overdue: widget.NewLabel("")}
	t.count.SizeName = theme.SizeNameHeadingText
	t.count.TextStyle.Bold = true
	t.count.Alignment = fyne.TextAlignCenter
	t.name.Alignment = fyne.TextAlignCenter
	t.name.Wrapping = fyne.TextWrapWord // a long name takes two lines rather than losing its end
	t.overdue.Alignment = fyne.TextAlignCenter
	t.overdue.Importance = widget.DangerImportance
	t.content = widget.NewCard("", "", container.NewVBox(t.count, t.name, t.overdue))
	return t
}

// set shows n, and how many of them are overdue when any.
func (t *tile) set(n, overdue int) {
	t.count.SetText(strconv.Itoa(n))
	if overdue > 0 {
		t.overdue.SetText(lang.L("dash.overdue_count", map[string]int{"Count": overdue}))
	} else {
		t.overdue.SetText(" ")
	}
	t.urgent(overdue > 0)
}

// urgent colours the number red when something is due now.
func (t *tile) urgent(on bool) {
	if on {
		t.count.Importance = widget.DangerImportance
	} else {
		t.count.Importance = widget.MediumImportance
	}
	t.count.Refresh()
}
