package supervisor

import (
	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	"floordesk/export"
	"floordesk/ui/kit"
)

// staffColumns are the staff list's export: a row a member, as the tab
// shows them (the PIN stays out).
func staffColumns() []kit.Column[app.Staff] {
	text := func(f func(app.Staff) string) func(app.Staff) export.Cell {
		return func(st app.Staff) export.Cell { return kit.Text(f(st)) }
	}
	return []kit.Column[app.Staff]{
		{Head: "supervisor.number", Cell: text(func(st app.Staff) string { return st.ID })},
		{Head: "supervisor.name", Cell: text(func(st app.Staff) string { return st.Name })},
		{Head: "supervisor.department", Cell: text(func(st app.Staff) string { return deptName(st.Department) })},
		{Head: "supervisor.role", Cell: text(func(st app.Staff) string { return roleName(st.Role) })},
		{Head: "supervisor.shift", Cell: text(func(st app.Staff) string { return shiftText(st.Shift) })},
		{Head: "supervisor.staff_status", Cell: text(staffStatus)},
		{Head: "supervisor.staff_added_at", Cell: func(st app.Staff) export.Cell { return kit.Time(st.Added) }},
	}
}

func shiftText(s string) string {
	if s == "" {
		return ""
	}
	return shiftName(s)
}

func staffStatus(st app.Staff) string {
	if st.Disabled {
		return lang.L("supervisor.disabled")
	}
	return lang.L("supervisor.active")
}
