package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/ui/kit"
)

// useDesk makes code, one of the hotel's desks, this PC's desk (see
// kit.Session.UseDesk).
func useDesk(s *kit.Session, code string) error {
	_, err := s.UseDesk(code)
	return err
}

// needsDesk tells whether this PC must be told which desk it is before
// anyone works on it: it has no desk code while the hotel's set-up names
// desks, as on a PC that joined the hotel's FloorDesk. The registers (loan
// stock, keys, requests) are kept per desk, so a PC that is none of them
// would work on nobody's records. A store with no desk at all (a lone
// desk from before desks were named) goes on as it did, and a group
// viewer reads every desk of the property.
func needsDesk(s *kit.Session) bool {
	if s.ReadOnly() || s.Svc.ConfiguredDesk() != "" {
		return false
	}
	desks, err := s.Svc.Desks()
	return err == nil && len(desks) > 0
}

// deskPick asks which of the hotel's desks this PC is, after sign-in on a
// PC that does not know yet. A supervisor picks one from the list or adds
// a new desk.
//
// Attendants may not pick: which desk a PC is decides whose loan stock,
// keys and requests every record made on it goes to, and the desk is named
// once when the PC is set up, so a hotel wants the person responsible for
// the desks to do it, not whoever happens to sign in first (a wrong pick
// would file a floor's loans under another floor until someone noticed).
// An attendant is told to fetch a supervisor, and can switch person.
type deskPick struct {
	s          *kit.Session
	done       func()
	switchUser func()
	list       *kit.DeskList
	use        *widget.Button
	add        *kit.Form
	code, name *kit.Entry
	errs       *kit.FieldErrors
	content    fyne.CanvasObject
}

func newDeskPick(s *kit.Session, done, switchUser func()) *deskPick {
	d := &deskPick{s: s, done: done, switchUser: switchUser, errs: kit.NewFieldErrors()}
	if !s.IsSupervisor() {
		d.content = d.askSupervisor()
		return d
	}
	d.list = kit.NewDeskList(s.Svc)
	d.list.OnSelectedID(func(string) { d.use.Enable(); d.errs.Clear() })
	d.use = widget.NewButtonWithIcon(lang.L("join.desk_use"), theme.ConfirmIcon(), d.pick)
	d.use.Importance = widget.HighImportance
	d.use.Disable()
	d.add = kit.NewForm()
	d.code, d.name = d.add.Entry(lang.L("join.desk_code_hint")), d.add.Entry(lang.L("join.desk_name_hint"))
	d.add.Row(lang.L("shell.desk_code"), "code", d.code)
	d.add.Row(lang.L("shell.desk_name"), "name", d.name)
	d.add.Inline, d.add.NoScroll = true, true
	d.add.Submit = d.addDesk
	d.add.Cancel = func() { d.code.SetText(""); d.name.SetText(""); d.add.Errs.Clear() }
	d.refresh()
	d.content = d.layout()
	return d
}

func (d *deskPick) layout() fyne.CanvasObject {
	intro := widget.NewLabel(lang.L("join.desk_intro"))
	intro.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(stepTitle(lang.L("join.desk_title")), intro)
	left := container.NewBorder(kit.Heading(lang.L("join.desk_list")), container.NewVBox(d.errs.Form(), container.NewHBox(d.use)), nil, nil, d.list.List)
	right := container.NewVBox(d.add.Content(lang.L("join.desk_add"), lang.L("join.desk_add_use")),
		layout.NewSpacer())
	bottom := container.NewHBox(layout.NewSpacer(), widget.NewButtonWithIcon(lang.L("shell.switch_user"), theme.AccountIcon(), d.switchUser))
	body := container.NewBorder(top, bottom, nil, nil, container.NewGridWithColumns(2, left, right))
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(860, 560), body))
}

// askSupervisor is what an attendant sees: a supervisor names the desk.
func (d *deskPick) askSupervisor() fyne.CanvasObject {
	msg := widget.NewLabel(lang.L("join.desk_supervisor_only"))
	msg.Wrapping = fyne.TextWrapWord
	sw := widget.NewButtonWithIcon(lang.L("shell.switch_user"), theme.AccountIcon(), d.switchUser)
	sw.Importance = widget.HighImportance
	body := container.NewVBox(stepTitle(lang.L("join.desk_title")), msg, container.NewHBox(sw))
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(640, 260), body))
}

// refresh lists the hotel's desks again: more may arrive by sync while the
// step shows.
func (d *deskPick) refresh() {
	if d.list == nil {
		return
	}
	if err := d.list.Reload(); err != nil {
		d.errs.Show(err)
		return
	}
	if d.list.Selected() == "" {
		d.use.Disable()
	}
}

// pick makes the desk chosen in the list this PC's desk.
func (d *deskPick) pick() {
	code := d.list.Selected()
	if code == "" {
		d.errs.SetForm(lang.L("join.desk_pick_first"))
		return
	}
	d.named(code)
}

// addDesk adds a desk to the hotel's set-up and makes it this PC's desk.
// A code the hotel already uses is refused: SetDesk would rename that
// desk for every PC.
func (d *deskPick) addDesk() {
	code, name := strings.TrimSpace(d.code.Text), strings.TrimSpace(d.name.Text)
	if desk, ok, _ := kit.FindDesk(d.s.Svc, code); ok {
		d.add.Say("code", lang.L("join.desk_code_taken", map[string]string{"Code": code, "Name": desk.Name}))
		return
	}
	desk, err := d.s.Svc.SetDesk(d.s.UserID(), code, name, nil)
	if err != nil {
		d.add.Fail(err)
		return
	}
	d.named(desk.Code)
}

func (d *deskPick) named(code string) {
	desk, err := d.s.UseDesk(code)
	if err != nil {
		d.errs.Show(err)
		return
	}
	d.done()
	d.s.Notify(lang.L("join.desk_named", map[string]string{"Name": desk.Name}))
}
