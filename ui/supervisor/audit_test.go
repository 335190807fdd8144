package supervisor

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	appdemo "floordesk/app/demo"
	appreports "floordesk/app/reports"
	"floordesk/data"
	"floordesk/export"
	"floordesk/tabular"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

var shanghai = time.FixedZone("CST", 8*3600)

// auditDesk is a Chinese desk in Shanghai's zone whose store stamps
// events with the test's clock, holding staff added at the edges of 4
// March (hotel time): A02 at 00:00:00 sharp, A03 at 23:59, A04 at 00:00
// on the 5th. It shows the supervisor screen with the session's updates
// on the test goroutine.
func auditDesk(t *testing.T) (*data.Store, *fyneLoop, *Screen) {
	t.Helper()
	e := kittest.NewIn(t, kit.Chinese) // the Fyne test app and window
	clock := apptest.NewClock(time.Date(2026, 3, 3, 22, 0, 0, 0, shanghai))
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-audit", Fold: app.Fold, Index: app.Index,
		IndexVersion: app.IndexVersion, GCInterval: -1, Wall: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := app.New(st, clock.Now)
	svc.PINCost = app.PINCost{Time: 1, MemoryKiB: 64, Threads: 1}
	svc.Location = shanghai
	if _, err := svc.FirstSupervisor(app.NewStaff{Number: "S01", Name: "李娜", Department: "housekeeping",
		Role: app.RoleSupervisor, PIN: appdemo.DemoPIN}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		at   time.Time
		id   string
		name string
	}{
		{time.Date(2026, 3, 4, 0, 0, 0, 0, shanghai), "A02", "王芳"},
		{time.Date(2026, 3, 4, 23, 59, 0, 0, shanghai), "A03", "张伟"},
		{time.Date(2026, 3, 5, 0, 0, 0, 0, shanghai), "A04", "Smith, John"},
	} {
		clock.Set(a.at)
		if _, err := svc.AddStaff("S01", app.NewStaff{Number: a.id, Name: a.name, Department: "housekeeping",
			Role: app.RoleAttendant, PIN: appdemo.DemoPIN}); err != nil {
			t.Fatal(err)
		}
	}
	s := kit.NewSession(svc, st, e.Window)
	loop := &fyneLoop{queue: make(chan func(), 64)}
	s.Do = func(f func()) { loop.queue <- f }
	staff, err := svc.Login("S01", appdemo.DemoPIN)
	if err != nil {
		t.Fatal(err)
	}
	s.SignIn(staff)
	sc := newScreen(s, registers.New(svc), &data.AutoBackup{Store: st, Dir: st.Dir() + "-backups", Now: clock.Now}, appreports.New(svc))
	e.Window.SetContent(sc.Content())
	return st, loop, sc
}

// inRange are the IDs of the events of st whose stamp is on 4 March,
// hotel time, read straight from the store.
func inRange(t *testing.T, st *data.Store) []string {
	t.Helper()
	evs, _, err := st.Log(0, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	from, to := time.Date(2026, 3, 4, 0, 0, 0, 0, shanghai), time.Date(2026, 3, 5, 0, 0, 0, 0, shanghai)
	var ids []string
	for _, ev := range evs {
		if at := ev.HLC.Time(); !at.Before(from) && at.Before(to) {
			ids = append(ids, ev.ID)
		}
	}
	return ids
}

// export runs the data tab's audit export of 4 March in format f into a
// file and waits for it to end.
func exportDay(t *testing.T, loop *fyneLoop, sc *Screen, f export.Format, name string) {
	t.Helper()
	p := sc.data.audit
	p.from.SetText("2026-03-04")
	p.to.SetText("2026-03-04")
	from, to, ok := p.span()
	if !ok {
		t.Fatal("the range typed is refused")
	}
	w, err := kittest.SaveFile(name)
	p.Export(f, from, to, w, err)
	if !p.button.Disabled() {
		t.Error("the button stays enabled while the export runs")
	}
	loop.until(t, "the export", func() bool { return !p.button.Disabled() })
}

// TestAuditExportHasTheEventsOfTheRange: the auditor's export of one day
// holds exactly the events stamped that day on the hotel's clock (the one
// at midnight sharp included, the one at the next midnight not), each
// with its time as an Excel date-time, the staff by ID and name, the
// record and the body with the PIN's hash hidden; headers in Chinese.
// The CSV of the same day has the same events.
func TestAuditExportHasTheEventsOfTheRange(t *testing.T) {
	st, loop, sc := auditDesk(t)
	want := inRange(t, st)
	if len(want) < 2 {
		t.Fatalf("%d events on the day; the set-up went wrong", len(want))
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "事件记录.xlsx")
	exportDay(t, loop, sc, export.XLSX, book)
	if got, wantText := sc.data.audit.result.Text, "已导出到 "+book; got != wantText {
		t.Fatalf("the tab says %q, want %q", got, wantText)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("事件记录")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"时间", "服务台", "员工编号", "员工姓名", "记录类型", "记录编号", "操作类型", "事件编号", "内容（JSON）"}; !slices.Equal(rows[0], want) {
		t.Errorf("header %q", rows[0])
	}
	var got, records []string
	for _, r := range rows[1:] {
		got = append(got, r[7])
		records = append(records, r[5])
		if r[2] != "S01" || r[3] != "李娜" || r[1] != "desk-audit" {
			t.Errorf("row %q: want desk-audit, S01 李娜", r)
		}
		if strings.Contains(r[8], "argon2") || !strings.Contains(r[8], `"pin_hash":"(hidden)"`) {
			t.Errorf("body %s: the PIN's hash shows", r[8])
		}
	}
	if !slices.Equal(got, want) || !slices.Equal(records, []string{"A02", "A03"}) {
		t.Fatalf("exported events %q of %q, want %q (A02 and A03)", got, records, want)
	}
	raw, _ := f.GetCellValue("事件记录", "A2", excelize.Options{RawCellValue: true})
	serial, _ := strconv.ParseFloat(raw, 64)
	if when, err := excelize.ExcelDateToTime(serial, false); err != nil || !when.Equal(time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the first time is %s = %v, want 2026-03-04 00:00 on the hotel's clock", raw, when)
	}

	text := filepath.Join(dir, "事件记录.csv")
	exportDay(t, loop, sc, export.CSV, text)
	b, err := os.ReadFile(text)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := tabular.Read(bytes.NewReader(b), tabular.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var fromCSV []string
	for _, r := range tab.Rows[1:] {
		fromCSV = append(fromCSV, r.Cell(7))
	}
	if !slices.Equal(fromCSV, want) || tab.Rows[1].Cell(0) != "2026-03-04 00:00" {
		t.Errorf("the CSV has %q (first time %q), want %q", fromCSV, tab.Rows[1].Cell(0), want)
	}
}

// TestAuditExportRefusesABackwardRange: a last day before the first is
// refused in words, and nothing is asked.
func TestAuditExportRefusesABackwardRange(t *testing.T) {
	_, _, sc := auditDesk(t)
	p := sc.data.audit
	p.from.SetText("2026-03-05")
	p.to.SetText("2026-03-04")
	p.ask(export.XLSX)
	if want := "请按 2026-03-01 的格式输入两个日期，开始日期不能晚于结束日期。"; p.result.Text != want {
		t.Errorf("the tab says %q, want %q", p.result.Text, want)
	}
}
