package app

import (
	"fmt"
	"time"

	"floordesk/data/wire"
)

// Demo history for lost and found.

// demoFoundKinds pairs categories with believable descriptions.
var demoFoundKinds = []struct {
	cat   Category
	descs []string
}{
	{CatElectronics, []string{"黑色华为手机 black Huawei phone", "白色苹果耳机 white AirPods", "笔记本电脑充电器 laptop charger", "Kindle 电子书"}},
	{CatDocuments, []string{"身份证 ID card", "护照 passport", "驾驶证 driving licence"}},
	{CatValuables, []string{"金戒指 gold ring", "手表 wristwatch", "珍珠耳环 pearl earrings"}},
	{CatCash, []string{"现金 cash in an envelope", "钱包 wallet with cash"}},
	{CatClothing, []string{"蓝色外套 blue jacket", "黑色围巾 black scarf", "儿童帽子 child's hat", "运动鞋 sneakers"}},
	{CatOther, []string{"雨伞 umbrella", "玩具熊 teddy bear", "眼镜 glasses", "充电宝 power bank"}},
}

var demoPublicAreas = []string{"大堂 lobby", "餐厅 restaurant", "健身房 gym", "泳池 pool", "电梯厅 lift lobby"}

// DemoFound returns n found items (older ones claimed or disposed of) and
// about one loss report for every three items.
func DemoFound(w *DemoWorld, n int) []wire.Event {
	g := &demoFinder{w: w, seq: map[string]int{}}
	var out []wire.Event
	for range n {
		out = append(out, g.item()...)
	}
	return out
}

type demoFinder struct {
	w   *DemoWorld
	seq map[string]int // tag prefix → last number
}

func (g *demoFinder) item() []wire.Event {
	r := g.w.Rand
	kind := pick(r, demoFoundKinds)
	in := g.intake(kind.cat, pick(r, kind.descs))
	tag := g.tag(in.At, in.Desk)
	q := &demoSeq{at: in.At, end: g.w.End, actor: pick(r, g.w.Staff), ref: Ref(kindFound, tag)}
	var report []wire.Event
	if r.IntN(3) == 0 {
		report = g.report(in, q.actor)
	}
	q.add(TypeFoundLogged, in)
	g.outcome(q, in, report)
	return append(report, q.evs...)
}

func (g *demoFinder) intake(cat Category, desc string) FoundInput {
	r := g.w.Rand
	found := demoTime(r, g.w.Start, g.w.End.Add(-time.Hour)).Truncate(time.Minute)
	in := FoundInput{FoundAt: found, Finder: pick(r, g.w.Staff), Category: cat, Description: desc,
		Storage: "服务台储物柜 desk cabinet", At: found.Add(time.Duration(5+r.IntN(60)) * time.Minute)}
	if r.IntN(5) < 3 {
		in.Place, in.Room = pick(r, g.w.Rooms), true
		in.Desk = demoDeskOf(in.Place)
	} else {
		in.Place, in.Desk = pick(r, demoPublicAreas), pick(r, g.w.Desks)
	}
	if cat == CatCash || cat == CatValuables {
		in.Valuable, in.InSafe, in.Storage, in.Witness = true, true, "保险箱 safe", demoOther(g.w, in.Finder)
	}
	in.Police = cat == CatDocuments
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
	body := LostReportInput{Guest: pick(r, demoGuests), Contact: fmt.Sprintf("13%09d", r.IntN(1e9)),
		LostAt: in.FoundAt.Add(-time.Duration(r.IntN(300)) * time.Minute), Category: in.Category,
		Description: in.Description, Desk: in.Desk, At: in.FoundAt.Add(-10 * time.Minute)}
	if in.Room {
		body.Room = in.Place
	} else {
		body.Place = in.Place
	}
	return []wire.Event{demoEvent(actor, Ref(kindLostReport, g.w.NewID()), TypeLostReportFiled, body)}
}

// outcome claims, disposes of or keeps the item.
func (g *demoFinder) outcome(q *demoSeq, in FoundInput, report []wire.Event) {
	r := g.w.Rand
	if !q.wait(time.Duration(2+r.IntN(240)) * time.Hour) {
		return
	}
	if report != nil || r.IntN(2) == 0 {
		g.claim(q, in, report)
		return
	}
	q.at = in.HoldUntil.Add(time.Duration(r.IntN(72)) * time.Hour)
	if q.at.Before(g.w.End) {
		method := pick(r, []string{"donate", "destroy", "police"})
		q.add(TypeFoundDisposed, Disposal{Method: method, By: "S02", At: q.at})
	}
}

func (g *demoFinder) claim(q *demoSeq, in FoundInput, report []wire.Event) {
	r := g.w.Rand
	c := Claim{Claimant: pick(r, demoGuests), Contact: fmt.Sprintf("13%09d", r.IntN(1e9)), IDType: "id_card",
		IDLast4: fmt.Sprintf("%04d", r.IntN(10000)), Description: in.Description, ReturnedBy: pick(r, g.w.Staff),
		At: q.at, Desk: in.Desk}
	if r.IntN(4) == 0 {
		c.Carrier, c.Tracking = "顺丰 SF Express", fmt.Sprintf("SF%012d", r.Int64N(1e12))
	}
	if report != nil {
		c.Report = report[0].Entity.ID
	}
	q.add(TypeFoundClaimed, c)
	if report != nil {
		q.evs = append(q.evs, demoEvent(q.actor, report[0].Entity, TypeLostReportClosed,
			reportCloseBody{Item: q.ref.ID, Reason: "claimed", At: q.at}))
	}
}
