package supervisor

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// roomsTab imports the room list from a table file, sets the desks and
// which of them this PC is.
type roomsTab struct {
	s        *kit.Session
	summary  *widget.Label
	desks    *widget.Label
	pending  *kit.RoomImport // the last file picked, on its way to a preview
	imp      *kit.Form       // the import's error labels
	result   *widget.Label
	deskForm *deskForm
	roomForm *roomForm
	thisPC   *thisPC
}

func newRoomsTab(s *kit.Session) *roomsTab {
	t := &roomsTab{s: s, summary: wrapped(""), desks: wrapped(""), imp: newForm(), result: wrapped(""), thisPC: newThisPC(s)}
	return t
}

func (t *roomsTab) title() string { return lang.L("supervisor.rooms") }

func (t *roomsTab) content() fyne.CanvasObject {
	pick := widget.NewButtonWithIcon(lang.L("supervisor.rooms_import"), theme.FolderOpenIcon(), t.pickFile)
	pick.Importance = widget.HighImportance
	t.roomForm = newRoomForm(t)
	rooms := container.NewVBox(kit.Heading(lang.L("supervisor.rooms")), t.summary, container.NewHBox(pick),
		wrapped(lang.L("supervisor.rooms_format")), t.imp.Errs.For("file"), t.imp.Errs.Form(), t.result,
		widget.NewSeparator(), t.roomForm.Content(lang.L("supervisor.room_set"), lang.L("supervisor.save")),
		wrapped(lang.L("supervisor.room_set_help")))
	t.deskForm = newDeskForm(t)
	desks := container.NewVBox(kit.Heading(lang.L("supervisor.desks")), t.thisPC.content(), widget.NewSeparator(), t.desks,
		t.deskForm.Content(lang.L("supervisor.desk_set"), lang.L("supervisor.save")))
	return split(container.NewVScroll(rooms), container.NewVScroll(desks))
}

func (t *roomsTab) refresh(changed []wire.EntityRef) {
	if !kit.Changed(changed, kit.KindRooms, kit.KindDesk) {
		return
	}
	l, err := t.s.Svc.Rooms()
	if err == nil {
		t.summary.SetText(roomSummary(l))
	}
	desks, err := t.s.Svc.Desks()
	if err == nil {
		t.desks.SetText(deskLines(desks))
	}
	t.thisPC.refresh()
}

func roomSummary(l app.RoomList) string {
	if len(l.Rooms) == 0 {
		return lang.L("supervisor.rooms_none")
	}
	lo, hi := l.Rooms[0].Floor, l.Rooms[0].Floor
	for _, r := range l.Rooms {
		lo, hi = min(lo, r.Floor), max(hi, r.Floor)
	}
	return kit.Counted("supervisor.rooms_summary", len(l.Rooms), map[string]any{"Name": l.Name,
		"From": lo, "To": hi, "When": kit.Date(l.Imported)})
}

func deskLines(desks []app.Desk) string {
	if len(desks) == 0 {
		return lang.L("supervisor.no_desks")
	}
	lines := make([]string, len(desks))
	for i, d := range desks {
		lines[i] = lang.L("supervisor.desk_line", map[string]string{"Code": d.Code, "Name": d.Name, "Floors": joinInts(d.Floors)})
	}
	return strings.Join(lines, "\n")
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}

// pickFile asks for the room list file.
func (t *roomsTab) pickFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, kit.MaxRoomFile))
		if err != nil {
			t.imp.Say("file", lang.L("supervisor.file_unreadable"))
			return
		}
		t.showPreview(r.URI().Name(), b)
	}, t.s.Window)
	d.SetFilter(storage.NewExtensionFileFilter(kit.RoomFileExtensions))
	d.Show()
}

// showPreview reads the file and shows its rooms as they will be stored,
// to confirm, asking first which column is which when the file does not
// say; a file the desk cannot read is refused here, before it is
// confirmed. Nothing is saved until then.
func (t *roomsTab) showPreview(name string, b []byte) {
	t.imp.Errs.Clear()
	t.result.SetText("")
	list := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	var err error
	t.pending, err = kit.PreviewRoomFile(t.s.Window, t.s.Svc, list, b, t.importRooms)
	if err != nil {
		t.imp.Show(err)
	}
}

// importRooms replaces the room list with the confirmed preview's rooms.
func (t *roomsTab) importRooms(p app.RoomPreview) {
	l, err := t.s.Svc.ConfirmRooms(t.s.UserID(), p)
	if err != nil {
		t.imp.Show(err)
		return
	}
	t.imp.Errs.Clear()
	t.result.SetText(roomSummary(l))
	t.s.Notify(roomSummary(l))
	t.refresh(nil)
}

// deskForm adds or changes a desk.
type deskForm struct {
	*kit.Form
	code, name, floors *kit.Entry
}

func newDeskForm(t *roomsTab) *deskForm {
	f := &deskForm{Form: newForm()}
	f.code = f.Entry("D1")
	f.name = f.Entry(lang.L("supervisor.desk_name_hint"))
	f.floors = f.Entry("3, 4, 5")
	f.Row(lang.L("supervisor.desk_code"), "code", f.code)
	f.Row(lang.L("supervisor.desk_name"), "name", f.name)
	f.Row(lang.L("supervisor.floors"), "floors", f.floors)
	f.Inline = true
	f.Cancel = func() { f.code.SetText(""); f.name.SetText(""); f.floors.SetText(""); f.Errs.Clear() }
	f.Submit = func() { t.setDesk(f) }
	return f
}

func (t *roomsTab) setDesk(f *deskForm) {
	var floors []int
	for _, p := range splitList(f.floors.Text) {
		n, err := strconv.Atoi(p)
		if err != nil {
			f.Say("floors", lang.L("supervisor.floors_format"))
			return
		}
		floors = append(floors, n)
	}
	d, err := t.s.Svc.SetDesk(t.s.UserID(), strings.TrimSpace(f.code.Text), strings.TrimSpace(f.name.Text), floors)
	if saved(t.s, f.Form, err, "supervisor.desk_saved", map[string]string{"Desk": d.Code}) {
		t.refresh(nil)
	}
}
