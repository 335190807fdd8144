package guests

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"floordesk/app"
	appfound "floordesk/app/found"
	appguests "floordesk/app/guests"
	apploans "floordesk/app/loans"
	apprequests "floordesk/app/requests"
	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

const roomsCSV = "房号,楼层,房型\n0801,8,大床房\n0802,8,双床房\n0803,8,套房\n"

// pmsCSV is the PMS's in-house list on kittest.Start, 2026-03-03: 0801
// leaves today (a VIP and a second guest), 0802 tomorrow, both with a
// hair dryer out; rooms written without their leading zero.
const pmsCSV = "离店日期,房号,客人姓名,VIP,到店日期\n" +
	"2026/3/3,801,张伟,是,2026/3/1\n" +
	"2026/3/3,801,李娜,,2026/3/1\n" +
	"2026/3/4,802,王芳,,2026/3/2\n" +
	"2026/3/5,9999,团队主账,,2026/3/1\n"

type world struct {
	*kittest.Env
	sc       *Screen
	dash     *kit.DashSource
	reads    *counter
	loan     apploans.Loan
	request  apprequests.Request
	found    appfound.FoundItem
	tomorrow apploans.Loan
}

// counter counts the store reads the departures make.
type counter struct {
	Service
	Collect
	n int
}

func (c *counter) Guests() (appguests.List, error) { c.n++; return c.Service.Guests() }

func newWorld(t *testing.T) *world {
	t.Helper()
	e := kittest.New(t)
	e.Svc.DeskCode = "D1"
	sup := e.Supervisor(t)
	ok(t)(e.Svc.ImportRooms(sup.ID, "rooms.csv", strings.NewReader(roomsCSV)))
	ok(t)(e.Svc.SetDesk(sup.ID, "D1", "Floor 8", []int{8}))
	ok(t)(e.Svc.SetItemType(sup.ID, app.ItemTypeInput{Code: "hair_dryer", Name: "hair dryer", Stock: map[string]int{"D1": 3}}))
	e.SignIn(t, sup.ID)
	w := &world{Env: e}
	var err error
	w.loan, err = e.Svc.Lend(sup.ID, apploans.LendInput{Room: "801", Lines: []apploans.LoanLine{{Item: "hair_dryer", Count: 1}}, DueAt: kittest.Start.Add(4 * time.Hour)})
	must(t, w.loan, err)
	w.tomorrow, err = e.Svc.Lend(sup.ID, apploans.LendInput{Room: "0802", Lines: []apploans.LoanLine{{Item: "hair_dryer", Count: 1}}, DueAt: kittest.Start.Add(20 * time.Hour)})
	must(t, w.tomorrow, err)
	w.request, err = e.Svc.OpenRequest(sup.ID, apprequests.NewRequest{Room: "0801", Kind: apprequests.RequestService, Channel: apprequests.ChannelPhone, Description: "extra towels"})
	must(t, w.request, err)
	w.found, _, err = e.Svc.LogFound(sup.ID, appfound.FoundInput{FoundAt: kittest.Start.Add(-time.Hour), Place: "0801", Room: true, Finder: sup.ID, Category: app.CatClothing, Description: "blue scarf", Storage: "desk"})
	must(t, w.found, err)
	c := Collect{Loans: e.Svc, Requests: e.Svc, Found: e.Svc}
	w.reads = &counter{Service: e.Svc, Collect: c}
	w.sc = New(e.Session, w.reads, c).(*Screen)
	w.dash = Dashboard(e.Session, w.reads, c)
	e.Window.SetContent(w.sc.Content())
	return w
}

func must(t *testing.T, v ...any) {
	t.Helper()
	if err, _ := v[len(v)-1].(error); err != nil {
		t.Fatal(err)
	}
}

// ok fails the test when a command that must succeed does not.
func ok(t *testing.T) func(any, error) {
	return func(_ any, err error) {
		t.Helper()
		must(t, err)
	}
}

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	must(t, err)
	return b
}

// importFile shows the preview of a file, checks what it says and
// confirms it.
func (w *world) importFile(t *testing.T, name string, b []byte, want ...string) {
	t.Helper()
	w.sc.imp.showPreview(name, b)
	if w.sc.imp.confirm == nil {
		t.Fatalf("no preview: %s", w.sc.imp.errs.Text)
	}
	shown := kittest.Labels(w.Window.Canvas().Overlays().Top())
	for _, s := range want {
		if !strings.Contains(shown, s) {
			t.Errorf("the preview does not say %q:\n%s", s, shown)
		}
	}
	if l, _ := w.Svc.Guests(); len(l.Guests) != 0 && name == "first" {
		t.Fatalf("saved before the preview was confirmed")
	}
	w.sc.imp.confirm.Confirm()
	w.sc.imp.confirm = nil
}

func TestImportAGBKExportWithItsPreview(t *testing.T) {
	w := newWorld(t)
	w.importFile(t, "inhouse.csv", gbk(t, pmsCSV),
		"inhouse.csv: 3 guests in 2 rooms, 1 rooms departing today",
		"GB18030", "Line 5: room 9999 is not on the room list", "张伟 (VIP)")
	l, err := w.Svc.Guests()
	if err != nil || len(l.Guests) != 3 || l.Guests[0].Room != "0801" || !l.Guests[0].VIP {
		t.Fatalf("saved list %+v, %v", l, err)
	}
}

// TestImportAWorkbook: a PMS's .xlsx with English headers in another
// order and its dates in date cells (Excel shows them 03-03-26).
func TestImportAWorkbook(t *testing.T) {
	w := newWorld(t)
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"In-house guests"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Room No.", "Guest Name", "Arrival", "Departure", "VIP"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"0801", "Smith John", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), "Y"})
	f.SetSheetRow("Sheet1", "A4", &[]any{802, "Ann Lee", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), ""})
	short, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle("Sheet1", "C3", "D4", short)
	var b bytes.Buffer
	must(t, f.Write(&b))
	w.importFile(t, "inhouse.xlsx", b.Bytes(), "2 guests in 2 rooms, 1 rooms departing today", "Sheet1", "2026-03-04")
	l, _ := w.Svc.Guests()
	want := []appguests.Guest{{Room: "0801", Name: "Smith John", Arrival: "2026-03-01", Departure: "2026-03-03", VIP: true},
		{Room: "0802", Name: "Ann Lee", Arrival: "2026-03-02", Departure: "2026-03-04"}}
	if len(l.Guests) != 2 || l.Guests[0] != want[0] || l.Guests[1] != want[1] {
		t.Fatalf("saved %+v", l.Guests)
	}
}

func TestARefusedFileSaysWhy(t *testing.T) {
	w := newWorld(t)
	w.sc.imp.showPreview("x.csv", []byte("room,name,departure\n0801,A,05/06/2026\n"))
	if w.sc.imp.confirm != nil || !strings.Contains(w.sc.imp.errs.Text, "export the list with dates as 2026-12-06") {
		t.Fatalf("refusal shown: %q", w.sc.imp.errs.Text)
	}
}

// lines is what the part shows at now: each line's kind, ID and title.
func lines(p kit.DashPart) string {
	var out []string
	for _, l := range p.Lines {
		out = append(out, l.Kind+" "+l.ID+" "+l.Title+" "+l.Detail)
	}
	return strings.Join(out, "\n")
}

// TestDeparturesToday: 0801 leaves today with its loan, its request and
// the scarf found in it, each one click from its record, 0802 (leaving
// tomorrow) does not show; after midnight the view moves on to 0802
// without reading the store.
func TestDeparturesToday(t *testing.T) {
	w := newWorld(t)
	w.importFile(t, "inhouse.csv", []byte(pmsCSV))
	view, err := w.dash.Load()
	must(t, err)
	reads := w.reads.n
	p := view(kittest.Start)
	got := lines(p)
	for _, want := range []string{
		"guests 0801 Room 0801 · 张伟 (VIP)、李娜 Departs today",
		"loan " + w.loan.ID + " Room 0801 · hair dryer Collect loan",
		"request " + w.request.ID + " Room 0801 · extra towels Open request",
		"found " + w.found.Tag + " Room 0801 · blue scarf Found in the room",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("departures today lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "0802") || p.Counts[tileDepartures].N != 1 {
		t.Fatalf("departures today show %d rooms:\n%s", p.Counts[tileDepartures].N, got)
	}
	next := lines(view(kittest.Start.Add(10 * time.Hour))) // 00:00 on the 4th
	if !strings.Contains(next, "loan "+w.tomorrow.ID) || strings.Contains(next, "0801") {
		t.Fatalf("after midnight:\n%s", next)
	}
	if w.reads.n != reads {
		t.Fatalf("the view read the store %d times", w.reads.n-reads)
	}
	opened := ""
	w.Session.SetOpener(func(kind, id string) bool { opened = kind + " " + id; return true })
	line := p.Lines[1]
	w.Session.Open(line.Kind, line.ID)
	if opened != "loan "+w.loan.ID {
		t.Fatalf("the loan's line opened %q", opened)
	}
}

// TestNameSearchFindsTheRoom: a guest's name, in Chinese or its pinyin
// initials, finds the room.
func TestNameSearchFindsTheRoom(t *testing.T) {
	w := newWorld(t)
	w.importFile(t, "inhouse.csv", []byte(pmsCSV))
	w.sc.Refresh([]wire.EntityRef{{Kind: appguests.KindGuests, ID: appguests.ListID}})
	for _, q := range []string{"王芳", "wf", "wangfang"} {
		test.Type(w.sc.Search(), "")
		w.sc.Search().SetText(q)
		shown := kittest.Labels(w.sc.List().List)
		if !strings.Contains(shown, "Room 0802 · 王芳") || strings.Contains(shown, "0801") {
			t.Errorf("%q lists:\n%s", q, shown)
		}
	}
}

func TestReimportReplacesTheList(t *testing.T) {
	w := newWorld(t)
	w.importFile(t, "monday.csv", []byte(pmsCSV))
	w.importFile(t, "tuesday.csv", []byte("room,guest,departure\n0803,Ann Lee,2026-03-03\n"), "1 guests in 1 rooms")
	view, err := w.dash.Load()
	must(t, err)
	got := lines(view(kittest.Start))
	if !strings.Contains(got, "guests 0803 Room 0803 · Ann Lee") || strings.Contains(got, "0801") {
		t.Fatalf("departures after the second import:\n%s", got)
	}
}

func TestNotesAreTranslated(t *testing.T) {
	for _, lang := range []string{kit.English, kit.Chinese} {
		_, _ = kit.UseLanguage(lang)
		for _, code := range appguests.NoteCodes {
			n := app.NewNote(code, "line", "3", "room", "9", "date", "x", "iso", "y", "encoding", "GBK", "sheet", "S")
			if text := NoteText(n); strings.Contains(text, "guests.note") || strings.Contains(text, "{{") {
				t.Errorf("%s: note %s reads %q", lang, code, text)
			}
		}
	}
}

// TestOnlyASupervisorSeesTheImport: the import, which only a supervisor
// may do, shows for a supervisor and not for an attendant.
func TestOnlyASupervisorSeesTheImport(t *testing.T) {
	w := newWorld(t)
	has := func() bool {
		shown := false
		kittest.Walk(w.sc.Content(), func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == lang.L("guests.import") && b.Visible() {
				shown = true
			}
		})
		return shown
	}
	if !has() {
		t.Fatal("a supervisor has no import button")
	}
	sup, _ := w.Session.User()
	w.Attendant(t, sup.ID, "A01", "Wang Fang")
	w.SignIn(t, "A01")
	if has() {
		t.Error("an attendant sees the import button")
	}
}

// TestTheDeskAsksWhichColumnOfTheGuestListIsWhich: a PMS export saved
// without its header (GBK, CRLF, as in app/guests/testdata) is not
// refused: the desk asks which column is which; a pick without the
// departure is asked again saying so; the right pick shows the guests
// to confirm. Before this step the file was refused ("export the
// in-house list with its header").
func TestTheDeskAsksWhichColumnOfTheGuestListIsWhich(t *testing.T) {
	w := newWorld(t)
	b, err := os.ReadFile("../../app/guests/testdata/gbk-no-header.csv")
	must(t, err)
	w.sc.imp.showPreview("inhouse.csv", b)
	c := w.sc.imp.columns
	if c == nil {
		t.Fatalf("the desk did not ask; it says %q", w.sc.imp.errs.Text)
	}
	if got := c.Fields["room"].Options[1]; got != "A: 0801, 0802, 0805" {
		t.Errorf("column A offered as %q", got)
	}
	c.Pick("room", 0)
	c.Pick("name", 1)
	c.Read()
	if !strings.Contains(c.Why(), "departure dates") || w.sc.imp.confirm != nil {
		t.Fatalf("a pick without the departure: %q", c.Why())
	}
	c.Pick("departure", 3)
	c.Pick("arrival", 2)
	c.Read()
	if w.sc.imp.confirm == nil {
		t.Fatalf("no preview; the picker says %q", c.Why())
	}
	shown := kittest.Labels(w.Window.Canvas().Overlays().Top())
	for _, want := range []string{"2 guests in 2 rooms, 1 rooms departing today", "Read with the columns you picked",
		"Line 3: room 0805 is not on the room list"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the preview does not say %q:\n%s", want, shown)
		}
	}
	if l, _ := w.Svc.Guests(); len(l.Guests) != 0 {
		t.Fatal("saved before the preview was confirmed")
	}
	w.sc.imp.confirm.Confirm()
	l, _ := w.Svc.Guests()
	if len(l.Guests) != 2 || l.Guests[1] != (appguests.Guest{Room: "0802", Name: "王芳", Arrival: "2026-03-02", Departure: "2026-03-04"}) {
		t.Fatalf("saved %+v", l.Guests)
	}
}
