package found

import (
	"fmt"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Demo history for lost and found.

// demoFoundKinds pairs categories with believable descriptions.
var demoFoundKinds = []struct {
	cat   app.Category
	descs []string
}{
	{app.CatElectronics, []string{"黑色华为手机 black Huawei phone", "白色苹果耳机 white AirPods", "笔记本电脑充电器 laptop charger", "Kindle 电子书"}},
	{app.CatDocuments, []string{"身份证 ID card", "护照 passport", "驾驶证 driving licence"}},
	{app.CatValuables, []string{"金戒指 gold ring", "手表 wristwatch", "珍珠耳环 pearl earrings"}},
	{app.CatCash, []string{"现金 cash in an envelope", "钱包 wallet with cash"}},
	{app.CatClothing, []string{"蓝色外套 blue jacket", "黑色围巾 black scarf", "儿童帽子 child's hat", "运动鞋 sneakers"}},
	{app.CatOther, []string{"雨伞 umbrella", "玩具熊 teddy bear", "眼镜 glasses", "充电宝 power bank"}},
}

var demoPublicAreas = []string{"大堂 lobby", "餐厅 restaurant", "健身房 gym", "泳池 pool", "电梯厅 lift lobby"}

// DemoFound makes n found items (older ones claimed or disposed of) and
// about one loss report for every three items.
func DemoFound(w *app.DemoWorld, n int, emit app.DemoEmit) error {
	g := &demoFinder{w: w, seq: map[string]int{}}
	for range n {
		if err := emit(g.item()...); err != nil {
			return err
		}
	}
	return nil
}

type demoFinder struct {
	w   *app.DemoWorld
	seq map[string]int // tag prefix → last number
}

func (g *demoFinder) item() []wire.Event {
	r := g.w.Rand
	kind := app.Pick(r, demoFoundKinds)
	in := g.intake(kind.cat, app.Pick(r, kind.descs))
	tag := g.tag(in.At, in.Desk)
	q := &app.DemoSeq{At: in.At, End: g.w.End, Actor: app.Pick(r, g.w.Staff), Ref: app.Ref(KindFound, tag)}
	var report []wire.Event
	if r.IntN(3) == 0 {
		report = g.report(in, q.Actor)
	}
	q.Add(TypeFoundLogged, in)
	g.outcome(q, in, report)
	return append(report, q.Events...)
}

func (g *demoFinder) intake(cat app.Category, desc string) FoundInput {
	r := g.w.Rand
	found := app.DemoTime(r, g.w.Start, g.w.End.Add(-time.Hour)).Truncate(time.Minute)
	in := FoundInput{FoundAt: found, Finder: app.Pick(r, g.w.Staff), Category: cat, Description: desc,
		Storage: "服务台储物柜 desk cabinet", At: found.Add(time.Duration(5+r.IntN(60)) * time.Minute)}
	if r.IntN(5) < 3 {
		in.Place, in.Room = app.Pick(r, g.w.Rooms), true
		in.Desk = app.DemoDeskOf(in.Place)
	} else {
		in.Place, in.Desk = app.Pick(r, demoPublicAreas), app.Pick(r, g.w.Desks)
	}
	if cat == app.CatCash || cat == app.CatValuables {
		in.Valuable, in.InSafe, in.Storage, in.Witness = true, true, "保险箱 safe", app.DemoOther(g.w, in.Finder)
	}
	in.Police = cat == app.CatDocuments
	in.HoldUntil = found.AddDate(0, 0, 90)
	return in
}

func (g *demoFinder) tag(at time.Time, desk string) string {
	prefix := "LF" + at.Format("060102") + "-" + desk + "-"
	g.seq[prefix]++
	return fmt.Sprintf("%s%03d", prefix, g.seq[prefix])
}

// report files the guest's loss report before the item turns up.
func (g *demoFinder) report(in FoundInput, actor string) []wire.Event {
	r := g.w.Rand
	body := LostReportInput{Guest: app.Pick(r, app.DemoGuests), Contact: fmt.Sprintf("13%09d", r.IntN(1e9)),
		LostAt: in.FoundAt.Add(-time.Duration(r.IntN(300)) * time.Minute), Category: in.Category,
		Description: in.Description, Desk: in.Desk, At: in.FoundAt.Add(-10 * time.Minute)}
	if in.Room {
		body.Room = in.Place
	} else {
		body.Place = in.Place
	}
	return []wire.Event{app.DemoEvent(actor, app.Ref(KindLostReport, g.w.NewID()), TypeLostReportFiled, body)}
}

// outcome claims, disposes of or keeps the item.
func (g *demoFinder) outcome(q *app.DemoSeq, in FoundInput, report []wire.Event) {
	r := g.w.Rand
	if !q.Wait(time.Duration(2+r.IntN(240)) * time.Hour) {
		return
	}
	if report != nil || r.IntN(2) == 0 {
		g.claim(q, in, report)
		return
	}
	q.At = in.HoldUntil.Add(time.Duration(r.IntN(72)) * time.Hour)
	if q.At.Before(g.w.End) {
		method := app.Pick(r, []string{"donate", "destroy", "police"})
		q.Add(TypeFoundDisposed, Disposal{Method: method, By: "S02", At: q.At})
	}
}

func (g *demoFinder) claim(q *app.DemoSeq, in FoundInput, report []wire.Event) {
	r := g.w.Rand
	c := Claim{Claimant: app.Pick(r, app.DemoGuests), Contact: fmt.Sprintf("13%09d", r.IntN(1e9)), IDType: "id_card",
		IDLast4: fmt.Sprintf("%04d", r.IntN(10000)), Description: in.Description, ReturnedBy: app.Pick(r, g.w.Staff),
		At: q.At, Desk: in.Desk}
	if r.IntN(4) == 0 {
		c.Carrier, c.Tracking = "顺丰 SF Express", fmt.Sprintf("SF%012d", r.Int64N(1e12))
	}
	if report != nil {
		c.Report = report[0].Entity.ID
	}
	q.Add(TypeFoundClaimed, c)
	if report != nil {
		q.Events = append(q.Events, app.DemoEvent(q.Actor, report[0].Entity, TypeLostReportClosed,
			reportCloseBody{Item: q.Ref.ID, Reason: "claimed", At: q.At}))
	}
}
