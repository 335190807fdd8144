package attendance

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	appdemo "floordesk/app/demo"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// fillEnter types a missed clock-in into the form.
func fillEnter(f *enterForm, staff, date, in, out, note string) {
	f.staff.SetSelected(staff)
	f.date.SetText(date)
	f.in.SetText(in)
	f.out.SetText(out)
	f.note.SetText(note)
}

// TestASupervisorEntersAMissedClockIn: the next morning the supervisor
// enters Chen Jing's day of 07:12–15:00 she never clocked. The desk
// asks the PIN again first; a time it cannot read and a missing note are
// said at their fields; once saved her day shows the clock-in entered by
// the supervisor and her lateness as entered, not measured, on the list
// and in the month's workbook. The same time again overlaps and is
// refused.
func TestASupervisorEntersAMissedClockIn(t *testing.T) {
	e, sc := world(t, kit.English, time.UTC)
	e.Clock.Set(time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC))
	sc.Refresh(nil)
	kittest.Shows(t, sc.Content(), "Enter a missed clock-in…")
	f := sc.openEnterForm("", "")
	if f.date.Text != "2026-03-04" {
		t.Errorf("the form's day is %q, want today", f.date.Text)
	}
	fillEnter(f, "Chen Jing · A03", "2026-03-03", "7h12", "15:00", "")
	test.Tap(f.Save)
	pin := e.Session.AskingPIN()
	if pin == nil {
		t.Fatal("the desk did not ask the supervisor's PIN again a day after sign-in")
	}
	test.Type(pin, appdemo.DemoPIN)
	pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := f.Errs.Text("in"); got != "Type the time they came like 07:00." {
		t.Errorf("a time it cannot read says %q", got)
	}
	f.in.SetText("07:12")
	test.Tap(f.Save)
	if got := f.Errs.Text("note"); got == "" {
		t.Error("no note was said nothing of")
	}
	note := "badge left at home; the floor supervisor saw her at 07:12"
	f.note.SetText(note)
	test.Tap(f.Save)
	if got := e.Session.LastNotice(); got != "The clock-in of Chen Jing is entered." {
		t.Fatalf("after saving the desk says %q (form: %q)", got, f.Errs.Text(""))
	}
	day, err := e.Svc.WorkDay("2026-03-03/A03")
	must(t, err)
	if len(day.Stints) != 1 || day.Stints[0].In.By != "S01" || day.Worked() != 7*time.Hour+48*time.Minute {
		t.Fatalf("her day: %+v", day)
	}
	if _, _, got := rowOf(sc, day.ID); got != "late 12 min (entered time, not measured)" {
		t.Errorf("her row says %q", got)
	}
	kittest.Shows(t, sc.detail(day), "clock-in entered by Li Na", note)

	f = sc.openEnterForm("A03", "2026-03-03")
	fillEnter(f, "Chen Jing · A03", "2026-03-03", "14:00", "16:00", "again")
	test.Tap(f.Save)
	if got := f.Errs.Text(""); !strings.Contains(got, "overlaps") {
		t.Errorf("the same time again says %q", got)
	}

	book := filepath.Join(t.TempDir(), "attendance.xlsx")
	w, err := kittest.SaveFile(book)
	if _, err := sc.ExportMonth(time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), w, err); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(book)
	must(t, err)
	defer x.Close()
	rows, err := x.GetRows("Attendance 2026-03")
	must(t, err)
	if len(rows) != 2 {
		t.Fatalf("rows %q", rows)
	}
	if r := rows[1]; r[1] != "A03" || r[4] != "2026-03-03 07:12" || r[7] != "12" ||
		r[9] != "late (entered time, not measured) · clock-in entered by a supervisor" || r[10] != note {
		t.Errorf("her row in the workbook %q", r)
	}
}

// TestEnteringAMissedClockInAtItsLimits: a day MaxEnterBackDays back is
// taken, one more is refused at the time they came; a note past its
// limit is said as it is typed. Attendants do not see the entry.
func TestEnteringAMissedClockInAtItsLimits(t *testing.T) {
	e, sc := world(t, kit.English, time.UTC)
	e.Clock.Set(time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC))
	e.SignIn(t, "S01")
	f := sc.openEnterForm("A02", "")
	fillEnter(f, "Zhang Wei · A02", "2026-01-31", "07:00", "15:00", "sick note came late")
	test.Tap(f.Save)
	if got := f.Errs.Text("in"); !strings.Contains(got, "31 days back (from 2026-02-01)") {
		t.Errorf("32 days back says %q", got)
	}
	f.date.SetText("2026-02-01")
	f.note.SetText(strings.Repeat("x", 201))
	if got := f.Errs.Text("note"); !strings.Contains(got, "at most 200") {
		t.Errorf("a note past its limit says %q", got)
	}
	f.note.SetText(strings.Repeat("x", 200))
	test.Tap(f.Save)
	if _, err := e.Svc.WorkDay("2026-02-01/A02"); err != nil {
		t.Errorf("the day 31 days back was not entered: %v (form: %q)", err, f.Errs.Text(""))
	}

	e.SignIn(t, "A01")
	sc.Refresh(nil)
	if sc.exports.Visible() {
		t.Error("an attendant sees the supervisor's tools")
	}
}
