package paper_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	appattendance "floordesk/app/attendance"
	appfound "floordesk/app/found"
	appkeys "floordesk/app/keys"
	apploans "floordesk/app/loans"
	"floordesk/app/reports"
	"floordesk/app/requests"
	"floordesk/ui/paper"
)

// sampleReport is a week's report as plain values.
func sampleReport() reports.Report {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, shanghai) }
	m := time.Minute
	week := reports.Period{Span: reports.LastWeek, From: day(2), To: day(9)}
	counts := func(keys []string, ns ...int) []requests.Count {
		out := make([]requests.Count, len(keys))
		for i, k := range keys {
			out[i] = requests.Count{Key: k, N: ns[i]}
		}
		return out
	}
	cats := []string{"service_quality", "environment_hygiene", "facilities_equipment", "food_beverage", "noise", "other"}
	sevs := []string{"minor", "moderate", "serious", "urgent"}
	var days []requests.DayKinds
	for i := range 7 {
		days = append(days, requests.DayKinds{Day: day(2 + i), Service: 20 + 3*i%7, Inquiry: 4 + i%3, Complaint: i % 2})
	}
	now := reports.Figures{
		Requests: requests.Report{Opened: 187, Days: days,
			Departments: []requests.DepartmentTimes{
				{Department: "housekeeping", Requests: 96, Responded: 95, Completed: 93, OnTime: 88, ResponseMedian: 6 * m, ResponseP90: 14 * m, CompletionMedian: 24 * m, CompletionP90: 52 * m, Promised: 60 * m},
				{Department: "engineering", Requests: 41, Responded: 40, Completed: 38, OnTime: 30, ResponseMedian: 9 * m, ResponseP90: 22 * m, CompletionMedian: 41 * m, CompletionP90: 95 * m, Promised: 60 * m},
				{Department: "", Requests: 38, Responded: 38, Completed: 38, OnTime: 38, ResponseMedian: 2 * m, ResponseP90: 5 * m, CompletionMedian: 2 * m, CompletionP90: 5 * m, Promised: 60 * m},
			},
			Complaints: requests.ComplaintFigures{Total: 4, ByCategory: counts(cats, 1, 0, 1, 0, 2, 0), BySeverity: counts(sevs, 2, 1, 1, 0),
				Compensated: 2, CompensationCents: 18800},
			Scores: [5]int{0, 1, 3, 12, 20}},
		Loans: apploans.Report{Loans: 52, Units: 61, Overdue: 3, Lost: 1, Damaged: 1, ChargesCents: 25000,
			Items: []apploans.LoanFrequency{{Item: "hairdryer", Loans: 24, Units: 25, Rooms: 22, PerDay: 3.4, Suggest: true}, {Item: "adapter", Loans: 9, Units: 12, Rooms: 9, PerDay: 1.3}}},
		Keys:  appkeys.Report{SignOuts: 140, Overdue: 5, OverdueBy: []appkeys.StaffCount{{Staff: "S02", N: 3}, {Staff: "S01", N: 2}}, Lost: 1},
		Found: appfound.Report{Logged: 18, LoggedClaimed: 11, Claimed: 12, Shipped: 3, Disposed: 4, ClaimMedian: 30 * time.Hour, ClaimP90: 200 * time.Hour},
		Attendance: appattendance.Report{
			People: []appattendance.PersonPeriod{
				{Staff: "S01", Name: "李强", Days: 5, Worked: 40*time.Hour + 30*time.Minute, Late: 2, LateEntered: 1, Entered: 1},
				{Staff: "A07", Name: "赵敏", Days: 4, Worked: 32 * time.Hour, Closed: 1},
			},
			Total: appattendance.PersonPeriod{Days: 9, Worked: 72*time.Hour + 30*time.Minute, Late: 2, LateEntered: 1, Closed: 1, Entered: 1}},
	}
	before := now
	before.Requests.Opened, before.Loans.Loans, before.Keys.SignOuts = 170, 40, 150
	return reports.Report{Made: day(9).Add(9 * time.Hour), Period: week, Prior: week.Previous(), Now: now, Before: before,
		ItemNames: itemNames}
}

func TestReportPDF(t *testing.T) {
	printed := time.Date(2026, 3, 9, 9, 0, 0, 0, shanghai)
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"zh", []string{"服务报表", "锦江宾馆", "2026年3月2日至2026年3月8日（共7天），对比2026年2月23日至2026年3月1日", "概览", "客人需求", "187", "170", "+10%",
			"平均满意度", "4.4", "各部门用时", "客房部", "工程部", "前台自办", "每日需求", "借用最多的物品", "吹风机", "员工钥匙逾期", "李强",
			"员工出勤人次", "员工工时（小时）", "72.5", "员工出勤", "出勤天数", "40.5", "赵敏", "第 1 页"}},
		{"en", []string{"Service report", "2 Mar 2026 to 8 Mar 2026 (7 days), compared with 23 Feb 2026 to 1 Mar 2026", "At a glance", "Guest requests", "187", "+10%",
			"Satisfaction, average", "4.4", "Times per department", "Housekeeping", "Desk itself", "Requests per day", "Items lent most", "吹风机", "Keys late per staff", "李强",
			"Staff days worked", "Late arrivals", "Staff attendance", "Days worked", "40.5", "赵敏", "Page 1 of"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			var b bytes.Buffer
			if err := paper.ReportPDF(&b, desk(tc.lang), sampleReport(), printed); err != nil {
				t.Fatal(err)
			}
			path := writePDF(t, "report-"+tc.lang+".pdf", b.Bytes())
			wantText(t, pdfText(t, path), tc.want...)
			checkFonts(t, path)
			if got := pageSize(t, path); !strings.HasPrefix(got, "595.28 x 841.89") {
				t.Errorf("page size %q, want A4", got)
			}
			// The five charts are in it as pictures.
			list := strings.Split(strings.TrimSpace(run(t, "pdfimages", "-list", path)), "\n")
			if len(list)-2 != 5 {
				t.Errorf("%d pictures in the report, want the 5 charts:\n%s", len(list)-2, strings.Join(list, "\n"))
			}
		})
	}
}
