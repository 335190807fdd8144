package kit

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
)

// PickField is a field a supervisor finds the column of: its name (the
// register's: "room"), its label's translation key, and whether a file
// is read without it.
type PickField struct {
	Field, Key string
	Required   bool
}

// ColumnPicker asks which column of a table file is which: a choice for
// each field, each offering the file's columns with their first values,
// and whether the first line names the columns; the file's first rows
// below. Read runs with the pick; a pick that cannot be read is asked
// again with the refusal (Retry).
type ColumnPicker struct {
	sample  app.ColumnSample
	fields  []PickField
	why     *widget.Label
	Fields  map[string]*widget.Select // by field
	Header  *widget.Check             // the first line names the columns
	options []string                  // "—", then a column each
	dialog  *dialog.ConfirmDialog
	read    func()
}

// AskColumns shows a ColumnPicker for sample's file over w, saying why
// the desk asks; read runs when the supervisor reads the file with what
// is picked.
func AskColumns(w fyne.Window, sample app.ColumnSample, fields []PickField, why string, read func(*ColumnPicker)) *ColumnPicker {
	c := &ColumnPicker{sample: sample, fields: fields, why: widget.NewLabel(why), Fields: map[string]*widget.Select{}}
	c.why.Wrapping = fyne.TextWrapWord
	c.Header = widget.NewCheck(lang.L("columns.header"), func(bool) { c.label() })
	c.Header.SetChecked(sample.Start > 0)
	c.label()
	for _, f := range fields {
		s := widget.NewSelect(c.options, nil)
		s.SetSelectedIndex(0)
		if col, ok := sample.Guess[f.Field]; ok {
			s.SetSelectedIndex(col + 1)
		}
		c.Fields[f.Field] = s
	}
	c.read = func() { read(c) }
	c.show(w)
	return c
}

func (c *ColumnPicker) show(w fyne.Window) {
	c.dialog = dialog.NewCustomConfirm(lang.L("columns.title"), lang.L("columns.read"), lang.L("Cancel"),
		c.content(), func(ok bool) {
			if ok {
				c.read()
			}
		}, w)
	c.dialog.Show()
}

// Retry asks again over w, saying why the last pick could not be read.
func (c *ColumnPicker) Retry(w fyne.Window, err error) {
	c.why.SetText(Say(err))
	c.why.Importance = widget.DangerImportance
	c.show(w)
}

// label names each column by its letter, its header when the first line
// names the columns, and its first values: "B · 楼层号: 8, 8, 12".
func (c *ColumnPicker) label() {
	start := c.Start()
	opts := []string{lang.L("columns.none")}
	for col := range c.sample.Columns {
		name := app.ColumnName(col)
		if start > 0 {
			if h := cell(c.sample.Rows[start-1], col); h != "" {
				name += " · " + h
			}
		}
		var values []string
		for _, row := range c.sample.Rows[min(start, len(c.sample.Rows)):] {
			if v := cell(row, col); v != "" {
				values = append(values, v)
			}
		}
		opts = append(opts, name+": "+strings.Join(values, ", "))
	}
	c.options = opts
	for _, s := range c.Fields { // new labels, the same pick
		i := s.SelectedIndex()
		s.SetOptions(opts)
		s.SetSelectedIndex(i)
	}
}

func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// Start is the first row of records: under the header when the first
// line names the columns (under the titles above it, as guessed), else
// the top.
func (c *ColumnPicker) Start() int {
	if c.Header == nil || !c.Header.Checked {
		return 0
	}
	return max(c.sample.Start, 1)
}

// Picked is the column picked for each field that has one.
func (c *ColumnPicker) Picked() map[string]int {
	out := map[string]int{}
	for field, s := range c.Fields {
		if i := s.SelectedIndex(); i > 0 {
			out[field] = i - 1
		}
	}
	return out
}

// Pick picks column (from 0; -1 for none) for field, as a supervisor
// does; for tests.
func (c *ColumnPicker) Pick(field string, column int) { c.Fields[field].SetSelectedIndex(column + 1) }

// Read reads the file with the columns picked, as the dialog's button
// does; for tests.
func (c *ColumnPicker) Read() { c.dialog.Confirm() }

// Why is what the picker says above the choices: why the desk asks, or
// why the last pick could not be read.
func (c *ColumnPicker) Why() string { return c.why.Text }

// content lays the picker out: why it asks, a choice per field (each
// column offered with its first values), then the file's first rows.
func (c *ColumnPicker) content() fyne.CanvasObject {
	form := widget.NewForm()
	for _, f := range c.fields {
		label := lang.L(f.Key)
		if f.Required {
			label += " *"
		}
		form.Append(label, c.Fields[f.Field])
	}
	hint := widget.NewLabel(lang.L("columns.hint"))
	hint.Wrapping = fyne.TextWrapWord
	size := canvas.NewRectangle(color.Transparent)
	size.SetMinSize(fyne.NewSize(680, 520))
	body := container.NewVScroll(container.NewVBox(c.Header, form, widget.NewSeparator(), c.sampleTable()))
	return container.NewStack(size, container.NewBorder(container.NewVBox(c.why, hint), nil, nil, nil, body))
}

// sampleTable shows the file's first rows under their column letters.
func (c *ColumnPicker) sampleTable() fyne.CanvasObject {
	grid := container.NewGridWithColumns(max(c.sample.Columns, 1))
	for col := range c.sample.Columns {
		grid.Add(widget.NewLabelWithStyle(app.ColumnName(col), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for _, row := range c.sample.Rows {
		for col := range c.sample.Columns {
			grid.Add(widget.NewLabel(cell(row, col)))
		}
	}
	return grid
}

// WhyAsked says why the desk asks which column is which: no header it
// knows, or what the refusal says of the file's columns.
func WhyAsked(err error) string {
	if app.NoHeaderKnown(err) {
		return lang.L("columns.why_no_header")
	}
	return Say(err)
}
