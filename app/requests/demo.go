package requests

import (
	"math/rand/v2"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Demo history for guest requests: believable requests, inquiries and
// complaints, deterministic for a seed. The hotel demo supplies the world
// (rooms, desks, staff, time span) and appends the events.

type demoAsk struct {
	dept, text string
}

var demoServices = []demoAsk{
	{"housekeeping", "再要两条浴巾 two more bath towels"}, {"housekeeping", "加枕头和毛毯 extra pillows and a blanket"},
	{"housekeeping", "请现在打扫房间 clean the room now please"}, {"housekeeping", "补充洗漱用品 refill toiletries"},
	{"engineering", "空调噪音大 air conditioner too noisy"}, {"engineering", "电视没有信号 TV has no signal"},
	{"engineering", "淋浴下水堵塞 shower drain blocked"}, {"engineering", "卫生间灯不亮 bathroom light broken"},
	{"fnb", "送餐迟迟未到 room service order is late"}, {"fnb", "要一个电水壶 hot water kettle, please"},
	{"laundry", "快洗收衣 express laundry pick-up"}, {"concierge", "预约06:00去机场的出租车 taxi to the airport at 06:00"},
	{"concierge", "行李送到大堂 luggage down to the lobby"}, {"front_office", "延迟退房至14:00 late check-out until 14:00"},
	{"", "06:30叫醒服务 wake-up call at 06:30"}, {"", "送针线包 bring a sewing kit"},
}

var demoInquiries = []string{
	"早餐时间？ breakfast hours?", "健身房在哪里？ where is the gym?", "Wi-Fi密码？ Wi-Fi password?", "最近的药店？ nearest pharmacy?",
	"机场班车时间？ airport shuttle times?", "今天泳池开放吗？ is the pool open today?", "哪里能买电话卡？ where can I buy a SIM card?",
}

type demoGripe struct {
	cat  ComplaintCategory
	dept string
	text string
}

var demoComplaints = []demoGripe{
	{ComplaintNoise, "security", "隔壁午夜后音乐声大 loud music next door after midnight"},
	{ComplaintHygiene, "housekeeping", "浴缸里有头发 hair in the bathtub"},
	{ComplaintFacilities, "engineering", "空调不制冷 air conditioner not cooling"},
	{ComplaintFood, "fnb", "送餐的饭菜是凉的 cold food from room service"},
	{ComplaintService, "front_office", "入住时等了20分钟 waited 20 minutes at check-in"},
	{ComplaintOther, "", "走廊有烟味 smell of smoke in the corridor"},
}

var demoResults = []string{"已完成 done", "已完成，客人满意 done, guest satisfied", "现场修好 fixed on site", "已送达 delivered", "部门已处理 handled by the department"}

// DemoRequests makes the events of n guest requests, each entity's
// events in order. Requests opened in the last two hours before End are
// still being worked on.
func DemoRequests(w *app.DemoWorld, n int, emit app.DemoEmit) error {
	if len(w.Staff) == 0 || len(w.Rooms) == 0 || len(w.Desks) == 0 {
		return nil
	}
	recent := demoRecent(w, n)
	for i := range n {
		at := app.DemoTime(w.Rand, w.Start, w.End)
		if i < recent {
			at = w.End.Add(-time.Duration(1+w.Rand.IntN(45)) * time.Minute)
		}
		if err := emit(demoRequest(w, at)...); err != nil {
			return err
		}
	}
	return nil
}

// demoRecent is how many of n requests come in the last 45 minutes and
// are still being worked on: three times the history's average for 45
// minutes (an evening rush), and at least eight. A longer history is the
// same hotel for longer, so the requests open now do not grow with it.
func demoRecent(w *app.DemoWorld, n int) int {
	span := w.End.Sub(w.Start)
	if span <= 0 {
		return 8
	}
	return max(8, int(3*float64(n)*float64(45*time.Minute)/float64(span)))
}

func demoRequest(w *app.DemoWorld, at time.Time) []wire.Event {
	open := demoOpened(w, at)
	q := &app.DemoSeq{At: at, End: w.End, Actor: app.Pick(w.Rand, w.Staff), Ref: app.Ref(KindRequest, w.NewID())}
	q.Add(TypeRequestOpened, open)
	demoProgress(w.Rand, q, open)
	return q.Events
}

func demoOpened(w *app.DemoWorld, at time.Time) RequestOpened {
	r := w.Rand
	room := app.Pick(r, w.Rooms)
	o := RequestOpened{At: at, Desk: app.DemoDeskFor(w, room), Room: room, Guest: app.Pick(r, app.DemoGuests),
		Channel:  app.Pick(r, []RequestChannel{ChannelPhone, ChannelPhone, ChannelInPerson, ChannelRoom}),
		Priority: app.Pick(r, []RequestPriority{PriorityNormal, PriorityNormal, PriorityNormal, PriorityHigh, PriorityUrgent})}
	switch n := r.IntN(10); {
	case n < 6:
		ask := app.Pick(r, demoServices)
		o.Kind, o.Department, o.Description = RequestService, ask.dept, ask.text
	case n < 9:
		o.Kind, o.Description = RequestInquiry, app.Pick(r, demoInquiries)
	default:
		g := app.Pick(r, demoComplaints)
		sev := app.Pick(r, []ComplaintSeverity{SeverityMinor, SeverityMinor, SeverityModerate, SeveritySerious, SeverityUrgent})
		o.Kind, o.Department, o.Description = RequestComplaint, g.dept, g.text
		o.Complaint = &Complaint{Category: g.cat, Severity: sev, Responsible: g.dept}
	}
	o.PromisedAt, o.Topic = DefaultPromise(o.Priority, at), demoTopics[o.Description]
	return o
}

// demoProgress dispatches, follows up, resolves and confirms a request as
// far as the clock allows.
func demoProgress(r *rand.Rand, q *app.DemoSeq, o RequestOpened) {
	if o.Kind == RequestInquiry {
		demoAnswer(r, q)
		return
	}
	if o.Department != "" {
		if !q.Wait(time.Duration(1+r.IntN(5)) * time.Minute) {
			return
		}
		q.Add(TypeRequestDispatched, RequestDispatched{At: q.At, Department: o.Department, Notified: app.Pick(r, demoNotified)})
	}
	if o.Complaint != nil && r.IntN(2) == 0 {
		q.Add(TypeRequestCompensated, RequestCompensated{At: q.At, Given: "apology and fruit basket"})
	}
	if r.IntN(20) == 0 {
		if q.Wait(time.Duration(2+r.IntN(20)) * time.Minute) {
			q.Add(TypeRequestCancelled, RequestCancelled{At: q.At, Reason: "guest no longer needs it"})
		}
		return
	}
	demoWork(r, q, o)
}

// demoAnswer answers an inquiry on the spot.
func demoAnswer(r *rand.Rand, q *app.DemoSeq) {
	if !q.Wait(time.Duration(1+r.IntN(4)) * time.Minute) {
		return
	}
	q.Add(TypeRequestResolved, RequestResolved{At: q.At, Result: "answered"})
	if q.Wait(time.Minute) {
		q.Add(TypeRequestConfirmed, RequestConfirmed{At: q.At, Satisfaction: app.Pick(r, []int{5, 5, 4})})
	}
}

// demoWork follows a request up every ten minutes until it is done, mostly
// before the promised time, one in ten late; then the guest confirms.
func demoWork(r *rand.Rand, q *app.DemoSeq, o RequestOpened) {
	left := max(o.PromisedAt.Sub(q.At), 4*time.Minute)
	done := q.At.Add(time.Minute + time.Duration(r.Int64N(int64(left))))
	if r.IntN(10) == 0 {
		done = o.PromisedAt.Add(time.Duration(5+r.IntN(40)) * time.Minute)
	}
	for q.At.Add(10 * time.Minute).Before(done) {
		if !q.Wait(10 * time.Minute) {
			return
		}
		q.Add(TypeRequestFollowedUp, RequestFollowedUp{At: q.At, Note: app.Pick(r, demoFollowNotes)})
	}
	if !q.Wait(done.Sub(q.At)) {
		return
	}
	q.Add(TypeRequestResolved, RequestResolved{At: q.At, Result: app.Pick(r, demoResults)})
	if q.Wait(time.Duration(5+r.IntN(30)) * time.Minute) {
		q.Add(TypeRequestConfirmed, RequestConfirmed{At: q.At, Satisfaction: app.Pick(r, []int{5, 5, 5, 4, 4, 3, 2})})
	}
}

var demoFollowNotes = []string{"department says on the way", "在路上 on the way", "waiting for a spare part", "guest not in the room, will try again"}

var demoNotified = []string{"陈静 (HK)", "刘师傅 (ENG)", "赵敏 (F&B)", "孙丽 (LDY)", "周杰 (CON)", "黄磊 (FO)", "Guard Liu"}
