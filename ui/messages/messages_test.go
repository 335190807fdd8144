package messages

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	appmessages "floordesk/app/messages"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

const roomsCSV = "房号,楼层,房型\n0301,3,大床房\n0302,3,双床房\n0501,5,套房\n"

const inhouseCSV = "房号,客人姓名,到店日期,离店日期\n0301,王芳,2026-03-01,2026-03-05\n0501,Anna Müller,2026-03-02,2026-03-06\n"

// world is desk D1 (floor 3) with rooms, the in-house guests and an
// attendant signed in, showing the messages screen.
func world(t *testing.T, language string) (*kittest.Env, *Screen) {
	t.Helper()
	e := kittest.NewIn(t, language)
	e.Svc.DeskCode = "D1"
	sup := e.Supervisor(t)
	_, err := e.Svc.ImportRooms(sup.ID, "rooms.csv", strings.NewReader(roomsCSV))
	must(t, err)
	_, err = e.Svc.SetDesk(sup.ID, "D1", "3楼服务台", []int{3})
	must(t, err)
	_, err = e.Svc.ImportGuests(sup.ID, "inhouse.csv", strings.NewReader(inhouseCSV))
	must(t, err)
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

// takeOne fills and saves the take form.
func takeOne(sc *Screen, room, guest, from, phone, text string) *takeForm {
	f := sc.openTakeForm()
	test.Type(f.room, room)
	test.Type(f.guest, guest)
	test.Type(f.from, from)
	test.Type(f.phone, phone)
	test.Type(f.text, text)
	test.Tap(f.Save)
	return f
}

func row(sc *Screen, id string) (title, detail, note string) {
	r := kit.NewRow()
	m, _ := sc.Record(id)
	sc.fillRow(m, r)
	return r.Texts()
}

// TestTakeAndDeliverAMessage takes a message at the desk, finds it on the
// list, the dashboard and in the handover, delivers it through its form,
// and sees it leave the waiting list and the dashboard.
func TestTakeAndDeliverAMessage(t *testing.T) {
	e, sc := world(t, kit.English)
	takeOne(sc, "301", "", "Mr. Brown", "138 0000 1234", "Call back about tomorrow's meeting")
	ids := sc.List().IDs()
	if len(ids) != 1 {
		t.Fatalf("listed %v after taking one message", ids)
	}
	id := ids[0]
	title, detail, note := row(sc, id)
	if title != "0301 · from Mr. B***" || detail != "Call back about tomorrow's meeting" || !strings.Contains(note, "waiting since") {
		t.Fatalf("row = %q / %q / %q", title, detail, note)
	}
	kittest.Shows(t, sc.Pane().Content(), "Message for 0301", "Mr. Brown", "138 0000 1234", "Wang Fang took the message at desk 3楼服务台")

	view, err := Dashboard(e.Session, e.Svc).Load()
	must(t, err)
	if p := view(e.Clock.Now().Add(3 * time.Hour)); p.Counts["dash.tile_messages"].N != 1 || p.Counts["dash.tile_messages"].Late != 1 ||
		len(p.Lines) != 1 || !p.Lines[0].Urgent || p.Lines[0].ID != id {
		t.Fatalf("dashboard three hours later = %+v", p)
	}

	e.Clock.Advance(20 * time.Minute)
	sc.showDeliverForm(id)
	kittest.Shows(t, sc.Pane().Content(), "Deliver the message for 0301", "Handed over")
	f := lastForm(t, sc)
	f.how.SetSelected(lang.L("messages.how.under_door"))
	test.Type(f.note, "guest out")
	test.Tap(f.save)
	m, err := e.Svc.Message(id)
	if err != nil || m.Status != appmessages.StatusDelivered || m.Delivery.How != appmessages.HowUnderDoor || m.Delivery.Note != "guest out" {
		t.Fatalf("after delivering: %+v, %v", m, err)
	}
	kittest.Shows(t, sc.Pane().Content(), "Wang Fang: Slipped under the door · guest out")
	if got := sc.List().IDs(); len(got) != 0 {
		t.Errorf("the waiting list still shows %v", got)
	}
	view, _ = Dashboard(e.Session, e.Svc).Load()
	if p := view(e.Clock.Now()); p.Counts["dash.tile_messages"].N != 0 || len(p.Lines) != 0 {
		t.Errorf("dashboard after delivery = %+v", p)
	}
}

// deliverForm are the widgets of the deliver form shown in the pane.
type deliverForm struct {
	how  *kit.Choice
	note *kit.Entry
	save *widget.Button
}

// lastForm finds the deliver form's widgets in the pane.
func lastForm(t *testing.T, sc *Screen) deliverForm {
	t.Helper()
	var f deliverForm
	kittest.Walk(sc.Pane().Content(), func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *kit.Choice:
			f.how = w
		case *kit.Entry:
			f.note = w
		case *widget.Button:
			if w.Text == lang.L("messages.deliver") {
				f.save = w
			}
		}
	})
	if f.how == nil || f.note == nil || f.save == nil {
		t.Fatal("no deliver form in the pane")
	}
	return f
}

// TestAGuestsNameFindsTheRoom: a message typed for a guest by name goes
// to the guest's room.
func TestAGuestsNameFindsTheRoom(t *testing.T) {
	e, sc := world(t, kit.English)
	f := takeOne(sc, "", "Anna Müller", "", "", "Your taxi is at 7:30")
	if text := f.Errs.Text("guest"); text != "" {
		t.Fatalf("refused: %q", text)
	}
	ms, _ := e.Svc.Waiting()
	if len(ms) != 1 || ms[0].Room != "0501" {
		t.Fatalf("waiting = %+v, want one for 0501", ms)
	}
	f = takeOne(sc, "", "Nobody", "", "", "x")
	if text := f.Errs.Text("guest"); !strings.Contains(text, "in-house list") {
		t.Fatalf("unknown guest refused with %q", text)
	}
}

// TestTheTextAtItsLimitAndBeyond: at MaxTextRunes the form says nothing
// and saves; one past it says so as it is typed, and saving is refused.
func TestTheTextAtItsLimitAndBeyond(t *testing.T) {
	e, sc := world(t, kit.Chinese)
	f := sc.openTakeForm()
	test.Type(f.room, "302")
	f.text.SetText(strings.Repeat("留", appmessages.MaxTextRunes)) // as pasted: typing 500 keys takes minutes
	test.Tap(f.Save)
	if text := f.Errs.Text("text"); text != "" {
		t.Fatalf("at the limit: %q", text)
	}
	f = sc.openTakeForm()
	test.Type(f.room, "302")
	f.text.SetText(strings.Repeat("留", appmessages.MaxTextRunes+1))
	if text := f.Errs.Text("text"); !strings.Contains(text, "501") || !strings.Contains(text, "500") {
		t.Fatalf("one past the limit, the form says %q", text)
	}
	test.Tap(f.Save)
	if text := f.Errs.Text("text"); !strings.Contains(text, "500") {
		t.Fatalf("saving one past the limit: %q", text)
	}
	if ms, _ := e.Svc.Waiting(); len(ms) != 1 {
		t.Fatalf("%d messages waiting, want the one at the limit", len(ms))
	}
}

// TestHandoverSectionListsWaitingMessages lays out the rows a handover
// saved, old ones urgent.
func TestHandoverSectionListsWaitingMessages(t *testing.T) {
	kittest.NewIn(t, kit.Chinese)
	now := kittest.Start
	raw := []byte(`[{"id":"m1","where":"0301","guest":"王芳","direction":"for_guest","from":"李先生","text":"请回电","taken_at":"2026-03-03T10:00:00Z","old":true},` +
		`{"id":"m2","where":"大堂","direction":"for_visitor","visitor":"陈经理","text":"六点回来","taken_at":"2026-03-03T13:30:00Z"}]`)
	s := HandoverSection(raw, now)
	if s.Heading != "待转达留言（2）" || len(s.Lines) != 2 || !s.Lines[0].Urgent || s.Lines[1].Urgent {
		t.Fatalf("section = %+v", s)
	}
	for i, want := range []string{"0301 · 王芳 · 李先生 留言 · 请回电", "大堂 · 留给访客 陈经理 · 六点回来"} {
		if !strings.HasPrefix(s.Lines[i].Text, want) {
			t.Errorf("line %d = %q, want it to start %q", i, s.Lines[i].Text, want)
		}
	}
}

// TestScreenshot compares the screen in both languages with the golden
// shots in testdata/shots: two waiting messages, one for a visitor, and
// the first one's detail. Run with -update-shots after a change meant to
// alter them.
func TestScreenshot(t *testing.T) {
	for _, language := range []string{kit.Chinese, kit.English} {
		e, sc := world(t, language)
		e.UseFontTheme()
		takeOne(sc, "301", "王芳", "李先生", "138 0000 1234", "明早的会改到九点,请回电")
		f := sc.openTakeForm()
		f.direction.SetSelectedIndex(1)
		f.area.SetSelected("大堂")
		test.Type(f.guest, "Anna Müller")
		test.Type(f.visitor, "陈经理")
		test.Type(f.text, "六点回来,请在大堂吧稍等")
		test.Tap(f.Save)
		e.Clock.Advance(30 * time.Minute)
		sc.Tick()
		sc.List().SelectID(sc.List().IDs()[0])
		kittest.Shows(t, sc.Content(), "0301", "李先生", "138 0000 1234", "陈经理", "大堂")
		e.MatchShot(t, "messages-"+language)
	}
}
