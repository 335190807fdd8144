package supervisor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/ui/kit"
)

// staffForm adds a staff member.
type staffForm struct {
	*kit.Form
	number, name, pin *kit.Entry
	dept, role, shift *kit.Choice
}

func (t *staffTab) showAdd() {
	f := &staffForm{Form: newForm()}
	f.number = f.Entry(lang.L("supervisor.number_hint"))
	f.name = f.Entry("")
	f.dept = kit.NewChoice(t.deptOptions(), nil)
	f.role = kit.NewChoice(roleOptions(), nil)
	f.role.SetSelectedIndex(0)
	f.shift = kit.NewChoice(t.shiftOptions(), nil)
	f.shift.SetSelectedIndex(0)
	f.pin = f.Entry(lang.L("supervisor.pin_hint"))
	f.pin.Password = true
	f.Check(f.pin, "pin", checkPIN)
	f.Row(lang.L("supervisor.number"), "number", f.number)
	f.Row(lang.L("supervisor.name"), "name", f.name)
	f.Row(lang.L("supervisor.department"), "department", f.dept)
	f.Row(lang.L("supervisor.role"), "role", f.role)
	f.Row(lang.L("supervisor.shift"), "shift", f.shift)
	f.Row(lang.L("supervisor.pin"), "pin", f.pin)
	f.Submit = func() { t.s.WithPIN(func() { t.add(f) }) }
	f.Cancel = func() { t.Back() }
	t.addForm = f
	t.Pane().Set(container.NewVScroll(f.Content(lang.L("supervisor.staff_add"), lang.L("supervisor.staff_add_save"))))
	t.s.Window.Canvas().Focus(f.number)
}

func (t *staffTab) add(f *staffForm) {
	st, err := t.s.Svc.AddStaff(t.s.UserID(), app.NewStaff{Number: f.number.Text, Name: f.name.Text,
		Department: t.deptOf(f.dept.Selected), Role: roleOf(f.role.Selected), Shift: t.shiftOf(f.shift.Selected),
		PIN: f.pin.Text})
	if saved(t.s, f.Form, err, "supervisor.staff_added", map[string]string{"Name": st.Name}) {
		t.refresh(nil)
		t.show(st.ID)
	}
}

// checkPIN is the as-you-type check of a PIN: 4 to 8 digits.
func checkPIN(s string) string {
	ok := len(s) >= 4 && len(s) <= 8
	for _, r := range s {
		ok = ok && r >= '0' && r <= '9'
	}
	if s == "" || ok {
		return ""
	}
	return lang.L("supervisor.pin_format")
}

// staffEdit is one member's pane: role, department, shift, PIN, disable.
type staffEdit struct {
	id                  string
	update, pin, status *kit.Form
	newPIN, reason      *kit.Entry
	dept, role, shift   *kit.Choice
}

// show opens a staff member's pane.
func (t *staffTab) show(id string) bool {
	st, err := t.s.Svc.StaffMember(id)
	if err != nil {
		return false
	}
	e := t.newStaffEdit(st)
	t.edit = e
	t.Pane().Set(t.editView(st, e))
	if t.List().Selected() != id {
		t.List().SelectID(id)
	}
	return true
}

func (t *staffTab) newStaffEdit(st app.Staff) *staffEdit {
	e := &staffEdit{id: st.ID, update: newForm(), pin: newForm(), status: newForm()}
	e.dept = kit.NewChoice(t.deptOptions(), nil)
	e.dept.SetSelected(deptName(st.Department))
	e.role = kit.NewChoice(roleOptions(), nil)
	e.role.SetSelected(roleName(st.Role))
	e.shift = kit.NewChoice(t.shiftOptions(), nil)
	e.shift.SetSelectedIndex(0)
	if st.Shift != "" {
		e.shift.SetSelected(shiftName(st.Shift))
	}
	e.update.Row(lang.L("supervisor.department"), "department", e.dept)
	e.update.Row(lang.L("supervisor.role"), "role", e.role)
	e.update.Row(lang.L("supervisor.shift"), "shift", e.shift)
	e.update.Submit = func() { t.s.WithPIN(func() { t.update(e) }) }
	e.newPIN = e.pin.Entry(lang.L("supervisor.pin_hint"))
	e.newPIN.Password = true
	e.pin.Check(e.newPIN, "pin", checkPIN)
	e.pin.Row(lang.L("supervisor.new_pin"), "pin", e.newPIN)
	e.pin.Submit = func() { t.s.WithPIN(func() { t.resetPIN(e) }) }
	e.reason = e.status.Entry(lang.L("supervisor.reason_hint"))
	e.status.Submit = func() { t.s.WithPIN(func() { t.toggle(e, st) }) }
	for _, f := range []*kit.Form{e.update, e.pin, e.status} {
		f.Cancel = func() { t.show(e.id) }
		f.Inline = true
	}
	return e
}

func (t *staffTab) editView(st app.Staff, e *staffEdit) *container.Scroll {
	statusText, statusBtn := "supervisor.disable", "supervisor.disable_save"
	if st.Disabled {
		statusText, statusBtn = "supervisor.enable", "supervisor.enable_save"
	} else {
		e.status.Row(lang.L("supervisor.reason"), "reason", e.reason)
	}
	head := widget.NewLabel(st.Name + "  " + st.ID)
	head.TextStyle.Bold = true
	return container.NewVScroll(container.NewVBox(head,
		e.update.Content(lang.L("supervisor.staff_edit"), lang.L("supervisor.save")),
		widget.NewSeparator(), e.pin.Content(lang.L("supervisor.reset_pin"), lang.L("supervisor.reset_pin_save")),
		widget.NewSeparator(), t.statusForm(e, statusText, statusBtn, st.Disabled)))
}

// statusForm is the disable (or enable) form; disabling shows as danger.
func (t *staffTab) statusForm(e *staffEdit, text, btn string, disabled bool) fyne.CanvasObject {
	o := e.status.Content(lang.L(text), lang.L(btn))
	if !disabled {
		e.status.Save.Importance = widget.DangerImportance
	}
	return o
}

func (t *staffTab) update(e *staffEdit) {
	err := t.s.Svc.UpdateStaff(t.s.UserID(), e.id, t.deptOf(e.dept.Selected), roleOf(e.role.Selected), t.shiftOf(e.shift.Selected))
	saved(t.s, e.update, err, "supervisor.staff_saved", nil)
}

func (t *staffTab) resetPIN(e *staffEdit) {
	err := t.s.Svc.ResetPIN(t.s.UserID(), e.id, e.newPIN.Text)
	if saved(t.s, e.pin, err, "supervisor.pin_reset", nil) {
		e.newPIN.SetText("")
	}
}

func (t *staffTab) toggle(e *staffEdit, st app.Staff) {
	var err error
	notice := "supervisor.staff_enabled"
	if st.Disabled {
		err = t.s.Svc.EnableStaff(t.s.UserID(), e.id)
	} else {
		err, notice = t.s.Svc.DisableStaff(t.s.UserID(), e.id, e.reason.Text), "supervisor.staff_disabled"
	}
	if saved(t.s, e.status, err, notice, map[string]string{"Name": st.Name}) {
		t.refresh(nil)
		t.show(e.id)
	}
}
