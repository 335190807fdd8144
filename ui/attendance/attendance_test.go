package attendance

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"floordesk/app"
	appattendance "floordesk/app/attendance"
	"floordesk/export"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// world is desk D1 with a supervisor (Li Na, S01) signed in and three
// attendants of the morning shift (07:00–15:00), every PIN 1234, showing
// the attendance screen at 06:50 on 2026-03-03, the hotel in zone.
func world(t *testing.T, language string, zone *time.Location) (*kittest.Env, *Screen) {
	t.Helper()
	e := kittest.NewIn(t, language)
	e.Svc.DeskCode = "D1"
	e.Svc.Location = zone
	sup := e.Supervisor(t)
	for _, a := range []struct{ id, name string }{{"A01", "Wang Fang"}, {"A02", "Zhang Wei"}, {"A03", "Chen Jing"}} {
		e.Attendant(t, sup.ID, a.id, a.name)
		must(t, e.Svc.UpdateStaff(sup.ID, a.id, "housekeeping", app.RoleAttendant, "morning"))
	}
	e.SignIn(t, sup.ID)
	e.Clock.Set(time.Date(2026, 3, 3, 6, 50, 0, 0, zone))
	sc := New(e.Session, e.Svc).(*Screen)
	e.Window.SetContent(sc.Content())
	return e, sc
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// clockAt types the staff number and PIN into the panel and taps a
// button.
func clockAt(sc *Screen, staff, pin string, in bool) {
	test.Type(sc.clock.staff, staff)
	test.Type(sc.clock.pin, pin)
	if in {
		test.Tap(sc.clock.in)
	} else {
		test.Tap(sc.clock.out)
	}
}

// listed are the names the list shows, in order.
func listed(sc *Screen) []string {
	var out []string
	for _, id := range sc.List().IDs() {
		r := kit.NewRow()
		d, _ := sc.Record(id)
		sc.fillRow(d, r)
		title, _, _ := r.Texts()
		out = append(out, strings.SplitN(title, " · ", 2)[0])
	}
	return out
}

// TestClockInByPIN: staff clock in with their number and PIN at the
// desk; the on-duty list and the dashboard tile show them; clocking in
// twice, out without in, and a wrong PIN say what to do; clocking out
// takes them off the list.
func TestClockInByPIN(t *testing.T) {
	e, sc := world(t, kit.English, time.UTC)
	clockAt(sc, "A01", "1234", true)
	if got := sc.clock.said.Text; got != "Wang Fang clocked in at 06:50." {
		t.Errorf("the panel says %q", got)
	}
	if sc.clock.staff.Text != "" || sc.clock.pin.Text != "" {
		t.Errorf("the panel keeps %q / %q after clocking in", sc.clock.staff.Text, sc.clock.pin.Text)
	}
	e.Clock.Set(time.Date(2026, 3, 3, 7, 20, 0, 0, time.UTC))
	clockAt(sc, "A02", "1234", true)
	sc.Refresh(nil)
	if got := listed(sc); strings.Join(got, ",") != "Wang Fang,Zhang Wei" {
		t.Errorf("on duty: %v", got)
	}
	_, _, note := rowOf(sc, "2026-03-03/A02")
	if note != "on duty · late 20 min" {
		t.Errorf("Zhang Wei's row says %q", note)
	}
	clockAt(sc, "A01", "1234", true)
	if got := sc.clock.said.Text; got != "Wang Fang clocked in at 06:50 and has not clocked out — clock out first." {
		t.Errorf("clocking in twice says %q", got)
	}
	if sc.clock.staff.Text != "A01" || sc.clock.pin.Text != "" {
		t.Errorf("after a refusal the panel keeps %q / %q; want the number kept and the PIN cleared", sc.clock.staff.Text, sc.clock.pin.Text)
	}
	sc.clock.staff.SetText("")
	clockAt(sc, "A03", "1234", false)
	if got := sc.clock.said.Text; got != "Chen Jing has not clocked in — clock in first." {
		t.Errorf("clocking out without in says %q", got)
	}
	sc.clock.staff.SetText("")
	clockAt(sc, "A03", "9999", true)
	if got := sc.clock.said.Text; !strings.HasPrefix(got, "Wrong PIN for Chen Jing") {
		t.Errorf("a wrong PIN says %q", got)
	}
	if n := onDutyTile(t, e, sc); n != 2 {
		t.Errorf("the dashboard counts %d on duty, want 2", n)
	}
	sc.clock.staff.SetText("")
	e.Clock.Set(time.Date(2026, 3, 3, 15, 2, 0, 0, time.UTC))
	clockAt(sc, "A01", "1234", false)
	sc.Refresh(nil)
	if got := listed(sc); strings.Join(got, ",") != "Zhang Wei" {
		t.Errorf("on duty after Wang Fang left: %v", got)
	}
	if n := onDutyTile(t, e, sc); n != 1 {
		t.Errorf("the dashboard counts %d on duty, want 1", n)
	}
}

func rowOf(sc *Screen, id string) (title, detail, note string) {
	r := kit.NewRow()
	d, _ := sc.Record(id)
	sc.fillRow(d, r)
	return r.Texts()
}

func onDutyTile(t *testing.T, e *kittest.Env, sc *Screen) int {
	t.Helper()
	view, err := Dashboard(e.Svc).Load()
	must(t, err)
	return view(e.Clock.Now()).Counts[TileOnDuty].N
}

// TestABadgeScanClocksInAndOut: the screen takes a scanned staff number
// as its owner's badge (in, then out); a tag that is no staff number is
// not its own; a double scan says so.
func TestABadgeScanClocksInAndOut(t *testing.T) {
	e, sc := world(t, kit.Chinese, time.UTC)
	if !sc.TakeTag("A03") {
		t.Fatal("the screen did not take the badge A03")
	}
	if got := e.Session.LastNotice(); got != "Chen Jing 已于 06:50 签到上班。" {
		t.Errorf("the desk says %q", got)
	}
	if sc.TakeTag("K-0801") || sc.TakeTag(strings.Repeat("9", appattendance.MaxStaffRunes+1)) {
		t.Error("the screen took a tag that is no staff number")
	}
	e.Clock.Set(time.Date(2026, 3, 3, 6, 51, 0, 0, time.UTC))
	if !sc.TakeTag("A03") || !strings.Contains(e.Session.LastNotice(), "重复刷卡未计入") {
		t.Errorf("a double scan says %q", e.Session.LastNotice())
	}
	e.Clock.Set(time.Date(2026, 3, 3, 15, 0, 0, 0, time.UTC))
	sc.TakeTag("A03")
	if got := e.Session.LastNotice(); got != "Chen Jing 已于 15:00 签退下班。" {
		t.Errorf("the second scan says %q", got)
	}
}

// TestASupervisorClosesAForgottenClockOut: yesterday's clock-in never
// clocked out shows as forgotten; the supervisor enters the time Wang
// Fang left with a note (past its limit refused at its field), and the
// day shows the clock-out and its note.
func TestASupervisorClosesAForgottenClockOut(t *testing.T) {
	e, sc := world(t, kit.English, time.UTC)
	clockAt(sc, "A01", "1234", true)
	e.Clock.Set(time.Date(2026, 3, 4, 7, 0, 0, 0, time.UTC))
	sc.Refresh(nil)
	sc.Filter().SetSelectedIndex(3) // forgot to clock out
	if got := listed(sc); strings.Join(got, ",") != "Wang Fang" {
		t.Fatalf("forgotten: %v", got)
	}
	d, _ := sc.Record("2026-03-03/A01")
	f := sc.openCloseForm(d, d.Stints[0].In.At)
	if f.out.Text != "15:00" {
		t.Errorf("the form guesses she left at %q, want the shift's end", f.out.Text)
	}
	test.Type(f.note, strings.Repeat("x", appattendance.MaxNoteRunes+1))
	test.Tap(f.Save)
	if got := f.Errs.Text("note"); !strings.Contains(got, "at most 200") {
		t.Errorf("a note past its limit says %q", got)
	}
	f.note.SetText(strings.Repeat("x", appattendance.MaxNoteRunes-20) + " told the desk")
	f.out.SetText("14:45")
	test.Tap(f.Save)
	got, err := e.Svc.WorkDay("2026-03-03/A01")
	must(t, err)
	if got.Open() || !got.Stints[0].Out.At.Equal(time.Date(2026, 3, 3, 14, 45, 0, 0, time.UTC)) {
		t.Fatalf("after the close: %+v", got.Stints)
	}
	kittest.Shows(t, sc.Pane().Content(), "clock-out entered by Li Na")
	_, _, note := rowOf(sc, got.ID)
	if note != "left 15 min early" {
		t.Errorf("the row says %q", note)
	}
}

// TestTheHandoverSectionSaysWhoCameAndWent reads the rows a handover
// saved as the next shift does.
func TestTheHandoverSectionSaysWhoCameAndWent(t *testing.T) {
	_, _ = world(t, kit.English, time.UTC)
	out := time.Date(2026, 3, 3, 13, 0, 0, 0, time.UTC)
	raw, _ := json.Marshal([]appattendance.HandoverClocking{
		{Staff: "A01", Name: "Wang Fang", In: time.Date(2026, 3, 3, 6, 52, 0, 0, time.UTC)},
		{Staff: "A03", Name: "Chen Jing", In: time.Date(2026, 3, 3, 7, 20, 0, 0, time.UTC), Out: &out, Late: 20, Early: 120},
	})
	s := HandoverSection(raw, time.Date(2026, 3, 3, 14, 50, 0, 0, time.UTC))
	want := []string{"Wang Fang · in 06:52 · on duty", "Chen Jing · in 07:20 · out 13:00 · late 20 min · left 2 h early"}
	if s.Heading != "Staff who came and went this shift (2)" || len(s.Lines) != 2 ||
		s.Lines[0].Text != want[0] || s.Lines[1].Text != want[1] || s.Lines[0].Urgent || !s.Lines[1].Urgent {
		t.Errorf("section %+v", s)
	}
}

// TestTheMonthExportsToAWorkbook: the supervisor's export of the month
// is a workbook with Chinese headers, a row per person per day, times in
// the hotel's zone (Shanghai) and the hours, lateness and marks.
func TestTheMonthExportsToAWorkbook(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	e, sc := world(t, kit.Chinese, cst)
	clockAt(sc, "A01", "1234", true) // 06:50
	e.Clock.Set(time.Date(2026, 3, 3, 7, 12, 0, 0, cst))
	clockAt(sc, "A02", "1234", true)
	e.Clock.Set(time.Date(2026, 3, 3, 15, 5, 0, 0, cst))
	clockAt(sc, "A01", "1234", false)
	e.Clock.Set(time.Date(2026, 3, 3, 15, 20, 0, 0, cst))

	book := filepath.Join(t.TempDir(), "attendance.xlsx")
	w, err := kittest.SaveFile(book)
	if _, err := sc.ExportMonth(e.Clock.Now(), w, err); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(book)
	must(t, err)
	defer f.Close()
	sheet := "考勤 2026-03"
	rows, err := f.GetRows(sheet)
	must(t, err)
	if len(rows) != 3 {
		t.Fatalf("rows %q, want the header and two days", rows)
	}
	if strings.Join(rows[0], ",") != "日期,工号,姓名,班次,签到时间,签退时间,工时（小时）,迟到（分钟）,早退（分钟）,标记,主管备注" {
		t.Errorf("header %q", rows[0])
	}
	if r := rows[1]; r[0] != "2026-03-03" || r[1] != "A01" || r[2] != "Wang Fang" || r[3] != "早班" ||
		r[4] != "2026-03-03 06:50" || r[5] != "2026-03-03 15:05" || r[6] != "8.25" || r[7] != "0" || r[8] != "0" {
		t.Errorf("Wang Fang's row %q", r)
	}
	if r := rows[2]; r[2] != "Zhang Wei" || r[4] != "2026-03-03 07:12" || r[5] != "" || r[7] != "12" || r[9] != "迟到 · 在岗" {
		t.Errorf("Zhang Wei's row %q", r)
	}
	raw, _ := f.GetCellValue(sheet, "E2", excelize.Options{RawCellValue: true})
	v, _ := strconv.ParseFloat(raw, 64)
	if when, err := excelize.ExcelDateToTime(v, false); err != nil || !when.Equal(time.Date(2026, 3, 3, 6, 50, 0, 0, time.UTC)) {
		t.Errorf("clock-in cell %s = %v, want 06:50 on the hotel's clock", raw, when)
	}

	// The list's own Export saves what it lists: those on duty now.
	sc.Refresh(nil)
	listBook := filepath.Join(t.TempDir(), "on-duty.xlsx")
	w, err = kittest.SaveFile(listBook)
	if _, err := sc.ExportTo(export.XLSX, w, err); err != nil {
		t.Fatal(err)
	}
	lf, err := excelize.OpenFile(listBook)
	must(t, err)
	defer lf.Close()
	listed, _ := lf.GetRows("考勤记录")
	if len(listed) != 2 || listed[1][2] != "Zhang Wei" || listed[1][9] != "迟到 · 在岗" {
		t.Errorf("the on-duty list exports %q", listed)
	}
}

// TestScreenshot is the screen at 07:30 with three staff on duty, one
// of them late, and the late one's day open beside the list.
func TestScreenshot(t *testing.T) {
	for _, language := range []string{kit.Chinese, kit.English} {
		e, sc := world(t, language, time.UTC)
		e.UseFontTheme()
		clockAt(sc, "A01", "1234", true)
		sc.TakeTag("S01")
		e.Clock.Set(time.Date(2026, 3, 3, 7, 18, 0, 0, time.UTC))
		clockAt(sc, "A03", "1234", true)
		e.Clock.Set(time.Date(2026, 3, 3, 7, 30, 0, 0, time.UTC))
		sc.Refresh(nil)
		sc.List().SelectID("2026-03-03/A03")
		kittest.Shows(t, sc.Content(), "Wang Fang", "Chen Jing", "Li Na")
		e.MatchShot(t, "attendance-"+language)
	}
}
