package guests

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
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	appguests "floordesk/app/guests"
	"floordesk/ui/kit"
)

// importer imports the PMS's in-house list: it reads the picked file
// (the room list's formats and reader), shows the preview and saves the
// list only when it is confirmed.
type importer struct {
	s       *kit.Session
	svc     Service
	errs    *widget.Label         // why a file was refused
	confirm *dialog.ConfirmDialog // the last preview shown, for tests
	columns *kit.ColumnPicker     // the last time the desk asked which column is which
}

// guestFields are the guest list's fields a supervisor finds the columns
// of; room and departure are needed.
var guestFields = []kit.PickField{
	{Field: "room", Key: "guests.col_room", Required: true}, {Field: "name", Key: "guests.col_name"},
	{Field: "arrival", Key: "guests.col_arrival"}, {Field: "departure", Key: "guests.col_departure", Required: true},
	{Field: "vip", Key: "guests.col_vip"},
}

func (im *importer) label() *widget.Label {
	if im.errs == nil {
		im.errs = widget.NewLabel("")
		im.errs.Importance = widget.DangerImportance
		im.errs.Wrapping = fyne.TextWrapWord
	}
	return im.errs
}

// pickFile asks for the exported file.
func (im *importer) pickFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, kit.MaxRoomFile))
		if err != nil {
			im.label().SetText(lang.L("supervisor.file_unreadable"))
			return
		}
		im.showPreview(r.URI().Name(), b)
	}, im.s.Window)
	d.SetFilter(storage.NewExtensionFileFilter(kit.RoomFileExtensions))
	d.Show()
}

// showPreview reads the file and shows the guests as they will be
// stored, with what was skipped and why, asking first which column is
// which when the file does not say; a file the desk cannot read is
// refused here. Nothing is saved until the preview is confirmed.
func (im *importer) showPreview(name string, b []byte) {
	im.label().SetText("")
	im.columns, im.confirm = nil, nil
	p, err := im.svc.PreviewGuests(im.s.UserID(), name, bytes.NewReader(b))
	if appguests.NeedsColumns(err) {
		im.askColumns(name, b, err)
		return
	}
	if err != nil {
		im.label().SetText(kit.Say(err))
		return
	}
	im.showGuests(p)
}

// askColumns shows the file's first rows and asks which column is which;
// the file read so is previewed, or asked about again saying why not.
func (im *importer) askColumns(name string, b []byte, why error) {
	sample, err := im.svc.GuestColumns(im.s.UserID(), bytes.NewReader(b))
	if err != nil {
		im.label().SetText(kit.Say(why))
		return
	}
	im.columns = kit.AskColumns(im.s.Window, sample, guestFields, kit.WhyAsked(why), func(c *kit.ColumnPicker) {
		m := appguests.MappingOf(c.Picked(), c.Start())
		p, err := im.svc.PreviewGuestsMapped(im.s.UserID(), name, bytes.NewReader(b), m)
		if err != nil {
			c.Retry(im.s.Window, err)
			return
		}
		im.showGuests(p)
	})
}

// showGuests shows a preview to confirm.
func (im *importer) showGuests(p appguests.Preview) {
	im.confirm = dialog.NewCustomConfirm(lang.L("guests.preview_title"), lang.L("guests.preview_confirm"), lang.L("Cancel"),
		previewView(p, appguests.Day(im.s.Now(), im.s.Location())), func(ok bool) {
			if ok {
				im.save(p)
			}
		}, im.s.Window)
	im.confirm.Show()
}

// save replaces the list with the confirmed preview's guests.
func (im *importer) save(p appguests.Preview) {
	l, err := im.svc.ConfirmGuests(im.s.UserID(), p)
	if err != nil {
		im.label().SetText(kit.Say(err))
		return
	}
	im.s.Notify(kit.Counted("guests.imported", len(l.Guests), map[string]any{"File": l.File}))
}

// PreviewText is the preview's summary and notes, a line each: the
// guests, their rooms, the rooms leaving today, then how the file was
// read and each line skipped and why.
func PreviewText(p appguests.Preview, today string) string {
	lines := []string{lang.L("guests.preview_summary", map[string]any{"File": p.File, "Guests": len(p.Guests),
		"Rooms": p.Rooms(), "Departing": len(p.DepartingOn(today))})}
	for _, n := range p.Notes {
		lines = append(lines, "• "+NoteText(n))
	}
	return strings.Join(lines, "\n")
}

// NoteText is a note on the file read, in the user's language.
func NoteText(n app.Note) string { return lang.L("guests.note."+n.Code, n.Params) }

// previewView shows the summary, the notes and the guests in a table.
func previewView(p appguests.Preview, today string) fyne.CanvasObject {
	cols := []struct {
		key  string
		cell func(appguests.Guest) string
	}{
		{"guests.col_room", func(g appguests.Guest) string { return g.Room }},
		{"guests.col_name", guestName},
		{"guests.col_arrival", func(g appguests.Guest) string { return g.Arrival }},
		{"guests.col_departure", func(g appguests.Guest) string { return g.Departure }},
	}
	table := widget.NewTable(
		func() (int, int) { return len(p.Guests) + 1, len(cols) },
		func() fyne.CanvasObject { return widget.NewLabel("0000000000") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0
			if id.Row == 0 {
				l.SetText(lang.L(cols[id.Col].key))
				return
			}
			l.SetText(cols[id.Col].cell(p.Guests[id.Row-1]))
		})
	table.StickyRowCount = 1
	for i := range cols {
		table.SetColumnWidth(i, 140)
	}
	summary := widget.NewLabel(PreviewText(p, today))
	summary.Wrapping = fyne.TextWrapWord
	size := canvas.NewRectangle(color.Transparent)
	size.SetMinSize(fyne.NewSize(640, 420))
	return container.NewStack(size, container.NewBorder(summary, nil, nil, nil, table))
}
