package attendance

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	appattendance "floordesk/app/attendance"
	"floordesk/export"
	"floordesk/ui/kit"
)

// The month's attendance as a workbook: a row per person per work day,
// headers in the user's language, times in the hotel's zone.

// exportRow is the supervisor's tools: the export of this month's or
// last month's attendance, and the entry of a missed clock-in; hidden
// from others (see names).
func (sc *Screen) exportRow() fyne.CanvasObject {
	this := kit.Reading(widget.NewButtonWithIcon(lang.L("attendance.export_this"), theme.DownloadIcon(), func() { sc.askExport(0) }))
	last := kit.Reading(widget.NewButtonWithIcon(lang.L("attendance.export_last"), theme.DownloadIcon(), func() { sc.askExport(-1) }))
	enter := widget.NewButtonWithIcon(lang.L("attendance.enter"), theme.ContentAddIcon(), func() { sc.showEnterForm("", "") })
	this.Importance, last.Importance, enter.Importance = widget.LowImportance, widget.LowImportance, widget.LowImportance
	sc.exports = container.New(layout.NewRowWrapLayout(), this, last, enter) // wraps in a narrow pane
	return sc.exports
}

// month is the first day of the month back months from now, in the
// hotel's zone.
func (sc *Screen) month(back int) time.Time {
	now := sc.s.Now().In(sc.s.Location())
	return time.Date(now.Year(), now.Month()+time.Month(back), 1, 0, 0, 0, 0, now.Location())
}

// askExport asks where to save the month's workbook and saves it.
func (sc *Screen) askExport(back int) {
	month := sc.month(back)
	t, err := sc.MonthTable(month)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	kit.AskExportFile(sc.s, export.FileName(t.Name, month, export.XLSX), func(w fyne.URIWriteCloser, err error) {
		kit.SaveExport(sc.s, t, export.XLSX, w, err)
	})
}

// ExportMonth saves the month's attendance (the month of month) as a
// workbook in w, the file the save dialog opened (or err, why it could
// not), and says where it went or why not; see kit.SaveExport.
func (sc *Screen) ExportMonth(month time.Time, w fyne.URIWriteCloser, err error) (string, error) {
	t, terr := sc.MonthTable(month)
	if terr != nil {
		return "", terr
	}
	return kit.SaveExport(sc.s, t, export.XLSX, w, err)
}

// MonthTable is the month's attendance as a table: the sheet named
// "考勤 2026-03", a row per person per work day.
func (sc *Screen) MonthTable(month time.Time) (export.Table, error) {
	rows, err := sc.svc.AttendanceMonth(month)
	if err != nil {
		return export.Table{}, err
	}
	cells := make([][]export.Cell, len(rows))
	for i, r := range rows {
		cells[i] = sc.rowCells(r)
	}
	head := make([]string, len(monthHeads))
	for i, k := range monthHeads {
		head[i] = lang.L(k)
	}
	name := lang.L("attendance.export_name", map[string]string{"Month": month.Format("2006-01")})
	return export.Table{Name: name, Header: head, Loc: sc.s.Location(), Rows: export.Slice(cells)}, nil
}

// monthHeads are the workbook's columns, as translation keys.
var monthHeads = []string{"attendance.col.date", "attendance.col.staff", "attendance.col.name", "attendance.col.shift",
	"attendance.col.in", "attendance.col.out", "attendance.col.hours", "attendance.col.late", "attendance.col.early",
	"attendance.col.flags", "attendance.col.note"}

func (sc *Screen) rowCells(r appattendance.DayRow) []export.Cell {
	shift := lang.L("attendance.no_plan")
	if r.Shift != "" {
		shift = kit.X("supervisor.shift."+r.Shift, r.Shift)
	}
	name := r.Name
	if n := sc.staff.Name(r.Staff); n != "" && n != r.Staff {
		name = n
	}
	return []export.Cell{kit.Text(r.Date), kit.Text(r.Staff), kit.Text(name), kit.Text(shift),
		kit.Time(r.In), kit.Time(r.Out), kit.Number(math.Round(r.Worked.Hours()*100) / 100),
		kit.Number(float64(r.LateMin)), kit.Number(float64(r.EarlyMin)), kit.Text(flags(r)), kit.Text(r.Notes)}
}

// flags are the row's marks a supervisor reads: late (measured, or from
// a clock-in a supervisor entered), early, forgotten, closed or entered
// by a supervisor, still on duty.
func flags(r appattendance.DayRow) string {
	var out []string
	for _, f := range []struct {
		on  bool
		key string
	}{{r.LateMin > 0 && !r.LateEntered, "attendance.flag.late"}, {r.LateMin > 0 && r.LateEntered, "attendance.flag.late_entered"},
		{r.EarlyMin > 0, "attendance.flag.early"}, {r.Forgotten, "attendance.flag.forgotten"}, {r.Closed, "attendance.flag.closed"},
		{r.Entered, "attendance.flag.entered"}, {r.OnDuty, "attendance.flag.on_duty"}} {
		if f.on {
			out = append(out, lang.L(f.key))
		}
	}
	return kit.JoinParts(out)
}

// columns are the list's export (its Export button): the month sheet's
// columns for each work day listed.
func (sc *Screen) columns() []kit.Column[appattendance.Day] {
	out := make([]kit.Column[appattendance.Day], len(monthHeads))
	for i, head := range monthHeads {
		out[i] = kit.Column[appattendance.Day]{Head: head, Cell: func(d appattendance.Day) export.Cell {
			return sc.rowCells(appattendance.RowOf(d, sc.grace, sc.s.Now()))[i]
		}}
	}
	return out
}
