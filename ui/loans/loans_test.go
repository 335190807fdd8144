package loans

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

const roomsCSV = "floor,room,type\n3,301,twin\n3,302,king\n5,501,king\n"

// world is a desk D1 with a few rooms, hair dryers (2 here, 5 at D2),
// tagged adapters and an attendant signed in, showing the loans screen.
func world(t *testing.T, language string) (*kittest.Env, *Screen) {
	t.Helper()
	e := kittest.NewIn(t, language)
	e.Svc.DeskCode = "D1"
	sup := e.Supervisor(t)
	_, err := e.Svc.ImportRooms(sup.ID, "rooms.csv", strings.NewReader(roomsCSV))
	must(t, err)
	for code, floor := range map[string]int{"D1": 3, "D2": 5} {
		_, err := e.Svc.SetDesk(sup.ID, code, fmt.Sprintf("Floor %d desk", floor), []int{floor})
		must(t, err)
	}
	for _, in := range []app.ItemTypeInput{
		{Code: "hair_dryer", Name: "吹风机", Stock: map[string]int{"D1": 2, "D2": 5}},
		{Code: "iron", Name: "熨斗", Stock: map[string]int{"D1": 3}},
		{Code: "adapter", Name: "转换插头", Tags: map[string][]string{"D1": {"AD-01", "AD-02"}}},
	} {
		_, err := e.Svc.SetItemType(sup.ID, in)
		must(t, err)
	}
	att := e.Attendant(t, sup.ID, "A01", "Wang Fang")
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

// fillLend types a room, a guest and an item with a count.
func fillLend(f *lendForm, room, guest, item, count string) {
	test.Type(f.room, room)
	test.Type(f.guest, guest)
	f.item.SetSelected(item)
	test.Type(f.count, count)
}

func rowTexts(t *testing.T, sc *Screen, id string) (string, string, string, widget.Importance) {
	t.Helper()
	r := kit.NewRow()
	l, _ := sc.Record(id)
	sc.fillRow(l, r)
	title, detail, note := r.Texts()
	_, imp := sc.dueNote(l)
	return title, detail, note, imp
}

func TestLendShowsTheLoanInTheList(t *testing.T) {
	e, sc := world(t, kit.English)
	f := sc.openLendForm()
	fillLend(f, "301", "王芳", "吹风机", "1")
	test.Tap(f.Save)
	if f.Errs.Any() {
		t.Fatalf("lend refused: %q %q", f.Errs.Text("items"), f.Errs.Text(""))
	}
	if sc.List().Len() != 1 {
		t.Fatalf("list shows %d loans, want 1", sc.List().Len())
	}
	title, detail, _, _ := rowTexts(t, sc, sc.List().IDs()[0])
	// an attendant's list masks the guest's name; the loan's detail shows it
	if title != "Room 301 · 王*" || detail != "吹风机 ×1" {
		t.Errorf("row = %q / %q", title, detail)
	}
	if e.Session.LastNotice() != "Lent to room 301." {
		t.Errorf("notice = %q", e.Session.LastNotice())
	}
	test.Type(sc.Search(), "cfj")
	if sc.List().Len() != 1 {
		t.Error("search cfj does not find the 吹风机 loan")
	}
}

func TestOutOfStockShowsAtTheItemField(t *testing.T) {
	_, sc := world(t, kit.English)
	f := sc.openLendForm()
	fillLend(f, "301", "", "吹风机", "3")
	enter(f.guest)
	want := "Only 2 吹风机 left at this desk; desk D2 has 5"
	if got := f.Errs.Text("items"); !strings.Contains(got, want) {
		t.Fatalf("items field says %q, want %q", got, want)
	}
	if f.room.Text != "301" || sc.List().Len() != 0 {
		t.Errorf("form lost the room (%q) or a loan was made (%d)", f.room.Text, sc.List().Len())
	}
}

func TestOutOfStockInChinese(t *testing.T) {
	_, sc := world(t, kit.Chinese)
	f := sc.openLendForm()
	fillLend(f, "301", "", "吹风机", "3")
	test.Tap(f.Save)
	if got := f.Errs.Text("items"); !strings.Contains(got, "本服务台只剩 2 个吹风机") {
		t.Fatalf("items field says %q", got)
	}
}

func TestUnknownRoomShowsAtTheRoomField(t *testing.T) {
	_, sc := world(t, kit.English)
	f := sc.openLendForm()
	fillLend(f, "999", "", "熨斗", "1")
	test.Tap(f.Save)
	if f.Errs.Text("room") == "" || f.Errs.Text("items") != "" {
		t.Fatalf("room %q, items %q", f.Errs.Text("room"), f.Errs.Text("items"))
	}
}

func TestScannedTagIsAdded(t *testing.T) {
	e, sc := world(t, kit.English)
	f := sc.openLendForm()
	test.Type(f.room, "302")
	test.Type(f.tag, "AD-02")
	enter(f.tag) // the scanner ends with Enter: the tag is added, not lent yet
	if len(f.lines) != 1 || f.lines[0].Tags[0] != "AD-02" || sc.List().Len() != 0 {
		t.Fatalf("lines after scan: %+v, loans %d", f.lines, sc.List().Len())
	}
	test.Tap(f.Save)
	open, _ := e.Svc.OpenLoansForRoom("302")
	if len(open) != 1 || open[0].Lines[0].Tags[0] != "AD-02" {
		t.Fatalf("loan = %+v", open)
	}
}

func TestReturnWithDamageAndCharge(t *testing.T) {
	e, sc := world(t, kit.English)
	f := sc.openLendForm()
	fillLend(f, "301", "王芳", "熨斗", "2")
	test.Tap(f.Save)
	id := sc.List().IDs()[0]
	r := sc.openReturnForm(id)
	line := r.lines[0]
	line.count.SetText("1")
	line.condition.SetSelectedIndex(1) // damaged
	test.Type(line.charge, "80")
	test.Tap(r.Save)
	l, _ := e.Svc.Loan(id)
	if l.Lines[0].Damaged != 1 || l.Charges != 8000 || !l.IsOpen() {
		t.Fatalf("loan after return: %+v", l)
	}
	if !strings.Contains(paneText(sc), "¥80") {
		t.Error("the detail does not show the ¥80 charge")
	}
	sc.returnAll(id)
	if l, _ = e.Svc.Loan(id); l.IsOpen() || sc.List().Len() != 0 {
		t.Errorf("after return all: open %v, list %d", l.IsOpen(), sc.List().Len())
	}
	sc.Filter().SetSelectedIndex(int(filterReturned))
	if sc.List().Len() != 1 {
		t.Error("the returned filter does not show the loan")
	}
}

func TestOverdueLoanIsHighlighted(t *testing.T) {
	e, sc := world(t, kit.English)
	f := sc.openLendForm()
	fillLend(f, "301", "", "熨斗", "1")
	f.due.SetText("2026-03-03 16:00")
	test.Tap(f.Save)
	e.Clock.Advance(3 * time.Hour)
	sc.Refresh(nil)
	sc.Filter().SetSelectedIndex(int(filterOverdue))
	if sc.List().Len() != 1 {
		t.Fatalf("overdue filter shows %d", sc.List().Len())
	}
	_, _, note, imp := rowTexts(t, sc, sc.List().IDs()[0])
	if !strings.Contains(note, "late") || imp != widget.DangerImportance {
		t.Errorf("row note %q importance %v", note, imp)
	}
}

func TestExtendMovesTheDueTime(t *testing.T) {
	e, sc := world(t, kit.English)
	f := sc.openLendForm()
	fillLend(f, "301", "", "熨斗", "1")
	test.Tap(f.Save)
	id := sc.List().IDs()[0]
	sc.showExtendForm(id)
	if e.Session.Window.Canvas().Focused() == nil {
		t.Fatal("the extend form has no focus")
	}
	due := e.Session.Window.Canvas().Focused().(*kit.Entry)
	due.SetText("2026-03-06 12:00")
	enter(due)
	l, _ := e.Svc.Loan(id)
	if len(l.Extensions) != 1 || !l.DueAt.Equal(time.Date(2026, 3, 6, 12, 0, 0, 0, time.UTC)) {
		t.Fatalf("loan after extend: %+v", l)
	}
}

func TestStockHighlightsLow(t *testing.T) {
	_, sc := world(t, kit.English)
	f := sc.openLendForm()
	fillLend(f, "301", "", "吹风机", "2")
	test.Tap(f.Save)
	sc.showStock()
	if !strings.Contains(paneText(sc), "0 — low") {
		t.Errorf("stock pane does not flag 吹风机 low: %q", paneText(sc))
	}
	sc.showFrequent()
	if !strings.Contains(paneText(sc), "吹风机") {
		t.Errorf("frequent report: %q", paneText(sc))
	}
}

// paneText is every label's text on the right side.
func paneText(sc *Screen) string { return kittest.Labels(sc.Pane().Content()) }

// TestScreenshot compares the screen in both languages with the golden
// shots in testdata/shots: a loan lent and one refused for want of stock,
// the stock table, and the loan's detail. Run with -update-shots after a change meant to alter
// them.
func TestScreenshot(t *testing.T) {
	for _, language := range []string{kit.Chinese, kit.English} {
		e, sc := world(t, language)
		e.UseFontTheme()
		f := sc.openLendForm()
		fillLend(f, "301", "王芳", "熨斗", "1")
		test.Tap(f.Save)
		f = sc.openLendForm()
		fillLend(f, "302", "", "吹风机", "3")
		test.Tap(f.Save)
		refusal := f.Errs.Text("items")
		if !strings.Contains(refusal, "D2") {
			t.Errorf("lending 3 of 2 hair dryers is refused with %q, not sent to D2", refusal)
		}
		kittest.Shows(t, sc.Content(), "301", "王*", "熨斗", "吹风机", refusal)
		e.MatchShot(t, "loans-lend-"+language)
		sc.showStock()
		kittest.Shows(t, sc.Pane().Content(), lang.L("loans.stock"), lang.L("loans.stock_owned"), "吹风机", "熨斗", "转换插头")
		e.MatchShot(t, "loans-stock-"+language)
		sc.List().SelectID(sc.List().IDs()[0])
		kittest.Shows(t, sc.Pane().Content(), "301", "王芳", "熨斗")
		e.MatchShot(t, "loans-detail-"+language)
	}
}

func TestDemoHotelFillsTheList(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the demo hotel")
	}
	e := kittest.New(t)
	e.Demo(t, 1500)
	e.SignIn(t, "S01")
	sc := New(e.Session, e.Svc).(*Screen)
	e.Window.SetContent(sc.Content())
	if sc.List().Len() == 0 {
		t.Fatal("no open loans shown for the demo hotel")
	}
	sc.showStock()
	sc.showFrequent()
	if dir := os.Getenv("FLOORDESK_SHOTS"); dir != "" {
		sc.List().SelectID(sc.List().IDs()[0])
		e.Shot(t, dir+"/loans-demo.png")
	}
}
