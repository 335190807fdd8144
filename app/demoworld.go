package app

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"floordesk/data/wire"
)

// DemoGenerator makes n records of history in w. Make gives each record's
// events to emit as soon as it has made them, in order for each entity,
// so a demo of a million records is never all in memory; it stops at the
// first error emit returns and returns it. Weight is its share of
// DemoOptions.Size. A generator of Weight 0 is given n = 0 and makes
// history that follows the days and the staff rather than how busy the
// hotel is (the staff's daily attendance): the size does not count it,
// and the other generators' shares stay as they were.
type DemoGenerator struct {
	Name   string
	Weight int
	Make   func(w *DemoWorld, n int, emit DemoEmit) error
}

// DemoEmit takes the events of one record of demo history (none for a
// record the generator dropped).
type DemoEmit func(evs ...wire.Event) error

// DemoEvents is every event gen makes for n records, for tests.
func DemoEvents(gen func(*DemoWorld, int, DemoEmit) error, w *DemoWorld, n int) []wire.Event {
	var out []wire.Event
	_ = gen(w, n, func(evs ...wire.Event) error { out = append(out, evs...); return nil })
	return out
}

// DemoWorld is what the request and loan demo draws from.
type DemoWorld struct {
	Rand       *rand.Rand
	Start, End time.Time // history runs over [Start, End); End is "now"
	Rooms      []string
	Desks      []string
	Staff      []string // staff IDs that work at the desks
	// Shifts are the shifts of the staff in Staff, by staff ID, for
	// the history of who came to work when.
	Shifts map[string]Shift
	// Names are their names, by staff ID.
	Names map[string]string
	Items []ItemType
	NewID func() string
}

// DemoEvent builds an unsaved event; bodies always encode.
func DemoEvent(actor string, r wire.EntityRef, typ string, body any) wire.Event {
	b, _ := json.Marshal(body)
	return wire.Event{Actor: actor, Entity: r, Type: typ, Version: 1, Body: b}
}

func Pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// DemoDeskFor is the desk serving room in the demo hotel (four floors a
// desk), or any desk when the world's desks are laid out otherwise.
func DemoDeskFor(w *DemoWorld, room string) string {
	if len(room) == 4 {
		if d := DemoDeskOf(room); slices.Contains(w.Desks, d) {
			return d
		}
	}
	return Pick(w.Rand, w.Desks)
}

// DemoGuests are the names guests give at the desk.
var DemoGuests = []string{
	"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周杰", "吴倩",
	"徐明", "孙丽", "马超", "朱婷", "胡军", "郭靖", "林峰", "何欣", "高翔", "罗丹",
	"John Smith", "Tanaka Yuki", "Kim Min-jun", "Anna Müller",
}

// DemoTime is a random time in [start, end), moved into 07:00–23:00 so the
// desk is busy by day.
func DemoTime(r *rand.Rand, start, end time.Time) time.Time {
	t := start.Add(time.Duration(r.Int64N(int64(end.Sub(start)))))
	if h := t.Hour(); h < 7 || h >= 23 {
		t = t.Add(time.Duration(8+r.IntN(8)) * time.Hour)
	}
	if !t.Before(end) {
		t = end.Add(-time.Duration(1+r.IntN(120)) * time.Minute)
	}
	return t.Truncate(time.Second)
}

// DemoSeq lays out one entity's events in time, stopping at the end of
// the history.
type DemoSeq struct {
	At, End time.Time
	Actor   string
	Ref     wire.EntityRef
	Events  []wire.Event
}

// Wait moves the clock on and reports whether it is still before the end.
func (q *DemoSeq) Wait(d time.Duration) bool {
	q.At = q.At.Add(d)
	return q.At.Before(q.End)
}

func (q *DemoSeq) Add(typ string, body any) {
	q.Events = append(q.Events, DemoEvent(q.Actor, q.Ref, typ, body))
}

func BoolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// DemoOther picks a staff member other than id.
func DemoOther(w *DemoWorld, id string) string {
	for {
		if o := Pick(w.Rand, w.Staff); o != id {
			return o
		}
	}
}

// DemoDeskOf is the desk serving a demo room ("0812" → floor 8 → D2).
func DemoDeskOf(room string) string {
	floor := int(room[0]-'0')*10 + int(room[1]-'0')
	return fmt.Sprintf("D%d", (floor-1)/4+1)
}
