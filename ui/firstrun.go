package ui

import (
	"io"
	"regexp"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/ui/kit"
)

// SettingDeskCode is the local setting naming this desk's code in the
// hotel set-up (kept by kit, where the supervisor's screen changes it).
const SettingDeskCode = kit.SettingDeskCode

// firstRun sets up a new hotel on this desk: it creates the hotel's first
// supervisor, names the desk and imports the rooms (or leaves them for
// later), then signs the supervisor in. Back returns to the choice between
// a new hotel and joining one.
type firstRun struct {
	s        *kit.Session
	done     func()
	back     func()
	number   *widget.Entry
	name     *widget.Entry
	pin      *widget.Entry
	pin2     *widget.Entry
	deskCode *widget.Entry
	deskName *widget.Entry
	roomsBtn *widget.Button
	rooms    *app.RoomPreview // the confirmed room list; nil: import later
	roomsImp *kit.RoomImport  // the last room list file picked, on its way to a preview
	staffErr *kit.FieldErrors
	deskErr  *kit.FieldErrors
	created  *app.Staff // kept so a retry after a desk refusal does not lose it
	content  fyne.CanvasObject
}

func newFirstRun(s *kit.Session, done, back func()) *firstRun {
	f := &firstRun{s: s, done: done, back: back, staffErr: kit.NewFieldErrors(), deskErr: kit.NewFieldErrors()}
	f.number, f.name, f.deskCode, f.deskName = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.pin, f.pin2 = widget.NewPasswordEntry(), widget.NewPasswordEntry()
	f.pin.OnChanged = func(string) { f.checkPIN() }
	f.pin2.OnChanged = func(string) { f.checkPIN() }
	for _, e := range []*widget.Entry{f.number, f.name, f.pin, f.pin2, f.deskCode, f.deskName} {
		e.OnSubmitted = func(string) { f.submit() }
	}
	f.roomsBtn = widget.NewButtonWithIcon(lang.L("shell.rooms_pick"), theme.FolderOpenIcon(), f.pickRooms)
	f.content = f.layout()
	return f
}

func (f *firstRun) layout() fyne.CanvasObject {
	intro := widget.NewLabel(lang.L("shell.first_run_intro"))
	intro.Wrapping = fyne.TextWrapWord
	staff := widget.NewForm(
		item("shell.staff_number", "number", f.number, f.staffErr),
		item("shell.staff_name", "name", f.name, f.staffErr),
		item("shell.new_pin", "pin", f.pin, f.staffErr),
		item("shell.new_pin_again", "pin2", f.pin2, f.staffErr))
	desk := widget.NewForm(
		item("shell.desk_code", "code", f.deskCode, f.deskErr),
		item("shell.desk_name", "name", f.deskName, f.deskErr),
		item("shell.rooms", "rooms", f.roomsBtn, f.deskErr))
	start := widget.NewButtonWithIcon(lang.L("shell.first_run_start"), theme.ConfirmIcon(), f.submit)
	start.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(lang.L("join.back"), theme.NavigateBackIcon(), f.back)
	body := container.NewVBox(stepTitle(lang.L("join.new_hotel")), intro,
		widget.NewCard("", lang.L("shell.first_supervisor"), staff),
		widget.NewCard("", lang.L("shell.this_desk"), desk),
		f.staffErr.Form(), f.deskErr.Form(), container.NewHBox(back, start))
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(640, 660), container.NewVScroll(body)))
}

// item is a form row with the field's error label under the field; the
// error goes once the field is changed.
func item(key, field string, obj fyne.CanvasObject, errs *kit.FieldErrors) *widget.FormItem {
	errs.Watch(field, lang.L(key), obj)
	return widget.NewFormItem(lang.L(key), kit.WithError(obj, errs.For(field)))
}

var pinShape = regexp.MustCompile(`^[0-9]{4,8}$`)

// checkPIN validates the PINs as they are typed.
func (f *firstRun) checkPIN() {
	switch {
	case f.pin.Text != "" && !pinShape.MatchString(f.pin.Text):
		f.staffErr.Set("pin", lang.L("refusal.pin.format"))
	default:
		f.staffErr.Set("pin", "")
	}
	if f.pin2.Text != "" && f.pin2.Text != f.pin.Text {
		f.staffErr.Set("pin2", lang.L("shell.pin_mismatch"))
	} else {
		f.staffErr.Set("pin2", "")
	}
}

func (f *firstRun) pickRooms() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		f.useRooms(r.URI().Name(), r)
	}, f.s.Window)
	d.SetFilter(storage.NewExtensionFileFilter(kit.RoomFileExtensions))
	d.Show()
}

// useRooms reads a room list file and shows its rooms to confirm; a
// confirmed list is imported when the form is submitted. A file the desk
// cannot read is refused at once.
func (f *firstRun) useRooms(name string, r io.Reader) {
	f.deskErr.Set("rooms", "")
	b, err := io.ReadAll(io.LimitReader(r, kit.MaxRoomFile))
	if err == nil {
		f.roomsImp, err = kit.PreviewRoomFile(f.s.Window, f.s.Svc, name, b, func(p app.RoomPreview) {
			f.rooms = &p
			f.roomsBtn.SetText(kit.Counted("shell.rooms_chosen", len(p.Rooms), map[string]any{"Name": p.Name}))
		})
	}
	if err != nil {
		f.deskErr.Show(fieldRefusal(err, "rooms"))
	}
}

// submit creates the supervisor (once), the rooms and the desk, then signs
// the supervisor in.
func (f *firstRun) submit() {
	f.checkPIN()
	if f.pin2.Text != f.pin.Text {
		return
	}
	f.staffErr.Clear()
	f.deskErr.Clear()
	st, ok := f.supervisor()
	if !ok || !f.setUpDesk(st.ID) {
		return
	}
	f.s.SignIn(st)
	f.s.Notify(lang.L("shell.first_run_done"))
	f.done()
}

func (f *firstRun) supervisor() (app.Staff, bool) {
	if f.created != nil {
		return *f.created, true
	}
	st, err := f.s.Svc.FirstSupervisor(app.NewStaff{Number: f.number.Text, Name: f.name.Text,
		Department: lang.L("shell.default_department"), Role: app.RoleSupervisor, PIN: f.pin.Text})
	if err != nil {
		f.staffErr.Show(err)
		return app.Staff{}, false
	}
	f.created = &st
	f.number.Disable()
	f.name.Disable()
	return st, true
}

// setUpDesk imports the rooms when a file was chosen, then names the desk
// and remembers its code.
func (f *firstRun) setUpDesk(actor string) bool {
	if f.rooms != nil {
		if _, err := f.s.Svc.ConfirmRooms(actor, *f.rooms); err != nil {
			f.deskErr.Show(fieldRefusal(err, "rooms"))
			return false
		}
	}
	d, err := f.s.Svc.SetDesk(actor, f.deskCode.Text, f.deskName.Text, nil)
	if err != nil {
		f.deskErr.Show(err)
		return false
	}
	if err := useDesk(f.s, d.Code); err != nil {
		f.deskErr.Show(err)
		return false
	}
	return true
}

// stepTitle is the heading of a step before the desk's screens: first
// run, joining, naming the desk.
func stepTitle(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// firstRunChoice is the first step on a desk with no staff: set up a new
// hotel here, or join the hotel's FloorDesk that another desk already
// uses. Doing a first run on a second desk would make a second first
// supervisor and hotel set-up that clash with the real ones once synced,
// so the two ways are told apart plainly.
type firstRunChoice struct {
	newHotel, join *widget.Button
	content        fyne.CanvasObject
}

// The join button is the prominent one: every desk but a hotel's first
// joins, and a second hotel made by mistake is the costly slip. A desk
// already connected to a server (it came back from the wait) says so: a
// new hotel set up here goes to that server.
func newFirstRunChoice(newHotel, join func(), connectedTo string) *firstRunChoice {
	c := &firstRunChoice{
		newHotel: widget.NewButtonWithIcon(lang.L("join.new_hotel"), theme.ContentAddIcon(), newHotel),
		join:     widget.NewButtonWithIcon(lang.L("join.join"), theme.LoginIcon(), join),
	}
	c.join.Importance = widget.HighImportance
	intro := widget.NewLabel(lang.L("join.choice_intro"))
	intro.Wrapping = fyne.TextWrapWord
	if connectedTo != "" {
		intro.SetText(lang.L("join.choice_connected", map[string]string{"URL": connectedTo}))
	}
	body := container.NewVBox(stepTitle(lang.L("shell.first_run_title")), intro,
		container.NewGridWithColumns(2,
			choiceCard(lang.L("join.new_hotel_when"), c.newHotel),
			choiceCard(lang.L("join.join_when"), c.join)))
	c.content = container.NewCenter(container.NewGridWrap(fyne.NewSize(860, 420), body))
	return c
}

// choiceCard is one way to start: when to take it, and its button.
func choiceCard(when string, button *widget.Button) fyne.CanvasObject {
	text := widget.NewLabel(when)
	text.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", "", container.NewBorder(nil, button, nil, nil, text))
}
