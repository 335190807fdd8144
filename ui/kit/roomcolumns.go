package kit

import (
	"bytes"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"floordesk/app"
)

// RoomReader reads a room list file into a preview, asking which column
// is which when the file does not say (the core service does).
type RoomReader interface {
	PreviewRooms(name string, r io.Reader) (app.RoomPreview, error)
	RoomColumns(r io.Reader) (app.ColumnSample, error)
	PreviewRoomsMapped(name string, r io.Reader, m app.RoomMapping) (app.RoomPreview, error)
}

// roomFields are the room list's fields a supervisor finds the columns
// of; room number and type are needed.
var roomFields = []PickField{
	{"room", "rooms.col_room", true}, {"floor", "rooms.col_floor", false}, {"type", "rooms.col_type", true},
	{"building", "rooms.col_building", false}, {"section", "rooms.col_section", false}, {"status", "rooms.col_status", false},
}

// RoomImport is a room list file on its way to a preview: the dialog in
// front (Columns while the desk asks which column is which, then
// Preview). Nothing is saved: confirmed gets the preview confirmed.
type RoomImport struct {
	w         fyne.Window
	svc       RoomReader
	name      string
	file      []byte
	confirmed func(app.RoomPreview)

	Columns *ColumnPicker         // nil unless the desk asks
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
	im.Columns = AskColumns(w, sample, roomFields, WhyAsked(err), im.read)
	return im, nil
}

func (im *RoomImport) show(p app.RoomPreview) {
	im.Preview = ShowRoomPreview(im.w, p, func() { im.confirmed(p) })
}

// read reads the file with the columns picked: the preview, or the
// picker again with the refusal.
func (im *RoomImport) read(c *ColumnPicker) {
	p, err := im.svc.PreviewRoomsMapped(im.name, bytes.NewReader(im.file), app.RoomMappingOf(c.Picked(), c.Start()))
	if err != nil {
		c.Retry(im.w, err)
		return
	}
	im.show(p)
}
