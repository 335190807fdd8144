package supervisor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// staffTab lists the staff, disabled ones too, and edits one member; the
// list is read again when staff or the hotel's departments and shifts
// change.
type staffTab struct {
	*kit.ListScreen[app.Staff]
	s       *kit.Session
	hotel   app.Hotel
	addForm *staffForm // the add form shown last, for tests
	edit    *staffEdit // the member shown last, for tests
}

func newStaffTab(s *kit.Session) *staffTab {
	t := &staffTab{s: s}
	t.ListScreen = kit.NewListScreen(s, tabLook(t.showAdd, "supervisor.staff_add"), kit.ListConfig[app.Staff]{
		Kind: kit.KindStaff, Reads: []string{kit.KindHotel},
		ID:  func(st app.Staff) string { return st.ID },
		All: t.readStaff, Row: t.fillRow, Pick: func(id string) { t.show(id) },
		Export: "supervisor.staff_export", Columns: staffColumns(),
	})
	return t
}

func (t *staffTab) title() string { return lang.L("supervisor.staff") }

func (t *staffTab) content() fyne.CanvasObject { return t.Content() }

func (t *staffTab) refresh(changed []wire.EntityRef) { t.Refresh(changed) }

// readStaff reads the hotel's departments and shifts, for the forms, and
// every staff member.
func (t *staffTab) readStaff() ([]app.Staff, error) {
	t.hotel, _ = t.s.Svc.Settings()
	return t.s.Svc.StaffList(true)
}

func (t *staffTab) fillRow(st app.Staff, r *kit.Row) {
	imp, note := widget.MediumImportance, roleName(st.Role)
	if st.Disabled {
		imp, note = widget.LowImportance, lang.L("supervisor.disabled")
	}
	detail := deptName(st.Department)
	if st.Shift != "" {
		detail += " · " + shiftName(st.Shift)
	}
	r.Set(st.Name+"  "+st.ID, detail, note, imp)
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
