package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"floordesk/app"
	"floordesk/ui/attendance"
	"floordesk/ui/keys"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestABadgeScanAnywhereClocksIn: with the keys screen in front and no
// field focused, a scanner types Wang Fang's staff number and Enter; no
// key has that tag, so her badge clocks her in and the desk says so,
// leaving the keys screen in front. The attendance screen lists her on
// duty, and her next scan after the shift clocks her out.
func TestABadgeScanAnywhereClocksIn(t *testing.T) {
	e := kittest.NewIn(t, kit.English)
	sup := e.Supervisor(t)
	e.Attendant(t, sup.ID, "A01", "Wang Fang")
	if err := e.Svc.UpdateStaff(sup.ID, "A01", "housekeeping", app.RoleAttendant, "morning"); err != nil {
		t.Fatal(err)
	}
	e.Clock.Set(time.Date(2026, 3, 3, 6, 55, 0, 0, time.UTC))
	att := attendance.Register(e.Session, e.Svc)
	sh := NewShell(e.Session, []kit.Register{keys.Register(e.Session, e.Svc), att}, Options{Tick: make(chan time.Time)})
	e.Window.SetContent(sh.Content())
	sh.Start()
	t.Cleanup(sh.Stop)
	e.SignIn(t, sup.ID)
	sh.showCurrent()
	sh.Select("keys")
	e.Window.Canvas().Unfocus()

	scan := func() {
		test.TypeOnCanvas(e.Window.Canvas(), "A01")
		e.Window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	scan()
	if got := e.Session.LastNotice(); got != "Wang Fang clocked in at 06:55." {
		t.Errorf("after the scan the desk says %q", got)
	}
	if sh.Current().ID() != "keys" {
		t.Errorf("the scan brought %s to the front", sh.Current().ID())
	}
	day, err := e.Svc.WorkDay("2026-03-03/A01")
	if err != nil || day.Stints[0].In.How != "badge" {
		t.Fatalf("her day: %+v, %v", day, err)
	}
	sc := att.Screen.(*attendance.Screen)
	sc.Refresh(nil)
	if ids := sc.List().IDs(); len(ids) != 1 || !strings.HasSuffix(ids[0], "/A01") {
		t.Errorf("on duty: %v", ids)
	}
	e.Clock.Set(time.Date(2026, 3, 3, 15, 1, 0, 0, time.UTC))
	scan()
	if got := e.Session.LastNotice(); got != "Wang Fang clocked out at 15:01." {
		t.Errorf("after the second scan the desk says %q", got)
	}
}
