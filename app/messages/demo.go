package messages

import (
	"fmt"
	"math/rand/v2"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Demo history for messages, deterministic for a seed. Most messages are
// delivered within a few hours; a few are cancelled or expire; those of
// the last hours may still wait.

var demoTexts = []string{
	"请回电,有急事", "朋友下午三点来访,请在大堂等候", "快递已到前台,请下楼领取",
	"会议改到明早九点", "晚餐订在二楼中餐厅七点", "司机六点在门口等候",
	"钥匙放在前台,请来取", "Please call back about tomorrow's meeting",
	"Your taxi to the airport is booked for 07:30",
}

var demoFrom = []string{"李先生", "王女士", "陈经理", "旅行社小刘", "Mr. Brown", "前台"}

var demoClose = []struct {
	status Status
	reason string
}{
	{StatusCancelled, "来电人已联系上客人"},
	{StatusExpired, "客人已退房"},
	{StatusExpired, "访客未来"},
}

// DemoMessages makes the events of n messages, each entity's in order.
func DemoMessages(w *app.DemoWorld, n int, emit app.DemoEmit) error {
	if len(w.Staff) == 0 || len(w.Rooms) == 0 {
		return nil
	}
	for range n {
		if err := emit(demoMessage(w)...); err != nil {
			return err
		}
	}
	return nil
}

func demoMessage(w *app.DemoWorld) []wire.Event {
	r := w.Rand
	at := app.DemoTime(r, w.Start, w.End)
	room := app.Pick(r, w.Rooms)
	q := &app.DemoSeq{At: at, End: w.End, Actor: app.Pick(r, w.Staff), Ref: app.Ref(KindMessage, w.NewID())}
	body := MessageTaken{At: at, Desk: app.DemoDeskFor(w, room), Room: room, Guest: app.Pick(r, app.DemoGuests),
		Direction: ForGuest, From: app.Pick(r, demoFrom), Phone: demoPhone(r), Text: app.Pick(r, demoTexts)}
	if r.IntN(4) == 0 {
		body.Direction, body.From, body.Phone, body.Visitor = ForVisitor, "", "", app.Pick(r, demoFrom)
	}
	q.Add(TypeMessageTaken, body)
	if !q.Wait(time.Duration(5+r.IntN(180)) * time.Minute) {
		return q.Events // still waiting at the end of the history
	}
	q.Actor = app.Pick(r, w.Staff)
	if c := r.IntN(20); c < len(demoClose) {
		q.Add(TypeMessageClosed, MessageClosed{At: q.At, Status: demoClose[c].status, Reason: demoClose[c].reason})
		return q.Events
	}
	q.Add(TypeMessageDelivered, MessageDelivered{At: q.At, Desk: body.Desk, How: app.Pick(r, Hows)})
	return q.Events
}

func demoPhone(r *rand.Rand) string {
	return fmt.Sprintf("138 %04d %04d", r.IntN(10000), r.IntN(10000))
}
