package app

import (
	"encoding/json"
	"floordesk/data/wire"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// DemoGenerator makes n records of history in w, as events in order for
// each entity. Weight is its share of DemoOptions.Size.
type DemoGenerator struct {
	Name   string
	Weight int
	Make   func(w *DemoWorld, n int) []wire.Event
}

// DemoWorld is what the request and loan demo draws from.
type DemoWorld struct {
	Rand       *rand.Rand
	Start, End time.Time // history runs over [Start, End); End is "now"
	Rooms      []string
	Desks      []string
	Staff      []string // staff IDs that work at the desks
	Items      []ItemType
	NewID      func() string
}

// demoEvent builds an unsaved event; bodies always encode.
func demoEvent(actor string, r wire.EntityRef, typ string, body any) wire.Event {
	b, _ := json.Marshal(body)
	return wire.Event{Actor: actor, Entity: r, Type: typ, Version: 1, Body: b}
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// demoDeskFor is the desk serving room in the demo hotel (four floors a
// desk), or any desk when the world's desks are laid out otherwise.
func demoDeskFor(w *DemoWorld, room string) string {
	if len(room) == 4 {
		if d := demoDeskOf(room); slices.Contains(w.Desks, d) {
			return d
		}
	}
	return pick(w.Rand, w.Desks)
}

// demoGuests are the names guests give at the desk.
var demoGuests = []string{
	"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周杰", "吴倩",
	"徐明", "孙丽", "马超", "朱婷", "胡军", "郭靖", "林峰", "何欣", "高翔", "罗丹",
	"John Smith", "Tanaka Yuki", "Kim Min-jun", "Anna Müller",
}

// demoTime is a random time in [start, end), moved into 07:00–23:00 so the
// desk is busy by day.
func demoTime(r *rand.Rand, start, end time.Time) time.Time {
	t := start.Add(time.Duration(r.Int64N(int64(end.Sub(start)))))
	if h := t.Hour(); h < 7 || h >= 23 {
		t = t.Add(time.Duration(8+r.IntN(8)) * time.Hour)
	}
	if !t.Before(end) {
		t = end.Add(-time.Duration(1+r.IntN(120)) * time.Minute)
	}
	return t.Truncate(time.Second)
}

// demoSeq lays out one entity's events in time, stopping at the end of
// the history.
type demoSeq struct {
	at, end time.Time
	actor   string
	ref     wire.EntityRef
	evs     []wire.Event
}

// wait moves the clock on and reports whether it is still before the end.
func (q *demoSeq) wait(d time.Duration) bool {
	q.at = q.at.Add(d)
	return q.at.Before(q.end)
}

func (q *demoSeq) add(typ string, body any) {
	q.evs = append(q.evs, demoEvent(q.actor, q.ref, typ, body))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// demoOther picks a staff member other than id.
func demoOther(w *DemoWorld, id string) string {
	for {
		if o := pick(w.Rand, w.Staff); o != id {
			return o
		}
	}
}

// demoDeskOf is the desk serving a demo room ("0812" → floor 8 → D2).
func demoDeskOf(room string) string {
	floor := int(room[0]-'0')*10 + int(room[1]-'0')
	return fmt.Sprintf("D%d", (floor-1)/4+1)
}
