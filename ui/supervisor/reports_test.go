package supervisor

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"floordesk/app"
	"floordesk/app/requests"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
	"floordesk/ui/paper"
)

// reportsDesk is the supervisor screen on a demo hotel, the reports tab
// open (it reads this week's report).
func reportsDesk(t *testing.T, language string) (*kittest.Env, *Screen) {
	t.Helper()
	e := kittest.NewIn(t, language)
	e.Demo(t, 400)
	e.SignIn(t, "S01")
	sc := newScreen(e.Session, e.Svc, backupsOf(e), reporterOf(e))
	e.Window.SetContent(sc.Content())
	sc.tabs.SelectIndex(7)
	return e, sc
}

// openedSince counts, the slow way, the requests opened from the hotel's
// midnight at from on.
func openedSince(t *testing.T, e *kittest.Env, from time.Time) int {
	rs, err := app.ListViews[requests.Request](e.Svc.Service, requests.KindRequest, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rs {
		if !r.OpenedAt.Before(from) && !r.OpenedAt.After(e.Clock.Now()) {
			n++
		}
	}
	return n
}

// summaryValue is the figure the summary shows this period for label.
func summaryValue(t *testing.T, sc *Screen, label string) string {
	t.Helper()
	var texts []string
	kittest.Walk(sc.reports.body.Objects[0], func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	for i, s := range texts {
		if s == label && i+1 < len(texts) {
			return texts[i+1]
		}
	}
	t.Fatalf("the summary has no line %q: %q", label, texts)
	return ""
}

func TestReportsTabShowsThisWeek(t *testing.T) {
	e, sc := reportsDesk(t, kit.Chinese)
	rt := sc.reports
	if rt.span.Selected != "本周" || rt.rep == nil {
		t.Fatalf("the tab opened on %q with no report", rt.span.Selected)
	}
	now := e.Clock.Now().In(e.Session.Location())
	monday := time.Date(now.Year(), now.Month(), now.Day()-(int(now.Weekday())+6)%7, 0, 0, 0, 0, now.Location())
	want := openedSince(t, e, monday)
	if want == 0 {
		t.Fatal("the demo hotel has no request this week: nothing to check")
	}
	if got := summaryValue(t, sc, "客人需求"); got != strconv.Itoa(want) {
		t.Errorf("the summary shows %s guest requests this week, the store holds %d", got, want)
	}
	kittest.Shows(t, sc.Content(), "报表", "打印报表", "导出表格（Excel）", "概览", "各部门用时", "每日需求", "借用最多的物品")
	if !strings.Contains(rt.period.Text, "对比") {
		t.Errorf("the period line reads %q", rt.period.Text)
	}
	charts := 0
	kittest.Walk(rt.body, func(o fyne.CanvasObject) {
		if _, ok := o.(*canvas.Image); ok {
			charts++
		}
	})
	if charts != 5 {
		t.Errorf("%d charts shown, want 5", charts)
	}
}

// TestReportsCustomRangeAtItsLimit: a year of days (366) is read; one
// day more, a backward range or a date typed wrong is refused with a
// sentence saying what to do, and the report shown stays.
func TestReportsCustomRangeAtItsLimit(t *testing.T) {
	_, sc := reportsDesk(t, kit.English)
	rt := sc.reports
	rt.span.SetSelected(lang.L("report.span.custom"))
	if !rt.custom.Visible() {
		t.Fatal("no date entries for days of one's choice")
	}
	for _, tc := range []struct {
		from, to string
		problem  string
	}{
		{"2025-03-01", "2026-03-01", ""},
		{"2025-03-01", "2026-03-02", "A report covers at most 366 days — pick a shorter range."},
		{"2026-03-02", "2026-03-01", "The last day is before the first — pick the days again."},
		{"1 March", "2026-03-01", lang.L("report.bad_dates")},
	} {
		before := rt.rep
		rt.from.SetText(tc.from)
		rt.to.SetText(tc.to)
		rt.load()
		switch {
		case tc.problem == "" && (rt.problem.Visible() || rt.rep.Period.Days() != 366):
			t.Errorf("%s to %s: %q, %d days", tc.from, tc.to, rt.problem.Text, rt.rep.Period.Days())
		case tc.problem != "" && (!rt.problem.Visible() || rt.problem.Text != tc.problem || rt.rep != before):
			t.Errorf("%s to %s: the tab says %q, want %q and the report kept", tc.from, tc.to, rt.problem.Text, tc.problem)
		}
	}
}

func TestPrintReport(t *testing.T) {
	e, sc := reportsDesk(t, kit.Chinese)
	dir := filepath.Join(t.TempDir(), "prints")
	e.Session.SetPrinter(paper.Folder{Dir: dir, Open: func(string) error { return nil }})
	done := make(chan string, 1)
	sc.reports.printed = func(path string) { done <- path }
	test.Tap(sc.reports.print)
	var path string
	select {
	case path = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("nothing printed within 60 s")
	}
	text := strings.Join(strings.Fields(run(t, "pdftotext", "-enc", "UTF-8", path, "-")), " ")
	for _, w := range []string{"服务报表", "概览", "客人需求", "各部门用时", "各楼层来电类别", "第 1 页"} {
		if !strings.Contains(text, w) {
			t.Errorf("the printed report lacks %q: %s", w, text)
		}
	}
}

func TestExportReportTables(t *testing.T) {
	_, sc := reportsDesk(t, kit.Chinese)
	book := filepath.Join(t.TempDir(), "服务报表.xlsx")
	w, err := kittest.SaveFile(book)
	sc.reports.saveExport(w, err)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"概览", "各部门用时", "投诉", "每日需求", "借用最多的物品", "员工钥匙逾期", "员工出勤", "来电类别", "各楼层来电类别", "各房型来电类别"}
	got := f.GetSheetList()
	if len(got) == len(want) { // the week's topics sheet is named with its dates
		got[7], _, _ = strings.Cut(got[7], "（")
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	rows, _ := f.GetRows("概览")
	if len(rows) < 10 || rows[0][0] != "指标" || rows[1][0] != "客人需求" {
		t.Fatalf("summary sheet %q", rows)
	}
	if got := rows[1][1]; got != summaryValue(t, sc, "客人需求") {
		t.Errorf("the workbook says %s requests, the screen %s", got, summaryValue(t, sc, "客人需求"))
	}
	// The demo hotel's staff come to work every day: a line each, whose
	// days add up to the summary's figure.
	people, _ := f.GetRows("员工出勤")
	if len(people) < 2 || people[0][0] != "员工" || people[0][1] != "出勤天数" {
		t.Fatalf("attendance sheet %q", people)
	}
	sum := 0
	for _, p := range people[1:] {
		n, _ := strconv.Atoi(p[1])
		sum += n
	}
	if got := summaryValue(t, sc, "员工出勤人次"); got != strconv.Itoa(sum) {
		t.Errorf("the summary counts %s days worked, the people's lines %d", got, sum)
	}
	days, _ := f.GetRows("每日需求")
	if len(days) != sc.reports.rep.Period.Days()+1 {
		t.Errorf("%d rows of days, want a header and %d days", len(days), sc.reports.rep.Period.Days())
	}
}

// run runs a poppler tool, skipping the test where it is not installed
// (CI installs it).
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed: scripts/setup-deps.sh test installs poppler-utils", name)
		}
		t.Skipf("%s is not installed (poppler-utils)", name)
	}
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}
