package supervisor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data"
	"floordesk/ui/kit"
)

// staffTab lists the staff and edits one member.
type staffTab struct {
	s       *kit.Session
	staff   map[string]app.Staff
	list    *kit.IDList
	pane    *fyne.Container
	hotel   app.Hotel
	addForm *staffForm // the add form shown last, for tests
	edit    *staffEdit // the member shown last, for tests
}

func newStaffTab(s *kit.Session) *staffTab {
	t := &staffTab{s: s, staff: map[string]app.Staff{}}
	t.list = kit.NewIDList(func() fyne.CanvasObject { return kit.NewRow() }, t.fillRow)
	t.list.OnSelectedID(func(id string) { t.show(id) })
	t.pane = container.NewStack(widget.NewLabel(""))
	return t
}

func (t *staffTab) title() string { return lang.L("supervisor.staff") }

func (t *staffTab) content() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.L("supervisor.staff_add"), theme.ContentAddIcon(), t.showAdd)
	add.Importance = widget.HighImportance
	return split(container.NewBorder(container.NewHBox(add), nil, nil, nil, t.list.List), t.pane)
}

func (t *staffTab) refresh(changed []data.EntityRef) {
	if !kit.Changed(changed, kit.KindStaff, kit.KindHotel) {
		return
	}
	t.hotel, _ = t.s.Svc.Settings()
	list, err := t.s.Svc.StaffList(true)
	if err != nil {
		return
	}
	ids := make([]string, len(list))
	for i, st := range list {
		t.staff[st.ID], ids[i] = st, st.ID
	}
	t.list.SetIDs(ids)
}

func (t *staffTab) fillRow(id string, o fyne.CanvasObject) {
	st := t.staff[id]
	imp, note := widget.MediumImportance, roleName(st.Role)
	if st.Disabled {
		imp, note = widget.LowImportance, lang.L("supervisor.disabled")
	}
	detail := deptName(st.Department)
	if st.Shift != "" {
		detail += " · " + shiftName(st.Shift)
	}
	o.(*kit.Row).Set(st.Name+"  "+st.ID, detail, note, imp)
}

func roleName(r app.Role) string { return lang.L("supervisor.role." + string(r)) }
func deptName(d string) string   { return kit.DepartmentName(d) }
func shiftName(sh string) string { return kit.X("supervisor.shift."+sh, sh) }
func roleOptions() []string {
	return []string{roleName(app.RoleAttendant), roleName(app.RoleSupervisor)}
}
func roleOf(name string) app.Role {
	if name == roleName(app.RoleSupervisor) {
		return app.RoleSupervisor
	}
	if name == roleName(app.RoleAttendant) {
		return app.RoleAttendant
	}
	return ""
}

func (t *staffTab) deptOptions() []string {
	out := make([]string, len(t.hotel.Departments))
	for i, d := range t.hotel.Departments {
		out[i] = deptName(d)
	}
	return out
}

func (t *staffTab) deptOf(name string) string {
	for _, d := range t.hotel.Departments {
		if deptName(d) == name {
			return d
		}
	}
	return name
}

// shiftOptions are the hotel's shifts, with "none" first.
func (t *staffTab) shiftOptions() []string {
	out := []string{lang.L("supervisor.no_shift")}
	for _, sh := range t.hotel.Shifts {
		out = append(out, shiftName(sh.Name))
	}
	return out
}

func (t *staffTab) shiftOf(name string) string {
	for _, sh := range t.hotel.Shifts {
		if shiftName(sh.Name) == name {
			return sh.Name
		}
	}
	return ""
}
