package paper

import (
	"fmt"
	"math"
	"time"

	"floordesk/app/reports"
	"floordesk/app/requests"
	"floordesk/export"
)

// The supervisor's report as tables: the same tables on the screen, in
// the printed report and in the workbook (one sheet each).

// ReportTables lays out r as tables with headers in the desk's language:
// the period at a glance beside the period before, the times per
// department, complaints, requests per day, the items lent most, the
// keys overdue per holder and the staff's attendance.
func ReportTables(d Desk, r reports.Report) []export.Table {
	return []export.Table{
		summaryTable(d, r),
		departmentTable(d, r.Now.Requests),
		complaintTable(d, r),
		dayTable(d, r.Now.Requests),
		itemTable(d, r),
		keyTable(d, r),
		attendanceTable(d, r),
	}
}

// ReportPeriod says which days r covers and which it is compared with.
func ReportPeriod(d Desk, r reports.Report) string {
	return d.T("report.period_text", map[string]string{
		"From": d.Date(r.Period.From), "To": d.Date(r.Period.Last()), "Days": fmt.Sprint(r.Period.Days()),
		"PrevFrom": d.Date(r.Prior.From), "PrevTo": d.Date(r.Prior.Last()),
	})
}

// figure is one line of the summary: a value this period and before.
type figure struct {
	key       string
	now, then float64
}

func summaryTable(d Desk, r reports.Report) export.Table {
	n, b := r.Now, r.Before
	rows := []figure{
		{"report.fig.requests", float64(n.Requests.Opened), float64(b.Requests.Opened)},
		{"report.fig.complaints", float64(n.Requests.Complaints.Total), float64(b.Requests.Complaints.Total)},
		{"report.fig.compensation", yuan(n.Requests.Complaints.CompensationCents), yuan(b.Requests.Complaints.CompensationCents)},
		{"report.fig.satisfaction", round1(n.Requests.Satisfaction()), round1(b.Requests.Satisfaction())},
		{"report.fig.rated", float64(n.Requests.Rated()), float64(b.Requests.Rated())},
		{"report.fig.loans", float64(n.Loans.Loans), float64(b.Loans.Loans)},
		{"report.fig.units", float64(n.Loans.Units), float64(b.Loans.Units)},
		{"report.fig.loans_overdue", float64(n.Loans.Overdue), float64(b.Loans.Overdue)},
		{"report.fig.lost_items", float64(n.Loans.Lost), float64(b.Loans.Lost)},
		{"report.fig.damaged_items", float64(n.Loans.Damaged), float64(b.Loans.Damaged)},
		{"report.fig.charges", yuan(n.Loans.ChargesCents), yuan(b.Loans.ChargesCents)},
		{"report.fig.key_outs", float64(n.Keys.SignOuts), float64(b.Keys.SignOuts)},
		{"report.fig.keys_overdue", float64(n.Keys.Overdue), float64(b.Keys.Overdue)},
		{"report.fig.keys_lost", float64(n.Keys.Lost), float64(b.Keys.Lost)},
		{"report.fig.found_logged", float64(n.Found.Logged), float64(b.Found.Logged)},
		{"report.fig.found_claimed", float64(n.Found.Claimed), float64(b.Found.Claimed)},
		{"report.fig.claim_rate", percent(n.Found.ClaimRate()), percent(b.Found.ClaimRate())},
		{"report.fig.claim_hours", hours(n.Found.ClaimMedian), hours(b.Found.ClaimMedian)},
		{"report.fig.found_disposed", float64(n.Found.Disposed), float64(b.Found.Disposed)},
		{"report.fig.days_worked", float64(n.Attendance.Total.Days), float64(b.Attendance.Total.Days)},
		{"report.fig.hours_worked", hours(n.Attendance.Total.Worked), hours(b.Attendance.Total.Worked)},
		{"report.fig.late_arrivals", float64(n.Attendance.Total.Late), float64(b.Attendance.Total.Late)},
		{"report.fig.clockouts_closed", float64(n.Attendance.Total.Closed), float64(b.Attendance.Total.Closed)},
		{"report.fig.clockins_entered", float64(n.Attendance.Total.Entered), float64(b.Attendance.Total.Entered)},
	}
	cells := make([][]export.Cell, len(rows))
	for i, f := range rows {
		cells[i] = []export.Cell{export.TextCell(d.T(f.key)), export.NumberCell(f.now), export.NumberCell(f.then), export.TextCell(change(f.now, f.then))}
	}
	return table(d, "report.sheet.summary", []string{"report.col.figure", "report.col.this", "report.col.before", "report.col.change"}, cells)
}

func departmentTable(d Desk, r requests.Report) export.Table {
	cells := make([][]export.Cell, len(r.Departments))
	for i, t := range r.Departments {
		onTime := 0.0
		if t.Completed > 0 {
			onTime = percent(float64(t.OnTime) / float64(t.Completed))
		}
		cells[i] = []export.Cell{export.TextCell(DepartmentName(d, t.Department)), num(t.Requests),
			export.NumberCell(minutes(t.ResponseMedian)), export.NumberCell(minutes(t.ResponseP90)),
			export.NumberCell(minutes(t.CompletionMedian)), export.NumberCell(minutes(t.CompletionP90)),
			export.NumberCell(minutes(t.Promised)), export.NumberCell(onTime)}
	}
	return table(d, "report.sheet.departments", []string{"report.col.department", "report.col.requests",
		"report.col.response_median", "report.col.response_p90", "report.col.done_median", "report.col.done_p90",
		"report.col.promised", "report.col.on_time"}, cells)
}

func complaintTable(d Desk, r reports.Report) export.Table {
	var cells [][]export.Cell
	then := r.Before.Requests.Complaints
	for i, c := range r.Now.Requests.Complaints.ByCategory {
		cells = append(cells, []export.Cell{export.TextCell(d.T("report.by_category")), export.TextCell(d.T("requests.category." + c.Key)),
			num(c.N), num(then.ByCategory[i].N)})
	}
	for i, c := range r.Now.Requests.Complaints.BySeverity {
		cells = append(cells, []export.Cell{export.TextCell(d.T("report.by_severity")), export.TextCell(d.T("requests.severity." + c.Key)),
			num(c.N), num(then.BySeverity[i].N)})
	}
	return table(d, "report.sheet.complaints", []string{"report.col.grouped", "report.col.complaint", "report.col.this", "report.col.before"}, cells)
}

func dayTable(d Desk, r requests.Report) export.Table {
	cells := make([][]export.Cell, len(r.Days))
	for i, day := range r.Days {
		cells[i] = []export.Cell{export.TextCell(d.Date(day.Day)), num(day.Service), num(day.Inquiry), num(day.Complaint),
			num(day.Service + day.Inquiry + day.Complaint)}
	}
	return table(d, "report.sheet.days", []string{"report.col.day", "requests.kind.service", "requests.kind.inquiry",
		"requests.kind.complaint", "report.col.total"}, cells)
}

func itemTable(d Desk, r reports.Report) export.Table {
	cells := make([][]export.Cell, len(r.Now.Loans.Items))
	for i, it := range r.Now.Loans.Items {
		name := r.ItemNames[it.Item]
		if name == "" {
			name = it.Item
		}
		cells[i] = []export.Cell{export.TextCell(name), num(it.Loans), num(it.Units), num(it.Rooms), export.NumberCell(round1(it.PerDay))}
	}
	return table(d, "report.sheet.items", []string{"report.col.item", "report.col.loans", "report.col.units", "report.col.rooms", "report.col.per_day"}, cells)
}

func keyTable(d Desk, r reports.Report) export.Table {
	cells := make([][]export.Cell, len(r.Now.Keys.OverdueBy))
	for i, c := range r.Now.Keys.OverdueBy {
		cells[i] = []export.Cell{export.TextCell(d.staff(c.Staff)), num(c.N)}
	}
	return table(d, "report.sheet.keys", []string{"report.col.staff", "report.col.keys_overdue"}, cells)
}

// attendanceTable is each staff member's attendance in the period: days
// worked, hours, days late (of them, how many from a clock-in a
// supervisor entered, not measured), and the clock-outs and clock-ins
// supervisors put right.
func attendanceTable(d Desk, r reports.Report) export.Table {
	cells := make([][]export.Cell, len(r.Now.Attendance.People))
	for i, p := range r.Now.Attendance.People {
		name := p.Name
		if n := d.staff(p.Staff); n != p.Staff {
			name = n
		}
		cells[i] = []export.Cell{export.TextCell(name + " · " + p.Staff), num(p.Days), export.NumberCell(hours(p.Worked)),
			num(p.Late), num(p.LateEntered), num(p.Closed), num(p.Entered)}
	}
	return table(d, "report.sheet.attendance", []string{"report.col.staff", "report.col.days_worked",
		"report.col.hours", "report.col.late", "report.col.late_entered", "report.col.clockouts_closed", "report.col.clockins_entered"}, cells)
}

func table(d Desk, name string, heads []string, cells [][]export.Cell) export.Table {
	header := make([]string, len(heads))
	for i, h := range heads {
		header[i] = d.T(h)
	}
	return export.Table{Name: d.T(name), Header: header, Loc: d.loc(), Rows: export.Slice(cells)}
}

// DepartmentName is a department in the desk's language; "" is the desk
// itself.
func DepartmentName(d Desk, dept string) string {
	if dept == "" {
		return d.T("report.desk_itself")
	}
	if name := d.T("dept." + dept); name != "dept."+dept {
		return name
	}
	return dept
}

func num(n int) export.Cell { return export.NumberCell(float64(n)) }

func yuan(cents int64) float64        { return float64(cents) / 100 }
func round1(v float64) float64        { return math.Round(v*10) / 10 }
func percent(v float64) float64       { return math.Round(v * 100) }
func minutes(t time.Duration) float64 { return round1(t.Minutes()) }
func hours(t time.Duration) float64   { return round1(t.Hours()) }

// change is how much a figure moved from the period before: "+25%",
// "-10%", "0%", or "—" when there was nothing before to compare with.
func change(now, then float64) string {
	switch {
	case then == 0 && now == 0:
		return "0%"
	case then == 0:
		return "—"
	}
	pc := math.Round((now - then) / then * 100)
	if pc > 0 {
		return fmt.Sprintf("+%.0f%%", pc)
	}
	if pc < 0 {
		return fmt.Sprintf("-%.0f%%", -pc)
	}
	return "0%"
}
