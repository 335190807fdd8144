package found

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	appdemo "floordesk/app/demo"
	appfound "floordesk/app/found"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// desk opens the screen for attendant A01 (Wang Fang), with a supervisor
// S01 and a second attendant A02 who can witness.
func desk(t *testing.T) (*kittest.Env, *Screen) {
	t.Helper()
	e := kittest.New(t)
	e.Svc.DeskCode = "D1"
	e.Supervisor(t)
	e.Attendant(t, "S01", "A01", "Wang Fang")
	e.Attendant(t, "S01", "A02", "Zhang Wei")
	e.SignIn(t, "A01")
	sc := New(e.Session, e.Svc).(*Screen)
	e.Window.SetContent(sc.Content())
	return e, sc
}

// logRing fills the log form with a gold ring found in room 1203, and
// taps save.
func logRing(sc *Screen, witness bool) *logForm {
	sc.showLogForm()
	f := sc.lastLogForm
	test.Type(f.place, "1203")
	test.Type(f.finder, "Zhao Min")
	f.category.SetSelected(categoryName(app.CatValuables))
	test.Type(f.desc, "gold ring with a red stone")
	test.Type(f.storage, "Safe 1")
	if witness {
		f.witness.SetSelected("Zhang Wei (A02)")
		test.Type(f.pin, appdemo.DemoPIN)
	}
	test.Tap(f.Save)
	return f
}

func TestValuableNeedsWitnessBesideTheField(t *testing.T) {
	_, sc := desk(t)
	f := logRing(sc, false)
	got := f.Errs.Text("witness")
	if !strings.Contains(got, "needs a witness") {
		t.Fatalf("witness field says %q (form: %q)", got, f.Errs.Text(""))
	}
	if f.desc.Text != "gold ring with a red stone" || sc.List().Len() != 0 {
		t.Fatalf("typed text kept %q, list %v", f.desc.Text, sc.List().IDs())
	}
	f.witness.SetSelected("Zhang Wei (A02)")
	test.Type(f.pin, appdemo.DemoPIN)
	test.Tap(f.Save)
	if sc.lastLog == nil || sc.lastLog.tag != "LF260303-D1-001" {
		t.Fatalf("no tag shown: %+v; errors %q %q", sc.lastLog, f.Errs.Text("witness"), f.Errs.Text(""))
	}
	if !slices.Equal(sc.List().IDs(), []string{"LF260303-D1-001"}) {
		t.Fatalf("list = %v", sc.List().IDs())
	}
	if n := sc.s.LastNotice(); !strings.Contains(n, "LF260303-D1-001") {
		t.Fatalf("notice = %q", n)
	}
}

func TestEnterSubmitsAndEscCancels(t *testing.T) {
	_, sc := desk(t)
	sc.showLogForm()
	f := sc.lastLogForm
	f.desc.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := f.Errs.Text("place"); got == "" {
		t.Fatalf("Enter did not submit: no refusal beside the place")
	}
	test.Type(f.foundAt, "x")
	if f.Errs.Text("found_at") == "" {
		t.Fatal("a bad time is not flagged as typed")
	}
	formPane := sc.Pane().Object()
	f.desc.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if sc.Pane().Object() == formPane {
		t.Fatal("Esc did not close the form")
	}
}

func TestLossReportShowsMatchingItemThenClaim(t *testing.T) {
	e, sc := desk(t)
	logRing(sc, true)
	tag := sc.lastLog.tag
	sc.showReportForm()
	r := sc.lastReportForm
	test.Type(r.guest, "John Smith")
	test.Type(r.contact, "+44 7700 900123")
	test.Type(r.room, "1203")
	r.category.SetSelected(categoryName(app.CatValuables))
	test.Type(r.desc, "gold ring, red stone")
	test.Tap(r.Save)
	if sc.lastReport == nil || !slices.Contains(sc.lastReport.matches, tag) {
		t.Fatalf("report shows %+v; errors %q", sc.lastReport, r.Errs.Text(""))
	}
	kittest.Shows(t, sc.Pane().Content(), lang.L("found.why.item_same", map[string]string{"Word": "ring"}),
		lang.L("found.why.room", map[string]string{"Room": "1203"}), lang.L("found.why.same_day"))

	sc.Open(tag)
	if !slices.Contains(sc.lastDetail.matches, sc.lastReport.id) {
		t.Fatalf("item detail does not list the report: %+v", sc.lastDetail)
	}
	room := lang.L("found.why.room", map[string]string{"Room": "1203"})
	kittest.Shows(t, sc.Pane().Content(), room)
	tapButton(t, sc.Pane().Content(), lang.L("found.label"))
	if sc.lastLog == nil || !slices.Contains(sc.lastLog.matches, sc.lastReport.id) {
		t.Fatalf("the item's label does not list the report: %+v", sc.lastLog)
	}
	kittest.Shows(t, sc.Pane().Content(), room)
	sc.Open(tag)
	sc.showClaimForm(tag)
	c := sc.lastClaim
	test.Type(c.claimant, "John Smith")
	test.Type(c.contact, "+44 7700 900123")
	test.Type(c.desc, "a thin gold ring with one red stone")
	c.idType.SetSelected("Passport")
	test.Type(c.last4, "4321")
	c.report.SetSelectedIndex(1)
	test.Tap(c.Save)
	item, _ := e.Svc.FoundItem(tag)
	if item.Status != appfound.FoundClaimed {
		t.Fatalf("status %s; errors %q", item.Status, c.Errs.Text(""))
	}
	if sc.List().Len() != 0 {
		t.Fatalf("awaiting claim still lists %v", sc.List().IDs())
	}
	if h := strings.Join(sc.lastDetail.history, "\n"); !strings.Contains(h, "handed to John Smith") {
		t.Fatalf("history:\n%s", h)
	}
	if rep, _ := e.Svc.LostReport(sc.lastReport.id); !rep.Closed {
		t.Fatal("the loss report stays open")
	}
}

func TestDisposeRefusedForAnAttendant(t *testing.T) {
	e, sc := desk(t)
	sc.showLogForm()
	f := sc.lastLogForm
	f.placeKind.SetSelected(f.placeKind.Options[1])
	test.Type(f.place, "Lobby")
	test.Type(f.finder, "Guest")
	f.category.SetSelected(categoryName(app.CatClothing))
	test.Type(f.desc, "blue scarf")
	test.Type(f.storage, "Shelf B")
	test.Tap(f.Save)
	tag := sc.lastLog.tag

	sc.showDisposeForm(tag)
	sc.lastDispose.SetSelected("Donated")
	test.Tap(sc.lastForm.Save)
	if got := sc.lastForm.Errs.Text(""); got == "" || strings.Contains(got, "role.required") {
		t.Fatalf("refusal shown: %q", got)
	}
	if item, _ := e.Svc.FoundItem(tag); item.Status != appfound.FoundHeld {
		t.Fatalf("item %s", item.Status)
	}

	e.SignIn(t, "S01")
	sc.showDisposeForm(tag)
	sc.lastDispose.SetSelected("Donated")
	test.Tap(sc.lastForm.Save)
	if got := sc.lastForm.Errs.Text(""); !strings.Contains(got, "held until") {
		t.Fatalf("early disposal without a reason: %q", got)
	}
	test.Type(sc.lastForm.First.(*kit.Entry), "guest asked us to donate it")
	test.Tap(sc.lastForm.Save)
	if item, _ := e.Svc.FoundItem(tag); item.Status != appfound.FoundDisposed {
		t.Fatalf("item %s; %q", item.Status, sc.lastForm.Errs.Text(""))
	}
}

func TestSearchFindsByRoomAndWords(t *testing.T) {
	_, sc := desk(t)
	logRing(sc, true)
	for q, want := range map[string]int{"1203": 1, "red ring": 1, "scarf": 0, "zhao": 1} {
		sc.Search().SetText(q)
		if sc.List().Len() != want {
			t.Errorf("search %q: %v", q, sc.List().IDs())
		}
	}
	if kit.SayKey(nil) != "kit.failed" {
		t.Fatal("kit changed")
	}
}

func TestChineseDeskFindsByPinyinAndSaysRefusalsInChinese(t *testing.T) {
	e := kittest.NewIn(t, kit.Chinese)
	e.Svc.DeskCode = "D1"
	e.Supervisor(t)
	e.Attendant(t, "S01", "A01", "王芳")
	e.SignIn(t, "A01")
	sc := New(e.Session, e.Svc).(*Screen)
	e.Window.SetContent(sc.Content())
	sc.showLogForm()
	f := sc.lastLogForm
	test.Type(f.place, "1203")
	test.Type(f.finder, "赵敏")
	f.category.SetSelected(categoryName(app.CatElectronics))
	test.Type(f.desc, "黑色吹风机")
	test.Tap(f.Save)
	if got := f.Errs.Text("storage"); !strings.Contains(got, "必填") && !strings.Contains(got, "请") {
		t.Fatalf("storage refusal %q", got)
	}
	test.Type(f.storage, "服务台储物柜")
	test.Tap(f.Save)
	for _, q := range []string{"cfj", "chuifengji", "吹风", "1203"} {
		sc.Search().SetText(q)
		if sc.List().Len() != 1 {
			t.Errorf("search %q finds %v", q, sc.List().IDs())
		}
	}
}

func TestTransferAddsToTheCustodyChain(t *testing.T) {
	e, sc := desk(t)
	logRing(sc, true)
	tag := sc.lastLog.tag
	sc.showTransferForm(tag)
	f := sc.lastForm
	test.Type(f.First.(*kit.Entry), "Shelf 2")
	test.Tap(f.Save)
	if got := f.Errs.Text("location"); !strings.Contains(got, "safe") {
		t.Fatalf("a valuable moved out of the safe: %q", got)
	}
	sc.showTransferForm(tag)
	f = sc.lastForm
	test.Type(f.First.(*kit.Entry), "Safe 2")
	sc.lastInSafe.SetChecked(true)
	test.Tap(f.Save)
	item, _ := e.Svc.FoundItem(tag)
	if len(item.Custody) != 2 || item.Location().Location != "Safe 2" {
		t.Fatalf("custody %+v; %q", item.Custody, f.Errs.Text(""))
	}
	if h := strings.Join(sc.lastDetail.history, "\n"); !strings.Contains(h, "moved to Safe 2 (safe) by Wang Fang") {
		t.Fatalf("history:\n%s", h)
	}
}

// tapButton taps the button reading text inside o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *widget.Button
	kittest.Walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button", text)
	}
	test.Tap(found)
}
