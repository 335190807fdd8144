package ui

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"floordesk/app"
	appdemo "floordesk/app/demo"
	"floordesk/ui/attendance"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// clockEnv is the desk signed out at 06:55 on 2026-03-03, showing the
// sign-in, with the attendance register and Wang Fang (A01) and Zhang
// Wei (A02) of the morning shift; every PIN is the demo's.
func clockEnv(t *testing.T) (*kittest.Env, *Shell, *signIn) {
	t.Helper()
	e := kittest.NewIn(t, kit.English)
	sup := e.Supervisor(t)
	for _, a := range []struct{ id, name string }{{"A01", "Wang Fang"}, {"A02", "Zhang Wei"}} {
		e.Attendant(t, sup.ID, a.id, a.name)
		if err := e.Svc.UpdateStaff(sup.ID, a.id, "housekeeping", app.RoleAttendant, "morning"); err != nil {
			t.Fatal(err)
		}
	}
	e.Clock.Set(time.Date(2026, 3, 3, 6, 55, 0, 0, time.UTC))
	sh := NewShell(e.Session, []kit.Register{attendance.Register(e.Session, e.Svc)}, Options{Tick: make(chan time.Time)})
	e.Window.SetContent(sh.Content())
	sh.Start()
	t.Cleanup(sh.Stop)
	return e, sh, findSignIn(t, sh)
}

// TestClockInByPINFromTheSignIn: Wang Fang picks her name, types her PIN
// and presses Clock in; the sign-in says so, the attendance register
// holds her clock-in by PIN, nobody is signed in, and the sign-in is
// ready for the next person (no pick, no PIN, the keyboard in the name
// filter). Her clock-out at the end of the shift goes the same way.
func TestClockInByPINFromTheSignIn(t *testing.T) {
	e, sh, si := clockEnv(t)
	kittest.Shows(t, sh.Content(), "Sign in", "Clock in", "Clock out")
	si.list.SelectID("A01")
	test.Type(si.pin, appdemo.DemoPIN)
	test.Tap(si.in)
	if got := si.said.Text; got != "Wang Fang clocked in at 06:55." {
		t.Errorf("the sign-in says %q", got)
	}
	day, err := e.Svc.WorkDay("2026-03-03/A01")
	if err != nil || len(day.Stints) != 1 || day.Stints[0].In.How != "pin" || day.Open() != true {
		t.Fatalf("her day in the register: %+v, %v", day, err)
	}
	if _, ok := e.Session.User(); ok {
		t.Error("clocking in signed her in")
	}
	if _, ok := sh.step.(*signIn); !ok {
		t.Errorf("after clocking in the desk shows %T, not the sign-in", sh.step)
	}
	if si.list.Selected() != "" || si.pin.Text != "" || e.Window.Canvas().Focused() != si.filter {
		t.Errorf("after clocking in: picked %q, PIN %q, focus %v", si.list.Selected(), si.pin.Text, e.Window.Canvas().Focused())
	}
	e.Clock.Set(time.Date(2026, 3, 3, 15, 4, 0, 0, time.UTC))
	si.list.SelectID("A01")
	test.Type(si.pin, appdemo.DemoPIN)
	test.Tap(si.out)
	if got := si.said.Text; got != "Wang Fang clocked out at 15:04." {
		t.Errorf("the sign-in says %q", got)
	}
	if day, _ := e.Svc.WorkDay("2026-03-03/A01"); day.Open() {
		t.Error("her day is still open after she clocked out")
	}
}

// TestClockingWithAWrongPINIsRefusedWithTriesLeft: a wrong PIN clocks
// nobody; the refusal under the PIN says how many tries are left, as at
// sign-in, and the tries count towards the same lock-out: after them
// even the right PIN signs her in no more. Clocking out without having
// clocked in says what to do.
func TestClockingWithAWrongPINIsRefusedWithTriesLeft(t *testing.T) {
	e, _, si := clockEnv(t)
	si.list.SelectID("A01")
	test.Type(si.pin, "9999")
	test.Tap(si.in)
	if got := si.errs.Text("pin"); !strings.HasPrefix(got, "Wrong PIN for Wang Fang") || !strings.Contains(got, "tries left") {
		t.Errorf("a wrong PIN says %q", got)
	}
	if si.said.Text != "" || si.pin.Text != "" || si.list.Selected() != "A01" {
		t.Errorf("after a wrong PIN: said %q, PIN %q, picked %q; want no confirmation, the PIN cleared, the pick kept", si.said.Text, si.pin.Text, si.list.Selected())
	}
	if _, err := e.Svc.WorkDay("2026-03-03/A01"); err == nil {
		t.Error("a wrong PIN clocked her in")
	}
	for range 5 {
		test.Type(si.pin, "9999")
		test.Tap(si.in)
	}
	if got := si.errs.Text("pin"); strings.Contains(got, "tries left") {
		t.Errorf("after six wrong PINs the refusal reads %q, want the lock-out", got)
	}
	if _, err := e.Svc.Login("A01", appdemo.DemoPIN); err == nil {
		t.Error("wrong PINs given when clocking in did not lock her sign-in out")
	}
	si.list.SelectID("A02")
	test.Type(si.pin, appdemo.DemoPIN)
	test.Tap(si.out)
	if got := si.errs.Text("pin"); got != "Zhang Wei has not clocked in — clock in first." {
		t.Errorf("clocking out without in says %q", got)
	}
}

// TestABadgeScanAtTheSignInClocks: a scanner types Zhang Wei's staff
// number and Enter into the name filter (where the keyboard is at
// sign-in): he is clocked in by badge, the sign-in says so and the
// filter is empty again; a second scan at once is refused as a double
// scan. The same with no field focused clocks him out
// after his shift. The same number typed slowly by hand and Enter clocks
// nobody: it narrows the names to his and picks him, as before.
func TestABadgeScanAtTheSignInClocks(t *testing.T) {
	e, _, si := clockEnv(t)
	if e.Window.Canvas().Focused() != si.filter {
		t.Fatal("the name filter is not focused at sign-in")
	}
	test.Type(si.filter, "A02")
	si.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := si.said.Text; got != "Zhang Wei clocked in at 06:55." {
		t.Errorf("after the scan the sign-in says %q", got)
	}
	if si.filter.Text != "" || len(si.list.IDs()) != 3 {
		t.Errorf("after the scan the filter holds %q and lists %v", si.filter.Text, si.list.IDs())
	}
	day, err := e.Svc.WorkDay("2026-03-03/A02")
	if err != nil || day.Stints[0].In.How != "badge" {
		t.Fatalf("his day: %+v, %v", day, err)
	}
	if _, ok := e.Session.User(); ok {
		t.Error("the scan signed him in")
	}
	test.Type(si.filter, "A02")
	si.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := si.errs.Text(""); !strings.HasPrefix(got, "Zhang Wei was clocked at 06:55 a moment ago") || si.said.Text != "" {
		t.Errorf("a second scan at once says %q (and %q)", got, si.said.Text)
	}

	e.Clock.Set(time.Date(2026, 3, 3, 15, 1, 0, 0, time.UTC))
	e.Window.Canvas().Unfocus()
	test.TypeOnCanvas(e.Window.Canvas(), "A02")
	e.Window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := si.said.Text; got != "Zhang Wei clocked out at 15:01." {
		t.Errorf("after the scan on no field the sign-in says %q", got)
	}

	e.Clock.Set(time.Date(2026, 3, 4, 6, 50, 0, 0, time.UTC))
	now := time.Date(2026, 3, 4, 6, 50, 0, 0, time.UTC)
	si.scan.now = func() time.Time { return now }
	e.Window.Canvas().Focus(si.filter)
	for _, r := range "A02" {
		si.filter.TypedRune(r)
		now = now.Add(200 * time.Millisecond)
	}
	si.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, err := e.Svc.WorkDay("2026-03-04/A02"); err == nil {
		t.Error("the staff number typed by hand clocked him in")
	}
	if si.list.Selected() != "A02" || e.Window.Canvas().Focused() != si.pin {
		t.Errorf("typed by hand: picked %q, want Zhang Wei picked and the keyboard in the PIN", si.list.Selected())
	}
}

// TestAScanOfNoBadgeAtTheSignInSaysSo: a key's tag scanned on the
// sign-in with no field focused clocks nobody and says to sign in.
func TestAScanOfNoBadgeAtTheSignInSaysSo(t *testing.T) {
	e, _, si := clockEnv(t)
	e.Window.Canvas().Unfocus()
	test.TypeOnCanvas(e.Window.Canvas(), "F3-MASTER")
	e.Window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := si.errs.Text(""); !strings.Contains(got, "F3-MASTER") || !strings.Contains(got, "sign in first") {
		t.Errorf("the sign-in says %q", got)
	}
}

// TestABadgeScannedIntoThePINClocksAndCostsNoTry: Wang Fang picked her
// name and walked off; Zhang Wei scans his badge with the keyboard in
// her PIN. He is clocked in; her PIN tries are untouched; a key's tag
// scanned there is no PIN either.
func TestABadgeScannedIntoThePINClocksAndCostsNoTry(t *testing.T) {
	e, _, si := clockEnv(t)
	si.list.SelectID("A01")
	if e.Window.Canvas().Focused() != si.pin {
		t.Fatal("picking a name does not move the keyboard to the PIN")
	}
	test.Type(si.pin, "A02") // at scanner pace: the test's clock stands still
	si.pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := si.said.Text; got != "Zhang Wei clocked in at 06:55." {
		t.Errorf("after the scan into the PIN the sign-in says %q (refusal %q)", got, si.errs.Text("pin"))
	}
	if si.pin.Text != "" || si.errs.Text("pin") != "" {
		t.Errorf("the PIN holds %q, refusal %q", si.pin.Text, si.errs.Text("pin"))
	}
	for range 6 { // more than the wrong PINs that lock a sign-in
		si.list.SelectID("A01")
		test.Type(si.pin, "F3-123")
		si.pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if got := si.errs.Text(""); !strings.Contains(got, "F3-123") || si.pin.Text != "" {
			t.Fatalf("a key's tag scanned into the PIN: %q, PIN %q", got, si.pin.Text)
		}
	}
	if _, err := e.Svc.Login("A01", appdemo.DemoPIN); err != nil {
		t.Errorf("her sign-in after the scans: %v", err)
	}
}

// driverType types text into f as the desktop driver delivers a key
// board's (and a scanner's) typing, seen in the real window: for each
// character a key press (Shift first for a capital), then the character.
func driverType(f fyne.Focusable, text string) {
	for _, r := range text {
		if unicode.IsUpper(r) {
			f.TypedKey(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyName(strings.ToUpper(string(r)))})
		f.TypedRune(r)
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// TestABadgeScanAsTheDriverDeliversIt: the driver presses a key before
// each character; a scan is still a scan, into the name filter and into
// the PIN; a Backspace in the middle makes it typing.
func TestABadgeScanAsTheDriverDeliversIt(t *testing.T) {
	e, _, si := clockEnv(t)
	driverType(si.filter, "A02")
	if got := si.said.Text; got != "Zhang Wei clocked in at 06:55." {
		t.Fatalf("a scan into the filter: the sign-in says %q", got)
	}
	e.Clock.Set(time.Date(2026, 3, 3, 15, 0, 0, 0, time.UTC))
	si.list.SelectID("A01")
	driverType(si.pin, "A02")
	if got := si.said.Text; got != "Zhang Wei clocked out at 15:00." || si.pin.Text != "" {
		t.Fatalf("a scan into the PIN: the sign-in says %q, the PIN holds %q", got, si.pin.Text)
	}
	e.Clock.Set(time.Date(2026, 3, 3, 15, 30, 0, 0, time.UTC))
	e.Window.Canvas().Focus(si.filter)
	for _, r := range "A0" {
		si.filter.TypedRune(r)
	}
	si.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) // "A", fixed by hand
	driverType(si.filter, "02")
	day, err := e.Svc.WorkDay("2026-03-03/A02")
	if err != nil || len(day.Stints) != 1 || si.list.Selected() != "A02" || si.filter.Text != "A02" {
		t.Errorf("typed with a Backspace: filter %q, picked %q, his day %+v, %v", si.filter.Text, si.list.Selected(), day.Stints, err)
	}
}
