package kit

import (
	"bytes"
	"image/color"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
)

// RoomReader reads a room list file into a preview, asking which column
// is which when the file does not say (the core service does).
type RoomReader interface {
	PreviewRooms(name string, r io.Reader) (app.RoomPreview, error)
	RoomColumns(r io.Reader) (app.ColumnSample, error)
	PreviewRoomsMapped(name string, r io.Reader, m app.RoomMapping) (app.RoomPreview, error)
}

// RoomImport is a room list file on its way to a preview: the dialog in
// front (Columns while the desk asks which column is which, then
// Preview). Nothing is saved: Confirmed gets the preview confirmed.
type RoomImport struct {
	w         fyne.Window
	svc       RoomReader
	name      string
	file      []byte
	confirmed func(app.RoomPreview)

	Columns *ColumnPicker         // nil until the desk asks
	Preview *dialog.ConfirmDialog // nil until a preview shows
}

// PreviewRoomFile reads a room list file and shows its rooms to confirm.
// When the desk cannot tell its columns apart, it first asks which
// column is which, with the file's first rows, then shows the file read
// so; a pick that cannot be read is asked again, saying why. It returns
// the refusal of a file that cannot be read at all (nil otherwise), for
// the caller to show.
func PreviewRoomFile(w fyne.Window, svc RoomReader, name string, file []byte, confirmed func(app.RoomPreview)) (*RoomImport, error) {
	im := &RoomImport{w: w, svc: svc, name: name, file: file, confirmed: confirmed}
	p, err := svc.PreviewRooms(name, bytes.NewReader(file))
	switch {
	case err == nil:
		im.show(p)
		return im, nil
	case !app.NeedsColumns(err):
		return im, err
	}
	sample, serr := svc.RoomColumns(bytes.NewReader(file))
	if serr != nil {
		return im, err
	}
	im.Columns = newColumnPicker(sample, whyAsked(err))
	im.ask()
	return im, nil
}

// whyAsked says why the desk asks: no header it knows, or what the
// refusal says of the file's columns.
func whyAsked(err error) string {
	if r := app.RefusalOf(err); r != nil && r.Code == "rooms.no_header" {
		return lang.L("rooms.columns_why_header")
	}
	return Say(err)
}

func (im *RoomImport) show(p app.RoomPreview) {
	im.Preview = ShowRoomPreview(im.w, p, func() { im.confirmed(p) })
}

// ask shows the column picker; on Read, the file is read with the pick.
func (im *RoomImport) ask() {
	im.Columns.dialog = dialog.NewCustomConfirm(lang.L("rooms.columns_title"), lang.L("rooms.columns_read"), lang.L("Cancel"),
		im.Columns.content(), func(ok bool) {
			if ok {
				im.read()
			}
		}, im.w)
	im.Columns.dialog.Show()
}

// read reads the file with the columns picked: the preview, or the
// picker again with the refusal.
func (im *RoomImport) read() {
	p, err := im.svc.PreviewRoomsMapped(im.name, bytes.NewReader(im.file), im.Columns.Mapping())
	if err != nil {
		im.Columns.why.SetText(Say(err))
		im.Columns.why.Importance = widget.DangerImportance
		im.ask()
		return
	}
	im.show(p)
}

// ColumnPicker asks which column of a room list is which: a choice for
// each of the desk's fields, each offering the file's columns with their
// first values, and whether the first line names the columns.
type ColumnPicker struct {
	sample  app.ColumnSample
	why     *widget.Label
	Fields  map[string]*widget.Select // by field: room, floor, type, building, section, status
	Header  *widget.Check             // the first line names the columns
	options []string                  // "—", then a column each
	dialog  *dialog.ConfirmDialog
}

// pickFields are the fields a supervisor maps, with their translation
// keys; room and type are required.
var pickFields = []struct{ field, key string }{
	{"room", "rooms.col_room"}, {"floor", "rooms.col_floor"}, {"type", "rooms.col_type"},
	{"building", "rooms.col_building"}, {"section", "rooms.col_section"}, {"status", "rooms.col_status"},
}

func newColumnPicker(sample app.ColumnSample, why string) *ColumnPicker {
	c := &ColumnPicker{sample: sample, why: widget.NewLabel(why), Fields: map[string]*widget.Select{}}
	c.why.Wrapping = fyne.TextWrapWord
	c.Header = widget.NewCheck(lang.L("rooms.columns_header"), func(bool) { c.label() })
	c.Header.SetChecked(sample.Guess.Start > 0)
	c.label()
	guess := guessOf(sample.Guess)
	for _, f := range pickFields {
		s := widget.NewSelect(c.options, nil)
		s.SetSelectedIndex(guess[f.field] + 1)
		c.Fields[f.field] = s
	}
	return c
}

func guessOf(m app.RoomMapping) map[string]int {
	return map[string]int{"room": m.Room, "floor": m.Floor, "type": m.Type,
		"building": m.Building, "section": m.Section, "status": m.Status}
}

// label names each column by its letter, its header when the first line
// names the columns, and its first values: "B · 楼层号: 8, 8, 12".
func (c *ColumnPicker) label() {
	start := c.start()
	opts := []string{lang.L("rooms.columns_none")}
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
	c.relabel(opts)
}

// relabel gives the choices their new labels, keeping what is picked.
func (c *ColumnPicker) relabel(opts []string) {
	c.options = opts
	for _, s := range c.Fields {
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

// start is the first row of rooms: under the header when the first line
// names the columns (under the titles above it, as guessed), else the top.
func (c *ColumnPicker) start() int {
	if c.Header == nil || !c.Header.Checked {
		return 0
	}
	return max(c.sample.Guess.Start, 1)
}

// Mapping is the columns picked.
func (c *ColumnPicker) Mapping() app.RoomMapping {
	col := func(field string) int { return c.Fields[field].SelectedIndex() - 1 }
	return app.RoomMapping{Room: col("room"), Floor: col("floor"), Type: col("type"),
		Building: col("building"), Section: col("section"), Status: col("status"), Start: c.start()}
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
	for _, f := range pickFields {
		label := lang.L(f.key)
		if f.field == "room" || f.field == "type" {
			label += " *"
		}
		form.Append(label, c.Fields[f.field])
	}
	hint := widget.NewLabel(lang.L("rooms.columns_hint"))
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
