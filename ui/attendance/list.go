package attendance

import (
	"cmp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	appattendance "floordesk/app/attendance"
	"floordesk/ui/kit"
)

// config is what the screen lists: the open days (who is on duty, and
// forgotten clock-outs) and the days of this month and the last, found
// by name, staff number and date.
func (sc *Screen) config() kit.ListConfig[appattendance.Day] {
	return kit.ListConfig[appattendance.Day]{
		Kind: kit.KindAttendance, Reads: []string{kit.KindStaff, kit.KindHotel},
		ID:  func(d appattendance.Day) string { return d.ID },
		All: sc.all, One: sc.svc.WorkDay, Names: sc.names,
		Words:  func(d appattendance.Day) []string { return []string{d.Name, d.Staff, d.Date, sc.staff.Name(d.Staff)} },
		Export: "attendance.list_export_name", Columns: sc.columns(),
		Filters: []kit.Filter[appattendance.Day]{
			{Name: "attendance.filter.on_duty", Keep: func(d appattendance.Day, _ string, now time.Time) bool { return d.OnDuty(now) != nil }},
			{Name: "attendance.filter.today", Keep: func(d appattendance.Day, _ string, now time.Time) bool {
				return d.OnDuty(now) != nil || d.Date == now.In(sc.s.Location()).Format(time.DateOnly)
			}},
			{Name: "attendance.filter.late", Keep: func(d appattendance.Day, _ string, _ time.Time) bool {
				return d.LateBy(sc.grace) > 0 || d.EarlyBy(sc.grace) > 0
			}},
			{Name: "attendance.filter.forgotten", Keep: func(d appattendance.Day, _ string, now time.Time) bool { return d.Forgotten(now) != nil }},
			{Name: "attendance.filter.all"},
		},
		Compare: compare, Row: sc.fillRow,
		Detail: func(d appattendance.Day) (fyne.CanvasObject, *container.Scroll) { return sc.detail(d), nil },
	}
}

// names reads the staff names and the hotel's grace, and shows the
// month's exports to a supervisor only.
func (sc *Screen) names() {
	sc.staff.Load()
	sc.grace = sc.svc.Grace()
	if sc.exports != nil && sc.s.IsSupervisor() {
		sc.exports.Show()
	} else if sc.exports != nil {
		sc.exports.Hide()
	}
}

// all reads the open days and those that began since the start of last
// month.
func (sc *Screen) all() ([]appattendance.Day, error) {
	open, err := sc.svc.OpenDays()
	if err != nil {
		return nil, err
	}
	now := sc.s.Now().In(sc.s.Location())
	from := time.Date(now.Year(), now.Month()-1, 1, 0, 0, 0, 0, now.Location())
	days, err := sc.svc.DaysIn(from, now.Add(time.Minute))
	for _, d := range days {
		if !d.Open() {
			open = append(open, d)
		}
	}
	return open, err
}

// compare lists the latest day first, then by the first clock-in, then
// by name.
func compare(a, b appattendance.Day) int {
	return cmp.Or(strings.Compare(b.Date, a.Date), a.FirstIn().Compare(b.FirstIn()), strings.Compare(a.Staff, b.Staff))
}

// fillRow shows one day: who, which day and shift, in and out, and what
// a supervisor checks (late, early, forgotten) or that they are on duty.
func (sc *Screen) fillRow(d appattendance.Day, r *kit.Row) {
	note, imp := sc.statusNote(d)
	r.Set(kit.JoinParts([]string{sc.name(d), d.Staff, d.Date, shiftName(d)}), sc.inOut(d), note, imp)
}

// name is the staff member's name as the staff list has it now.
func (sc *Screen) name(d appattendance.Day) string {
	if n := sc.staff.Name(d.Staff); n != "" && n != d.Staff {
		return n
	}
	return d.Name
}

func shiftName(d appattendance.Day) string {
	if d.Plan == nil {
		return lang.L("attendance.no_plan")
	}
	return kit.X("supervisor.shift."+d.Plan.Shift, d.Plan.Shift)
}

// inOut is "in 06:52 · out 15:03" for each stint of the day.
func (sc *Screen) inOut(d appattendance.Day) string {
	loc := sc.s.Location()
	var parts []string
	for _, st := range d.Stints {
		out := "—"
		if st.Out != nil {
			out = kit.Clock(st.Out.At.In(loc))
		}
		parts = append(parts, lang.L("attendance.in_out", map[string]string{"In": kit.Clock(st.In.At.In(loc)), "Out": out}))
	}
	return strings.Join(parts, " · ")
}

// statusNote says what the day needs: a forgotten clock-out, on duty,
// late or early, else the hours worked.
func (sc *Screen) statusNote(d appattendance.Day) (string, widget.Importance) {
	now := sc.s.Now()
	late, early := d.LateBy(sc.grace), d.EarlyBy(sc.grace)
	var flags []string
	if late > 0 {
		key := "attendance.late"
		if d.LateEntered() {
			key = "attendance.late_entered"
		}
		flags = append(flags, lang.L(key, map[string]string{"Span": kit.Duration(late)}))
	}
	if early > 0 {
		flags = append(flags, lang.L("attendance.early", map[string]string{"Span": kit.Duration(early)}))
	}
	switch {
	case d.Forgotten(now) != nil:
		return lang.L("attendance.forgotten"), widget.DangerImportance
	case d.OnDuty(now) != nil && len(flags) > 0:
		return kit.JoinParts(append([]string{lang.L("attendance.on_duty")}, flags...)), widget.WarningImportance
	case d.OnDuty(now) != nil:
		return lang.L("attendance.on_duty"), widget.SuccessImportance
	case len(flags) > 0:
		return kit.JoinParts(flags), widget.WarningImportance
	}
	return lang.L("attendance.worked", map[string]string{"Span": kit.Duration(d.Worked())}), widget.LowImportance
}
