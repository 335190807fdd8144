package keys

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	appdemo "floordesk/app/demo"
	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// world is desk D1 with a floor master and a section key on its board,
// attendants Wang Fang (signed in) and Zhang Wei, showing the key screen.
func world(t *testing.T, language string) (*kittest.Env, *Screen) {
	t.Helper()
	e := kittest.NewIn(t, language)
	e.Svc.DeskCode = "D1"
	sup := e.Supervisor(t)
	_, err := e.Svc.ImportRooms(sup.ID, "rooms.csv", strings.NewReader("floor,room,type\n3,301,twin\n3,302,king\n"))
	must(t, err)
	_, err = e.Svc.SetDesk(sup.ID, "D1", "Floor 3 desk", []int{3})
	must(t, err)
	for _, k := range []appkeys.NewKey{
		{Tag: "F3-MASTER", Type: appkeys.KeyFloorMaster, Areas: []string{"3楼"}, Desk: "D1"},
		{Tag: "F3-SEC-A", Type: appkeys.KeySection, Areas: []string{"301-312"}, Desk: "D1"},
	} {
		_, err := e.Svc.RegisterKey(sup.ID, k)
		must(t, err)
	}
	att := e.Attendant(t, sup.ID, "A01", "Wang Fang")
	e.Attendant(t, sup.ID, "A02", "Zhang Wei")
	e.SignIn(t, att.ID)
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

func enter(e *kit.Entry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

// signOut fills the sign-out form of tag and submits it.
func signOut(sc *Screen, tag, purpose, witness, pin string) *signOutForm {
	f := sc.openSignOut(tag)
	test.Type(f.purpose, purpose)
	if witness != "" {
		f.witness.SetSelected(witness)
		test.Type(f.witnessPIN, pin)
	}
	test.Tap(f.Save)
	return f
}

func row(sc *Screen, tag string) (string, string, widget.Importance) {
	r := kit.NewRow()
	k, _ := sc.Record(tag)
	sc.fillRow(k, r)
	_, detail, note := r.Texts()
	_, _, imp := sc.status(k)
	return detail, note, imp
}

func TestMasterKeyNeedsAWitness(t *testing.T) {
	e, sc := world(t, kit.English)
	f := signOut(sc, "F3-MASTER", "turn-down", "", "")
	if got := f.Errs.Text("witness"); !strings.Contains(got, "witness") {
		t.Fatalf("witness field says %q (form: %q)", got, f.Errs.Text(""))
	}
	if f.purpose.Text != "turn-down" {
		t.Error("the form lost the purpose")
	}
	f.witness.SetSelected("A02 Zhang Wei")
	test.Type(f.witnessPIN, appdemo.DemoPIN)
	test.Tap(f.Save)
	if f.Errs.Any() {
		t.Fatalf("sign-out with witness refused: %q %q", f.Errs.Text("witness_pin"), f.Errs.Text(""))
	}
	detail, note, _ := row(sc, "F3-MASTER")
	if !strings.Contains(detail, "Wang Fang") || !strings.Contains(note, "due") {
		t.Errorf("row = %q / %q", detail, note)
	}
	if e.Session.LastNotice() != "Key F3-MASTER signed out." {
		t.Errorf("notice %q", e.Session.LastNotice())
	}
}

func TestWrongWitnessPINShowsAtThePIN(t *testing.T) {
	_, sc := world(t, kit.English)
	f := signOut(sc, "F3-MASTER", "turn-down", "A02 Zhang Wei", "9999")
	if f.Errs.Text("witness_pin") == "" {
		t.Fatalf("PIN field empty; form says %q", f.Errs.Text(""))
	}
	if f.witnessPIN.Text != "" {
		t.Error("the wrong PIN stays typed in")
	}
}

func TestWitnessRefusalInChinese(t *testing.T) {
	_, sc := world(t, kit.Chinese)
	f := signOut(sc, "F3-MASTER", "开夜床", "", "")
	if got := f.Errs.Text("witness"); !strings.Contains(got, "见证") {
		t.Fatalf("witness field says %q", got)
	}
}

func TestOverdueKeyIsHighlighted(t *testing.T) {
	e, sc := world(t, kit.English)
	f := sc.openSignOut("F3-SEC-A")
	test.Type(f.purpose, "cleaning")
	f.due.SetText("2026-03-03 15:00")
	enter(f.purpose)
	e.Clock.Advance(2 * time.Hour)
	sc.Refresh(nil)
	sc.Filter().SetSelectedIndex(int(filterOverdue))
	if sc.List().Len() != 1 || sc.List().IDs()[0] != "F3-SEC-A" {
		t.Fatalf("overdue filter shows %v", sc.List().IDs())
	}
	_, note, imp := row(sc, "F3-SEC-A")
	if !strings.Contains(note, "late") || imp != widget.DangerImportance {
		t.Errorf("note %q importance %v", note, imp)
	}
}

func TestSignInByAnotherShowsInTheReport(t *testing.T) {
	e, sc := world(t, kit.English)
	f := sc.openSignOut("F3-SEC-A")
	f.holder.SetSelected("A02 Zhang Wei")
	test.Type(f.purpose, "cleaning")
	test.Tap(f.Save)
	e.Clock.Advance(30 * time.Minute)
	sc.signIn("F3-SEC-A")
	if detail, _, _ := row(sc, "F3-SEC-A"); detail != "On the board" {
		t.Error("the key does not show on the board")
	}
	p := sc.openReports()
	if got := kittest.Labels(p.result); !strings.Contains(got, "Zhang Wei") || !strings.Contains(got, "signed in by Wang Fang") {
		t.Errorf("sign-ins by others: %q", got)
	}
}

func TestReportLostFlagsTheKey(t *testing.T) {
	_, sc := world(t, kit.English)
	f := sc.openLost("F3-SEC-A")
	enter(f.First.(*kit.Entry)) // no note yet
	if f.Errs.Text("note") == "" {
		t.Fatal("an empty note was accepted")
	}
	test.Type(f.First.(*kit.Entry), "dropped in the laundry chute")
	enter(f.First.(*kit.Entry))
	detail, _, imp := row(sc, "F3-SEC-A")
	if !strings.Contains(detail, "re-keyed") || imp != widget.DangerImportance {
		t.Errorf("lost key row %q importance %v", detail, imp)
	}
}

func TestWhoHeldTheKey(t *testing.T) {
	e, sc := world(t, kit.English)
	signOut(sc, "F3-SEC-A", "cleaning", "", "")
	e.Clock.Advance(time.Hour)
	sc.signIn("F3-SEC-A")
	f := sc.openLookup()
	f.key.SetSelected("F3-SEC-A")
	f.at.SetText("2026-03-03 14:30")
	enter(f.at)
	if got := kittest.Labels(f.answer); !strings.Contains(got, "out to Wang Fang (cleaning)") {
		t.Errorf("at 14:30: %q", got)
	}
	f.at.SetText("2026-03-03 16:00")
	enter(f.at)
	if got := kittest.Labels(f.answer); !strings.Contains(got, "on the board") {
		t.Errorf("at 16:00: %q", got)
	}
}

func TestDoorOpeningKeepsOnlyTheLast4(t *testing.T) {
	e, sc := world(t, kit.English)
	f := sc.openDoors()
	test.Type(f.room, "301")
	test.Type(f.guest, "Chen Jing")
	test.Type(f.last4, "1101011990")
	if f.Errs.Text("id_last4") == "" {
		t.Fatal("a whole ID number is not stopped as it is typed")
	}
	test.Tap(f.Save)
	if f.Errs.Text("id_last4") == "" {
		t.Fatal("a whole ID number was saved")
	}
	f.last4.SetText("123X")
	test.Tap(f.Save)
	list, _ := e.Svc.DoorOpenings(kittest.Start.Add(-time.Hour), kittest.Start.Add(time.Hour), "301")
	if len(list) != 1 || list[0].IDLast4 != "123X" || list[0].OpenedBy != "A01" {
		t.Fatalf("door openings = %+v", list)
	}
	if !strings.Contains(kittest.Labels(sc.Pane().Content()), "Chen Jing") {
		t.Error("the opening is not in the list")
	}
}

func TestKeyCountSaysWhatIsMissing(t *testing.T) {
	_, sc := world(t, kit.English)
	f := sc.openCount()
	f.present.SetSelected([]string{"F3-MASTER"})
	test.Tap(f.Save)
	if got := kittest.Labels(f.result); !strings.Contains(got, "Missing: F3-SEC-A") {
		t.Errorf("count result %q", got)
	}
}

// TestScreenshot compares the screen in both languages with the golden
// shots in testdata/shots: a master key's sign-out refused for want of a
// witness beside a late key, the late key's detail, and the door
// openings. Run with -update-shots after a change meant to alter them.
func TestScreenshot(t *testing.T) {
	for _, language := range []string{kit.Chinese, kit.English} {
		e, sc := world(t, language)
		e.UseFontTheme()
		f := sc.openSignOut("F3-SEC-A")
		test.Type(f.purpose, "开夜床")
		f.due.SetText("2026-03-03 14:30")
		test.Tap(f.Save)
		e.Clock.Advance(time.Hour)
		sc.Refresh(nil)
		f = signOut(sc, "F3-MASTER", "查房", "", "")
		refusal := f.Errs.Text("witness")
		if refusal == "" {
			t.Error("a master key went out without a witness")
		}
		kittest.Shows(t, sc.Content(), "F3-MASTER", "F3-SEC-A", "Wang Fang", lang.L("keys.sign_out_title"), refusal)
		e.MatchShot(t, "keys-signout-"+language)
		sc.ShowDetail("F3-SEC-A")
		kittest.Shows(t, sc.Pane().Content(), "F3-SEC-A", "Wang Fang", "开夜床")
		e.MatchShot(t, "keys-detail-"+language)
		sc.openDoors()
		kittest.Shows(t, sc.Pane().Content(), lang.L("keys.door_title"), lang.L("keys.door_save"))
		e.MatchShot(t, "keys-doors-"+language)
	}
}

func TestDemoHotelFillsTheBoard(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the demo hotel")
	}
	e := kittest.New(t)
	e.Demo(t, 1500)
	e.SignIn(t, "S01")
	sc := New(e.Session, e.Svc).(*Screen)
	e.Window.SetContent(sc.Content())
	if sc.List().Len() < 10 {
		t.Fatalf("the board shows %d keys", sc.List().Len())
	}
	sc.List().SelectID(sc.List().IDs()[0])
	p := sc.openReports()
	p.kind.SetSelectedIndex(int(reportOutsideShift))
	if dir := os.Getenv("FLOORDESK_SHOTS"); dir != "" {
		sc.Filter().SetSelectedIndex(int(filterOut))
		sc.openDoors()
		e.Shot(t, dir+"/keys-demo.png")
	}
}
