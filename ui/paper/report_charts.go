package paper

import (
	"fmt"

	"floordesk/app/reports"
	"floordesk/ui/chart"
)

// ReportCharts are the report's charts, titled in the desk's language:
// requests per day by kind, requests per department, the departments'
// times against their promise, complaints by category, and loans, keys
// and lost and found beside the period before.
func ReportCharts(d Desk, r reports.Report) []chart.Bars {
	return []chart.Bars{dayChart(d, r), departmentChart(d, r), timesChart(d, r), complaintChart(d, r), registersChart(d, r)}
}

func (d Desk) thisAndBefore() (string, string) {
	return d.T("report.col.this"), d.T("report.col.before")
}

func dayChart(d Desk, r reports.Report) chart.Bars {
	days := r.Now.Requests.Days
	b := chart.Bars{Title: d.T("report.chart.days"), XLabel: d.T("report.axis.day"), YLabel: d.T("report.axis.requests"), Stacked: true,
		Series: []chart.Series{{Name: d.T("requests.kind.service")}, {Name: d.T("requests.kind.inquiry")}, {Name: d.T("requests.kind.complaint")}}}
	for _, day := range days {
		t := day.Day
		b.Groups = append(b.Groups, fmt.Sprintf("%d/%d", t.Month(), t.Day()))
		b.Series[0].Values = append(b.Series[0].Values, float64(day.Service))
		b.Series[1].Values = append(b.Series[1].Values, float64(day.Inquiry))
		b.Series[2].Values = append(b.Series[2].Values, float64(day.Complaint))
	}
	return b
}

func departmentChart(d Desk, r reports.Report) chart.Bars {
	this, before := d.thisAndBefore()
	b := chart.Bars{Title: d.T("report.chart.departments"), XLabel: d.T("report.axis.department"), YLabel: d.T("report.axis.requests"),
		Series: []chart.Series{{Name: this}, {Name: before}}}
	then := map[string]int{}
	for _, t := range r.Before.Requests.Departments {
		then[t.Department] = t.Requests
	}
	for _, t := range r.Now.Requests.Departments {
		b.Groups = append(b.Groups, DepartmentName(d, t.Department))
		b.Series[0].Values = append(b.Series[0].Values, float64(t.Requests))
		b.Series[1].Values = append(b.Series[1].Values, float64(then[t.Department]))
	}
	return b
}

func timesChart(d Desk, r reports.Report) chart.Bars {
	b := chart.Bars{Title: d.T("report.chart.times"), XLabel: d.T("report.axis.department"), YLabel: d.T("report.axis.minutes"),
		Series: []chart.Series{{Name: d.T("report.col.response_median")}, {Name: d.T("report.col.done_median")},
			{Name: d.T("report.col.done_p90")}, {Name: d.T("report.col.promised")}}}
	for _, t := range r.Now.Requests.Departments {
		b.Groups = append(b.Groups, DepartmentName(d, t.Department))
		for i, v := range []float64{minutes(t.ResponseMedian), minutes(t.CompletionMedian), minutes(t.CompletionP90), minutes(t.Promised)} {
			b.Series[i].Values = append(b.Series[i].Values, v)
		}
	}
	return b
}

func complaintChart(d Desk, r reports.Report) chart.Bars {
	this, before := d.thisAndBefore()
	b := chart.Bars{Title: d.T("report.chart.complaints"), XLabel: d.T("report.axis.category"), YLabel: d.T("report.axis.complaints"),
		Series: []chart.Series{{Name: this}, {Name: before}}}
	then := r.Before.Requests.Complaints.ByCategory
	for i, c := range r.Now.Requests.Complaints.ByCategory {
		b.Groups = append(b.Groups, d.T("requests.category."+c.Key))
		b.Series[0].Values = append(b.Series[0].Values, float64(c.N))
		b.Series[1].Values = append(b.Series[1].Values, float64(then[i].N))
	}
	return b
}

func registersChart(d Desk, r reports.Report) chart.Bars {
	this, before := d.thisAndBefore()
	b := chart.Bars{Title: d.T("report.chart.registers"), YLabel: d.T("report.axis.count"),
		Series: []chart.Series{{Name: this}, {Name: before}}}
	pick := func(f reports.Figures) []float64 {
		return []float64{float64(f.Loans.Loans), float64(f.Loans.Overdue), float64(f.Loans.Lost + f.Loans.Damaged),
			float64(f.Keys.SignOuts), float64(f.Keys.Overdue), float64(f.Found.Logged), float64(f.Found.Claimed), float64(f.Found.Disposed)}
	}
	for _, k := range []string{"report.bar.loans", "report.bar.loans_overdue", "report.bar.lost_damaged", "report.bar.key_outs",
		"report.bar.keys_overdue", "report.bar.found_logged", "report.bar.found_claimed", "report.bar.found_disposed"} {
		b.Groups = append(b.Groups, d.T(k))
	}
	b.Series[0].Values, b.Series[1].Values = pick(r.Now), pick(r.Before)
	return b
}
