package loans

import (
	"math/rand/v2"
	"slices"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Demo history for item loans, deterministic for a seed. Loans from the
// last day may still be out (never more than a desk's stock); older ones
// came back, a few late, damaged or lost.

// demoItemWeight makes the usual suspects the most lent.
var demoItemWeight = map[string]int{
	"hair_dryer": 8, "phone_charger": 8, "adapter": 6, "power_strip": 5, "umbrella": 5,
	"extra_pillow": 4, "iron": 3, "blanket": 3,
}

// DemoLoans makes the events of n loans, each entity's events in order.
func DemoLoans(w *app.DemoWorld, n int, emit app.DemoEmit) error {
	if len(w.Staff) == 0 || len(w.Rooms) == 0 || len(w.Desks) == 0 || len(w.Items) == 0 {
		return nil
	}
	g := &demoLender{w: w, open: map[string]int{}, tagsOut: map[string]bool{}}
	for range n {
		if err := emit(g.loan()...); err != nil {
			return err
		}
	}
	return nil
}

// demoLender keeps what is still out at End, so the demo never lends more
// than a desk has.
type demoLender struct {
	w       *app.DemoWorld
	open    map[string]int // desk + item → items out at End
	tagsOut map[string]bool
}

func (g *demoLender) loan() []wire.Event {
	w, r := g.w, g.w.Rand
	at := app.DemoTime(r, w.Start, w.End)
	t := g.pickItem()
	room := app.Pick(r, w.Rooms)
	desk := app.DemoDeskFor(w, room)
	line := LoanLine{Item: t.Code, Count: 1 + r.IntN(2)*app.BoolInt(t.Code == "extra_pillow")}
	stays := w.End.Sub(at) < 24*time.Hour && g.canKeep(desk, line)
	if tags := t.Tags[desk]; len(tags) > 0 {
		line.Tags = g.pickTags(r, tags, stays)
		line.Count = len(line.Tags)
		stays = stays && len(line.Tags) > 0
	}
	if line.Count == 0 {
		return nil
	}
	q := &app.DemoSeq{At: at, End: w.End, Actor: app.Pick(r, w.Staff), Ref: app.Ref(KindLoan, w.NewID())}
	due := time.Date(at.Year(), at.Month(), at.Day()+1, LoanDueHour, 0, 0, 0, time.UTC)
	q.Add(TypeLoanOpened, LoanOpened{At: at, Desk: desk, Room: room, Guest: app.Pick(r, app.DemoGuests),
		Lines: []LoanLine{line}, DueAt: due})
	if stays || !g.giveBack(r, q, desk, line, due) {
		g.keepOpen(desk, line)
	}
	return q.Events
}

// pickItem picks an item type, the usual suspects more often.
func (g *demoLender) pickItem() app.ItemType {
	total := 0
	for _, t := range g.w.Items {
		total += max(1, demoItemWeight[t.Code])
	}
	n := g.w.Rand.IntN(total)
	for _, t := range g.w.Items {
		if n -= max(1, demoItemWeight[t.Code]); n < 0 {
			return t
		}
	}
	return g.w.Items[0]
}

// pickTags picks one tag; a loan that stays out needs one nobody has.
func (g *demoLender) pickTags(r *rand.Rand, tags []string, stays bool) []string {
	if !stays {
		return []string{app.Pick(r, tags)}
	}
	free := slices.DeleteFunc(slices.Clone(tags), func(t string) bool { return g.tagsOut[t] })
	if len(free) == 0 {
		return nil
	}
	return []string{app.Pick(r, free)}
}

func (g *demoLender) keepOpen(desk string, line LoanLine) {
	g.open[desk+line.Item] += line.Count
	for _, t := range line.Tags {
		g.tagsOut[t] = true
	}
}

// giveBack returns a loan: usually before it is due, sometimes late,
// sometimes extended first; a few items come back damaged or not at all.
// It reports false, and returns nothing, when the return would fall after
// the end of the history and the desk can spare the item until then.
func (g *demoLender) giveBack(r *rand.Rand, q *app.DemoSeq, desk string, line LoanLine, due time.Time) bool {
	if r.IntN(20) == 0 && q.Wait(time.Duration(1+r.IntN(6))*time.Hour) {
		due = due.Add(24 * time.Hour)
		q.Add(TypeLoanExtended, LoanExtended{At: q.At, DueAt: due, Reason: "guest extended the stay"})
	}
	back := due.Add(-time.Duration(r.IntN(20)) * time.Hour)
	if r.IntN(10) == 0 {
		back = due.Add(time.Duration(1+r.IntN(5)) * time.Hour) // late
	}
	if !back.After(q.At) {
		back = q.At.Add(time.Duration(1+r.IntN(3)) * time.Hour)
	}
	rl := ReturnLine{Item: line.Item, Count: line.Count, Tags: line.Tags, Condition: ConditionFine}
	switch r.IntN(50) {
	case 0:
		rl.Condition, rl.Charge, rl.Note = ConditionDamaged, 5000, "cord damaged"
	case 1:
		rl.Condition, rl.Charge, rl.Note = ConditionLost, 15000, "guest left with it"
	}
	if !q.Wait(back.Sub(q.At)) {
		if g.canKeep(desk, line) {
			return false
		}
		q.At = q.End.Add(-time.Minute)
	}
	q.Add(TypeLoanReturned, LoanReturned{At: q.At, Desk: desk, Lines: []ReturnLine{rl}})
	return true
}

// canKeep reports whether line can stay out at End with at most half a
// desk's stock out, so the demo desks still have items to lend.
func (g *demoLender) canKeep(desk string, line LoanLine) bool {
	for _, t := range line.Tags {
		if g.tagsOut[t] {
			return false
		}
	}
	for _, t := range g.w.Items {
		if t.Code == line.Item {
			return 2*(g.open[desk+line.Item]+line.Count) <= t.Stock[desk]
		}
	}
	return false
}
