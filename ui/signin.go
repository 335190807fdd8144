package ui

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/ui/kit"
)

// signIn is the sign-in step: pick your name from the staff list, enter
// your PIN. A wrong PIN shows the domain's refusal (tries left, locked)
// under the PIN. With a register that keeps attendance, staff also clock
// in and out here without signing in (see signin_clock.go).
type signIn struct {
	s       *kit.Session
	done    func()
	staff   map[string]app.Staff
	list    *kit.IDList
	index   *kit.Index
	filter  *scanEntry
	picked  *widget.Label
	note    *widget.Label // why the desk signed its person out, when it did
	pin     *kit.PINEntry
	errs    *kit.FieldErrors
	button  *widget.Button
	content fyne.CanvasObject
	clocking
}

// newSignIn returns the sign-in of session s; done runs once someone
// signed in. clock clocks staff in and out from it; nil: it does not.
func newSignIn(s *kit.Session, clock kit.Clocker, done func()) *signIn {
	si := &signIn{s: s, done: done, staff: map[string]app.Staff{}, errs: kit.NewFieldErrors(), index: kit.NewIndex()}
	si.list = kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() }, si.fillRow)
	si.list.OnSelectedID(si.pick)
	si.clocking = newClocking(clock)
	si.filter = newScanEntry(&si.scan, si.takeBadge)
	si.filter.SetPlaceHolder(lang.L("shell.find_name"))
	si.filter.OnChanged = si.narrow
	si.filter.OnSubmitted = func(string) { si.enterName() }
	si.picked = widget.NewLabel(lang.L("shell.pick_name"))
	si.note = widget.NewLabel("")
	si.note.Importance = widget.WarningImportance
	si.note.Wrapping = fyne.TextWrapWord
	si.note.Hide()
	si.pin = kit.NewPINEntry()
	si.pin.Scan = scanWatch{scan: &si.scan, onScan: si.pinScan} // a tag scanned into the PIN costs no try
	si.pin.SetPlaceHolder(lang.L("shell.pin"))
	si.pin.OnSubmitted = func(string) { si.submit() }
	si.button = widget.NewButtonWithIcon(lang.L("shell.sign_in"), theme.LoginIcon(), si.submit)
	si.button.Importance = widget.HighImportance
	if clock != nil {
		si.addClockButtons()
	}
	si.load()
	si.content = si.layout()
	return si
}

func (si *signIn) layout() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("shell.sign_in_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	form := container.NewVBox(si.note, si.picked, si.pin, si.errs.For("pin"), si.errs.Form(), si.button)
	if si.clock != nil {
		form.Add(container.NewGridWithColumns(2, si.in, si.out))
		form.Add(si.said)
	}
	names := container.NewBorder(si.filter, nil, nil, nil, si.list.List)
	body := container.NewBorder(title, nil, nil, nil,
		container.NewGridWithColumns(2, names, container.NewVBox(layout.NewSpacer(), form, layout.NewSpacer())))
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(760, 520), body))
}

// say shows why the sign-in is back (the desk went unused).
func (si *signIn) say(text string) {
	si.note.SetText(text)
	si.note.Show()
}

// load lists the active staff.
func (si *signIn) load() {
	list, err := si.s.Svc.StaffList(false)
	if err != nil {
		si.errs.Show(err)
		return
	}
	ids := make([]string, len(list))
	for i, st := range list {
		si.staff[st.ID] = st
		ids[i] = st.ID
		si.index.Add(st.ID, st.ID, st.Name, st.Department, kit.DepartmentName(st.Department))
	}
	si.list.SetIDs(ids)
}

func (si *signIn) fillRow(id string, o fyne.CanvasObject) {
	st := si.staff[id]
	o.(*kit.Row).Set(st.Name, roleName(st.Role)+" · "+kit.DepartmentName(st.Department), st.ID, widget.MediumImportance)
}

// narrow shows the staff whose number, name (or its pinyin) matches what
// is typed in the filter.
func (si *signIn) narrow(q string) {
	si.list.SetIDs(si.index.Find(q))
}

// enterName is Enter in the name filter. It picks the one person the
// filter leaves, or moves to the PIN of the person picked already. With
// several names and none picked, the keyboard goes to the list, where a
// PIN typed next shows nowhere, and the desk says how to pick.
func (si *signIn) enterName() {
	ids := si.list.IDs()
	switch {
	case len(ids) == 1:
		si.list.SelectID(ids[0])
	case si.list.Selected() != "" && slices.Contains(ids, si.list.Selected()):
		si.s.Window.Canvas().Focus(si.pin)
	case len(ids) > 1:
		si.errs.SetForm(lang.L("shell.pick_one_of", map[string]string{"Count": strconv.Itoa(len(ids))}))
		si.s.Window.Canvas().Focus(si.list.List)
	}
}

// pick remembers the chosen person and moves to the PIN.
func (si *signIn) pick(id string) {
	si.picked.SetText(lang.L("shell.picked", map[string]string{"Name": si.staff[id].Name}))
	si.errs.Clear()
	si.confirm("")
	si.pin.SetText("")
	si.s.Window.Canvas().Focus(si.pin)
}

// submit checks the PIN of the chosen person.
func (si *signIn) submit() {
	id := si.list.Selected()
	if id == "" {
		si.errs.SetForm(lang.L("shell.pick_first"))
		return
	}
	st, err := si.s.Svc.Login(id, si.pin.Text)
	if err != nil {
		si.refused(err)
		return
	}
	si.leave()
	si.s.SignIn(st)
	si.done()
}

// refused shows why the PIN typed was refused (tries left, locked)
// under it, and clears it.
func (si *signIn) refused(err error) {
	si.pin.SetText("")
	if !si.errs.Show(err) {
		si.errs.Show(fieldRefusal(err, "pin"))
	}
}

// fieldRefusal shows a refusal that names no field (a wrong PIN) at field.
func fieldRefusal(err error, field string) error {
	r := app.RefusalOf(err)
	if r == nil {
		return err
	}
	c := *r
	c.Field = field
	return &c
}
