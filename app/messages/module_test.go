package messages_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/messages"
)

// handoverRows are the register's rows in a handover made at desk now,
// as the handover saves them.
func handoverRows(t *testing.T, d *desk, desk string) []messages.HandoverMessage {
	t.Helper()
	i := -1
	mods := app.Modules()
	for j, m := range mods {
		if m.Name == messages.ModuleName {
			i = j
		}
	}
	if i < 0 || mods[i].Handover == nil {
		t.Fatal("the messages module gives no handover rows")
	}
	rows, err := mods[i].Handover(d.Core, desk, d.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(rows)
	var out []messages.HandoverMessage
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestHandoverListsTheMessagesStillWaiting: the next shift at a desk
// inherits the waiting messages it took and those for its floors, old
// ones marked; delivered ones are not passed on.
func TestHandoverListsTheMessagesStillWaiting(t *testing.T) {
	d := newDesk(t) // desk D1: floor 8
	old := take(t, d, messages.TakeInput{Room: "0801", From: "李先生", Text: "请回电"})
	d.Clock.Advance(3 * time.Hour)
	lobby := take(t, d, messages.TakeInput{Area: "大堂", Direction: messages.ForVisitor, Visitor: "陈经理", Text: "六点回来"})
	done := take(t, d, messages.TakeInput{Room: "0802", Text: "快递到了"})
	d.Must(d.Svc.Deliver(apptest.AttID, done.ID, messages.HowPhone, ""))
	d.Core.DeskCode = "D2" // the 12th floor's desk takes one for floor 8 and one for its own floor
	other := take(t, d, messages.TakeInput{Room: "0802", Text: "会议改期"})
	twelve := take(t, d, messages.TakeInput{Room: "1201", Text: "司机已到"})
	d.Core.DeskCode = "D1"

	rows := handoverRows(t, d, "D1")
	want := []struct {
		id, where string
		old       bool
	}{{old.ID, "0801", true}, {lobby.ID, "大堂", false}, {other.ID, "0802", false}}
	if len(rows) != len(want) {
		t.Fatalf("D1's handover = %+v, want %d rows", rows, len(want))
	}
	for i, w := range want {
		if rows[i].ID != w.id || rows[i].Where != w.where || rows[i].Old != w.old {
			t.Errorf("row %d = %+v, want %+v", i, rows[i], w)
		}
	}
	if rows[1].Visitor != "陈经理" || rows[1].Direction != messages.ForVisitor {
		t.Errorf("visitor row = %+v", rows[1])
	}
	rows = handoverRows(t, d, "D2")
	if len(rows) != 2 || rows[0].ID != other.ID || rows[1].ID != twelve.ID {
		t.Fatalf("D2's handover = %+v, want the two it took", rows)
	}
}

// TestDemoMessages: a month of demo messages folds on a real store; the
// ones still waiting are the last hours', every other one was delivered
// or closed with a reason, and the waiting list agrees with the views.
func TestDemoMessages(t *testing.T) {
	d := newDesk(t)
	n := 0
	w := &app.DemoWorld{Rand: rand.New(rand.NewPCG(3, 7)), Start: apptest.Start.AddDate(0, -1, 0), End: apptest.Start,
		Rooms: []string{"0801", "0802", "1201"}, Desks: []string{"D1", "D2"}, Staff: []string{apptest.AttID, apptest.Att2ID},
		NewID: func() string { n++; return fmt.Sprintf("00000000-0000-7000-8000-%012d", n) }}
	evs := app.DemoEvents(messages.DemoMessages, w, 400)
	if _, err := d.Store.AppendAll(evs); err != nil {
		t.Fatal(err)
	}
	all, err := app.ListViews[messages.Message](d.Core, messages.KindMessage, nil)
	if err != nil || len(all) != 400 {
		t.Fatalf("%d messages, %v", len(all), err)
	}
	count := map[messages.Status]int{}
	for _, m := range all {
		count[m.Status]++
		switch {
		case m.Waiting() && apptest.Start.Sub(m.TakenAt) > 3*time.Hour+5*time.Minute:
			t.Errorf("message taken at %v still waits", m.TakenAt)
		case m.Closed != nil && m.Closed.Reason == "":
			t.Errorf("closed without a reason: %+v", m)
		}
	}
	waiting, err := d.Svc.Waiting()
	if err != nil || len(waiting) != count[messages.StatusWaiting] {
		t.Fatalf("waiting list = %d, views say %d (%v)", len(waiting), count[messages.StatusWaiting], err)
	}
	if count[messages.StatusDelivered] < 300 || count[messages.StatusCancelled]+count[messages.StatusExpired] == 0 {
		t.Errorf("statuses = %v", count)
	}
}
