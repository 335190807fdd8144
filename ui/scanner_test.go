package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"floordesk/ui/kit"
)

// scanEnv is the shell signed in as a supervisor, on the dashboard, with
// no field focused.
func scanEnv(t *testing.T) *shellEnv {
	t.Helper()
	se := newShellEnv(t, kit.English, nil)
	se.Supervisor(t)
	se.SignIn(t, "S01")
	se.sh.showCurrent()
	se.sh.Select("dashboard")
	se.Window.Canvas().Unfocus()
	return se
}

func (se *shellEnv) pressEnter() {
	se.Window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// TestAScanAnywhereOpensItsRecord: a scanner types a key tag and Enter
// with no field focused; the key screen comes to the front with the key,
// and Enter starts its form. A tag of another kind (a found item's) goes
// to the screen that owns it.
func TestAScanAnywhereOpensItsRecord(t *testing.T) {
	se := scanEnv(t)
	test.TypeOnCanvas(se.Window.Canvas(), "F3-MASTER")
	se.pressEnter()
	if se.sh.Current().ID() != "keys" || len(se.keys.shown) != 1 || se.keys.shown[0] != "F3-MASTER" {
		t.Fatalf("the scan left %s in front, keys shown %v", se.sh.Current().ID(), se.keys.shown)
	}
	if f := se.Window.Canvas().Focused(); f != nil {
		t.Errorf("after the scan %v has the keyboard; the next scan would go into it", f)
	}
	se.pressEnter()
	if se.keys.acts != 1 {
		t.Errorf("Enter after the scan ran the key's form %d times, want 1", se.keys.acts)
	}
}

// TestTypingByHandIsNoScan: characters typed slower than a scanner types
// open nothing, and neither does a stray key before Enter.
func TestTypingByHandIsNoScan(t *testing.T) {
	se := scanEnv(t)
	now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	se.sh.main.scan.now = func() time.Time { return now }
	for _, r := range "F3-MASTER" {
		se.Window.Canvas().OnTypedRune()(r)
		now = now.Add(200 * time.Millisecond)
	}
	se.pressEnter()
	test.TypeOnCanvas(se.Window.Canvas(), "F3")
	se.pressEnter()
	if se.sh.Current().ID() != "dashboard" || len(se.keys.shown) != 0 {
		t.Errorf("typing by hand opened %v on %s", se.keys.shown, se.sh.Current().ID())
	}
}

// TestAScanHeldUpByABusyDeskIsStillAScan: one character of a scan held
// back 400 ms by the desk (a refresh on a slow PC) still makes the whole
// tag, not its tail.
func TestAScanHeldUpByABusyDeskIsStillAScan(t *testing.T) {
	se := scanEnv(t)
	now := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	se.sh.main.scan.now = func() time.Time { return now }
	for i, r := range "F3-MASTER" {
		gap := 5 * time.Millisecond
		if i == 4 {
			gap = 400 * time.Millisecond
		}
		now = now.Add(gap)
		se.Window.Canvas().OnTypedRune()(r)
	}
	now = now.Add(10 * time.Millisecond)
	se.pressEnter()
	if len(se.keys.shown) != 1 || se.keys.shown[0] != "F3-MASTER" {
		t.Errorf("the held-up scan opened %v", se.keys.shown)
	}
}

// TestASlowScanDoesNotActOnTheRecordInFront: a scan too slow to be read
// as one (a tired scanner, a tag typed by hand) ends with Enter; the
// record in front is not acted on (the key shown would be signed in),
// and the desk says where typing goes.
func TestASlowScanDoesNotActOnTheRecordInFront(t *testing.T) {
	se := scanEnv(t)
	test.TypeOnCanvas(se.Window.Canvas(), "F3-MASTER")
	se.pressEnter()
	if len(se.keys.shown) != 1 {
		t.Fatalf("the scan opened %v", se.keys.shown)
	}
	now := time.Now()
	se.sh.main.scan.now = func() time.Time { return now }
	for _, r := range "LF261207-D1-001" {
		se.Window.Canvas().OnTypedRune()(r)
	}
	now = now.Add(time.Second)
	se.pressEnter()
	if se.keys.acts != 0 {
		t.Errorf("Enter after a slow scan acted on the key in front %d times", se.keys.acts)
	}
	if got := se.Session.LastNotice(); got != "What was typed went to no field, so nothing was done. To find a record, press F3 and type into the search." {
		t.Errorf("the desk says %q", got)
	}
	se.pressEnter()
	if se.keys.acts != 1 {
		t.Errorf("Enter alone did not act on the key in front (%d)", se.keys.acts)
	}
}

// TestAnUnknownScanSaysSo: a tag no record has leaves the screen in front
// and says what to do.
func TestAnUnknownScanSaysSo(t *testing.T) {
	se := scanEnv(t)
	test.TypeOnCanvas(se.Window.Canvas(), "XX-404")
	se.pressEnter()
	if se.sh.Current().ID() != "dashboard" {
		t.Errorf("an unknown tag brought %s to the front", se.sh.Current().ID())
	}
	if got := se.Session.LastNotice(); got != "No key, found item or lent item has the tag XX-404. Check the tag, or type it into the search." {
		t.Errorf("the desk says %q", got)
	}
}

// TestEscWithNoFieldFocusedCancelsTheForm: Esc reaches the screen in
// front when no field has the keyboard (a choice was just picked).
func TestEscWithNoFieldFocusedCancelsTheForm(t *testing.T) {
	se := scanEnv(t)
	se.sh.Select("keys")
	se.Window.Canvas().Unfocus()
	se.Window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if se.keys.escapes != 1 {
		t.Errorf("Esc reached the key screen %d times, want 1", se.keys.escapes)
	}
}
