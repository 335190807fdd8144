package messages_test

import (
	"encoding/json"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/messages"
	"floordesk/data/wire"
)

// TestDeliveredAtOneDeskCancelledAtAnother: two desks offline settle the
// same message two ways. Both desks fold to the same view: delivered
// (the guest has it), in conflict for a supervisor.
func TestDeliveredAtOneDeskCancelledAtAnother(t *testing.T) {
	a, b := apptest.Pair(t, registers.New)
	setup(a)
	apptest.ExchangeDesks(t, a, b)
	m := take(t, a, messages.TakeInput{Room: "0801", Text: "请回电"})
	apptest.ExchangeDesks(t, a, b)
	a.Must(a.Svc.Deliver(apptest.AttID, m.ID, messages.HowHanded, ""))
	b.Must(b.Svc.Cancel(apptest.Att2ID, m.ID, "来电人撤回"))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(messages.KindMessage, m.ID))
	got, err := b.Svc.Message(m.ID)
	if err != nil || got.Status != messages.StatusDelivered || !got.HasConflict() ||
		got.Conflicts[0].Code != "message.delivered_and_closed" || got.Closed == nil {
		t.Fatalf("view = %+v, %v", got, err)
	}
	waiting, _ := b.Svc.Waiting()
	if len(waiting) != 0 {
		t.Fatalf("a delivered message still waits: %+v", waiting)
	}
}

// TestTwoDeliveriesCommute: the same message delivered at two desks (a
// phone call and a slip) is delivered, without a conflict.
func TestTwoDeliveriesCommute(t *testing.T) {
	a, b := apptest.Pair(t, registers.New)
	setup(a)
	apptest.ExchangeDesks(t, a, b)
	m := take(t, a, messages.TakeInput{Room: "0801", Text: "请回电"})
	apptest.ExchangeDesks(t, a, b)
	a.Must(a.Svc.Deliver(apptest.AttID, m.ID, messages.HowPhone, ""))
	b.Clock.Advance(time.Minute)
	b.Must(b.Svc.Deliver(apptest.Att2ID, m.ID, messages.HowUnderDoor, ""))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(messages.KindMessage, m.ID))
	got, _ := a.Svc.Message(m.ID)
	if got.Status != messages.StatusDelivered || got.HasConflict() || got.Delivery.How != messages.HowPhone {
		t.Fatalf("view = %+v", got)
	}
}

// TestADeliveryFoldedBeforeItsMessage: a delivery that sorts before the
// message it settles (a desk's clock behind) still leaves it delivered.
func TestADeliveryFoldedBeforeItsMessage(t *testing.T) {
	ref := app.Ref(messages.KindMessage, "M1")
	delivered := app.DemoEvent(apptest.AttID, ref, messages.TypeMessageDelivered,
		messages.MessageDelivered{At: apptest.Start, How: messages.HowLight})
	taken := app.DemoEvent(apptest.AttID, ref, messages.TypeMessageTaken,
		messages.MessageTaken{At: apptest.Start.Add(time.Minute), Room: "0801", Text: "x"})
	view, err := app.FoldMany(ref, nil, []wire.Event{delivered, taken})
	if err != nil {
		t.Fatal(err)
	}
	var m messages.Message
	if err := json.Unmarshal(view, &m); err != nil || m.Status != messages.StatusDelivered || m.Room != "0801" {
		t.Fatalf("view = %s, %v", view, err)
	}
}
