package messages_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/messages"
	"floordesk/data/wire"
)

func take(t *testing.T, d *desk, in messages.TakeInput) messages.Message {
	t.Helper()
	m, err := d.Svc.Take(apptest.AttID, in)
	if err != nil {
		t.Fatalf("take %+v: %v", in, err)
	}
	return m
}

func TestTakeAndDeliverAMessageForAGuest(t *testing.T) {
	d := newDesk(t)
	m := take(t, d, messages.TakeInput{Room: "801", From: "李先生", Phone: "+86 138-0000 1234",
		Text: "请回电,明早的会改到九点"})
	if m.Room != "0801" || m.Status != messages.StatusWaiting || m.TakenBy != apptest.AttID || m.Desk != "D1" ||
		m.Direction != messages.ForGuest || !m.TakenAt.Equal(apptest.Start) {
		t.Fatalf("taken = %+v", m)
	}
	d.Clock.Advance(40 * time.Minute)
	got, err := d.Svc.Deliver(apptest.Att2ID, m.ID, messages.HowUnderDoor, "客人不在,塞入门缝")
	if err != nil {
		t.Fatal(err)
	}
	want := messages.Delivery{How: messages.HowUnderDoor, By: apptest.Att2ID, Desk: "D1",
		At: apptest.Start.Add(40 * time.Minute), Note: "客人不在,塞入门缝"}
	if got.Status != messages.StatusDelivered || got.Delivery == nil || *got.Delivery != want {
		t.Fatalf("delivered = %+v, delivery %+v", got, got.Delivery)
	}
	_, err = d.Svc.Deliver(apptest.AttID, m.ID, messages.HowPhone, "")
	apptest.WantRefusal(t, err, app.ErrConflict, "message.not_waiting")
	_, err = d.Svc.Cancel(apptest.AttID, m.ID, "来电人撤回")
	apptest.WantRefusal(t, err, app.ErrConflict, "message.not_waiting")
}

func TestAGuestGoingOutLeavesAMessageForAVisitor(t *testing.T) {
	d := newDesk(t)
	m := take(t, d, messages.TakeInput{Area: "大堂", Guest: "王芳", Direction: messages.ForVisitor,
		Visitor: "陈经理", Text: "我六点回来,请在大堂吧稍等"})
	if m.Where() != "大堂" || m.Room != "" || m.Direction != messages.ForVisitor || m.Visitor != "陈经理" {
		t.Fatalf("taken = %+v", m)
	}
	got, err := d.Svc.Deliver(apptest.AttID, m.ID, messages.HowHanded, "")
	if err != nil || got.Status != messages.StatusDelivered {
		t.Fatalf("delivered = %+v, %v", got, err)
	}
}

func TestAGuestByNameFindsTheRoom(t *testing.T) {
	d := newDesk(t)
	m := take(t, d, messages.TakeInput{Guest: "anna müller", From: "Mr. Brown", Text: "Call me back"})
	if m.Room != "1201" {
		t.Fatalf("room = %q, want 1201 from the in-house list", m.Room)
	}
	_, err := d.Svc.Take(apptest.AttID, messages.TakeInput{Guest: "张伟", Text: "请回电"})
	apptest.WantRefusal(t, err, app.ErrInvalid, "message.guest_in_rooms")
	if r := app.RefusalOf(err); r.Params["rooms"] != "0802, 1201" {
		t.Errorf("rooms = %q", r.Params["rooms"])
	}
	_, err = d.Svc.Take(apptest.AttID, messages.TakeInput{Guest: "李四", Text: "请回电"})
	apptest.WantRefusal(t, err, app.ErrInvalid, "message.guest_not_in_house")
}

func TestCancelAndExpireNeedAReason(t *testing.T) {
	d := newDesk(t)
	a := take(t, d, messages.TakeInput{Room: "0802", Text: "快递已到前台"})
	b := take(t, d, messages.TakeInput{Room: "1201", Text: "访客下午来"})
	_, err := d.Svc.Cancel(apptest.AttID, a.ID, "  ")
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.required")
	got, err := d.Svc.Cancel(apptest.AttID, a.ID, "客人已自取")
	if err != nil || got.Status != messages.StatusCancelled || got.Closed.Reason != "客人已自取" || got.Closed.By != apptest.AttID {
		t.Fatalf("cancelled = %+v, %v", got, err)
	}
	got, err = d.Svc.Expire(apptest.AttID, b.ID, "客人已退房")
	if err != nil || got.Status != messages.StatusExpired {
		t.Fatalf("expired = %+v, %v", got, err)
	}
	waiting, err := d.Svc.Waiting()
	if err != nil || len(waiting) != 0 {
		t.Fatalf("waiting = %+v, %v", waiting, err)
	}
}

func TestTakeRefusals(t *testing.T) {
	d := newDesk(t)
	tests := []struct {
		name  string
		in    messages.TakeInput
		field string
		code  string
	}{
		{"no place", messages.TakeInput{Text: "x"}, "room", "field.required"},
		{"room and area", messages.TakeInput{Room: "0801", Area: "大堂", Text: "x"}, "area", "message.room_or_area"},
		{"room not listed", messages.TakeInput{Room: "0899", Text: "x"}, "room", "room.unknown"},
		{"area not the hotel's", messages.TakeInput{Area: "屋顶", Text: "x"}, "area", "area.unknown"},
		{"no text", messages.TakeInput{Room: "0801", Text: " \n "}, "text", "field.required"},
		{"bad direction", messages.TakeInput{Room: "0801", Direction: "sideways", Text: "x"}, "direction", "field.bad_value"},
		{"letters in a phone", messages.TakeInput{Room: "0801", Phone: "call me", Text: "x"}, "phone", "message.phone_format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := d.Svc.Take(apptest.AttID, tt.in)
			apptest.WantRefusal(t, err, app.ErrInvalid, tt.code)
			if r := app.RefusalOf(err); r.Field != tt.field {
				t.Errorf("field = %q, want %q", r.Field, tt.field)
			}
		})
	}
	_, err := d.Svc.Deliver(apptest.AttID, "nope", messages.HowHanded, "")
	apptest.WantRefusal(t, err, app.ErrNotFound, "")
	m := take(t, d, messages.TakeInput{Room: "0801", Text: "x"})
	_, err = d.Svc.Deliver(apptest.AttID, m.ID, "pigeon", "")
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.bad_value")
	_, err = d.Svc.Take("nobody", messages.TakeInput{Room: "0801", Text: "x"})
	apptest.WantRefusal(t, err, app.ErrForbidden, "staff.unknown")
}

// TestLimitsAtAndBeyond takes each field at its limit, then one character
// past it (Chinese characters count as one each).
func TestLimitsAtAndBeyond(t *testing.T) {
	d := newDesk(t)
	at := func(n int) string { return strings.Repeat("留", n) }
	phone := func(n int) string { return strings.Repeat("8", n) }
	tests := []struct {
		field string
		set   func(*messages.TakeInput, int)
		max   int
		value func(int) string
	}{
		{"text", func(in *messages.TakeInput, n int) { in.Text = at(n) }, messages.MaxTextRunes, at},
		{"from", func(in *messages.TakeInput, n int) { in.From = at(n) }, messages.MaxNameRunes, at},
		{"visitor", func(in *messages.TakeInput, n int) { in.Visitor = at(n) }, messages.MaxNameRunes, at},
		{"phone", func(in *messages.TakeInput, n int) { in.Phone = phone(n) }, messages.MaxPhoneRunes, phone},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			in := messages.TakeInput{Room: "0801", Text: "x"}
			tt.set(&in, tt.max)
			if _, err := d.Svc.Take(apptest.AttID, in); err != nil {
				t.Fatalf("at the limit (%d): %v", tt.max, err)
			}
			tt.set(&in, tt.max+1)
			_, err := d.Svc.Take(apptest.AttID, in)
			apptest.WantRefusal(t, err, app.ErrInvalid, "field.too_long")
			if r := app.RefusalOf(err); r.Field != tt.field {
				t.Errorf("field = %q", r.Field)
			}
		})
	}
	m := take(t, d, messages.TakeInput{Room: "0801", Text: "x"})
	_, err := d.Svc.Deliver(apptest.AttID, m.ID, messages.HowHanded, at(messages.MaxNoteRunes+1))
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.too_long")
	_, err = d.Svc.Cancel(apptest.AttID, m.ID, at(messages.MaxReasonRunes+1))
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.too_long")
	if _, err := d.Svc.Cancel(apptest.AttID, m.ID, at(messages.MaxReasonRunes)); err != nil {
		t.Fatalf("reason at the limit: %v", err)
	}
	m = take(t, d, messages.TakeInput{Room: "0801", Text: "x"})
	if _, err := d.Svc.Deliver(apptest.AttID, m.ID, messages.HowHanded, at(messages.MaxNoteRunes)); err != nil {
		t.Fatalf("note at the limit: %v", err)
	}
}

// TestWaitingIsReadFromTheStatusIndex fills a history of delivered
// messages and checks the waiting list answers from the index: the
// entries it reads are the waiting messages, not the history.
func TestWaitingIsReadFromTheStatusIndex(t *testing.T) {
	d := newDesk(t)
	var waiting []string
	for i := range 60 {
		m := take(t, d, messages.TakeInput{Room: "0801", Text: "第" + string(rune('A'+i%26))})
		d.Clock.Advance(time.Minute)
		if i%20 == 7 {
			waiting = append(waiting, m.ID)
			continue
		}
		d.Must(d.Svc.Deliver(apptest.AttID, m.ID, messages.HowPhone, ""))
	}
	got, err := d.Svc.Waiting()
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(got))
	for i, m := range got {
		ids[i] = m.ID
	}
	if !slices.Equal(ids, waiting) {
		t.Fatalf("waiting = %v, want %v (oldest first)", ids, waiting)
	}
	filed := 0
	err = d.Store.IndexedAt("status/"+messages.KindMessage, []byte(messages.StatusWaiting), func(_ wire.EntityRef, _ []byte) error {
		filed++
		return nil
	})
	if err != nil || filed != len(waiting) {
		t.Fatalf("status index holds %d waiting messages, want %d (%v)", filed, len(waiting), err)
	}
	room, err := d.Svc.MessagesForRoom("0801")
	if err != nil || len(room) != 60 || room[0].TakenAt.Before(room[59].TakenAt) {
		t.Fatalf("room history = %d messages, %v; want 60, newest first", len(room), err)
	}
	span, err := d.Svc.MessagesTaken(apptest.Start.Add(10*time.Minute), apptest.Start.Add(20*time.Minute))
	if err != nil || len(span) != 10 {
		t.Fatalf("taken in ten minutes = %d, %v; want 10", len(span), err)
	}
}
