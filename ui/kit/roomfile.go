package kit

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/tabular"
	_ "floordesk/tabular/xlsx" // a room list may be a workbook
)

// RoomFileExtensions are the files the desk offers as a room list.
var RoomFileExtensions = []string{".csv", ".txt", ".xlsx"}

// MaxRoomFile is how much of a picked file the desk reads: a byte past
// the reader's limit, so a larger file is refused by name, not cut short.
var MaxRoomFile = tabular.DefaultLimits.Bytes + 1

// NoteText is a note on a file read, in the user's language.
func NoteText(n app.Note) string {
	return lang.L("rooms.note."+n.Code, templateData(n.Params))
}

// RoomPreviewText is the preview's summary and notes, a line each.
func RoomPreviewText(p app.RoomPreview) string {
	lo, hi := 0, 0
	for i, r := range p.Rooms {
		if i == 0 || r.Floor < lo {
			lo = r.Floor
		}
		if i == 0 || r.Floor > hi {
			hi = r.Floor
		}
	}
	lines := []string{Counted("rooms.preview_summary", len(p.Rooms), map[string]any{"Name": p.Name, "From": lo, "To": hi})}
	for _, n := range p.Notes {
		lines = append(lines, "• "+NoteText(n))
	}
	return strings.Join(lines, "\n")
}

// RoomPreviewView shows a room list as it will be stored: the summary,
// the notes, and the rooms in a table (building, section and status only
// when the file has them).
func RoomPreviewView(p app.RoomPreview) fyne.CanvasObject {
	cols := roomPreviewColumns(p.Rooms)
	table := widget.NewTable(
		func() (int, int) { return len(p.Rooms) + 1, len(cols) },
		func() fyne.CanvasObject { return widget.NewLabel("0000000000") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			c := cols[id.Col]
			if id.Row == 0 {
				o.(*widget.Label).SetText(lang.L(c.key))
				o.(*widget.Label).TextStyle.Bold = true
				return
			}
			o.(*widget.Label).TextStyle.Bold = false
			o.(*widget.Label).SetText(c.cell(p.Rooms[id.Row-1]))
		})
	table.StickyRowCount = 1
	for i := range cols {
		table.SetColumnWidth(i, 120)
	}
	summary := widget.NewLabel(RoomPreviewText(p))
	summary.Wrapping = fyne.TextWrapWord
	size := canvas.NewRectangle(color.Transparent)
	size.SetMinSize(fyne.NewSize(640, 420))
	return container.NewStack(size, container.NewBorder(summary, nil, nil, nil, table))
}

type roomPreviewColumn struct {
	key  string
	cell func(app.Room) string
}

func roomPreviewColumns(rooms []app.Room) []roomPreviewColumn {
	cols := []roomPreviewColumn{
		{"rooms.col_room", func(r app.Room) string { return r.Number }},
		{"rooms.col_floor", func(r app.Room) string { return strconv.Itoa(r.Floor) }},
		{"rooms.col_type", func(r app.Room) string { return r.Type }},
	}
	for _, c := range []roomPreviewColumn{
		{"rooms.col_building", func(r app.Room) string { return r.Building }},
		{"rooms.col_section", func(r app.Room) string { return r.Section }},
		{"rooms.col_status", func(r app.Room) string { return r.Status }},
	} {
		for _, r := range rooms {
			if c.cell(r) != "" {
				cols = append(cols, c)
				break
			}
		}
	}
	return cols
}

// ShowRoomPreview opens a dialog with the preview and Confirm and Cancel;
// confirmed runs only on Confirm. It returns the dialog, for tests.
func ShowRoomPreview(w fyne.Window, p app.RoomPreview, confirmed func()) *dialog.ConfirmDialog {
	d := dialog.NewCustomConfirm(lang.L("rooms.preview_title"), lang.L("rooms.preview_confirm"), lang.L("Cancel"),
		RoomPreviewView(p), func(ok bool) {
			if ok {
				confirmed()
			}
		}, w)
	d.Show()
	return d
}
