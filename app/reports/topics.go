package reports

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"floordesk/app"
	"floordesk/app/requests"
)

// What guests call about (manual 001's analysis of the centre's calls):
// the requests and inquiries of a week counted by topic, for the whole
// hotel, by floor and by room type, and the topics rising against the
// four weeks before, so a supervisor sees a TV many guests cannot switch
// on before the tenth call.

// Rising: a topic rises when this week's count is at least RisingMin and
// at least RisingFactor times the average of the weeks before, of which
// there are PriorWeeks.
const (
	PriorWeeks   = 4
	RisingMin    = 3
	RisingFactor = 1.5
)

// TopicCount is how many calls a topic had.
type TopicCount struct {
	Topic string
	Calls int
}

// TopicGroup is the topics of one floor or one room type. Key is the
// floor's number or the type's name; "" gathers the public areas and the
// rooms the room list does not hold.
type TopicGroup struct {
	Key    string
	Calls  int
	Topics []TopicCount // most calls first
}

// TopicRise is a topic called about more this week than before.
type TopicRise struct {
	Topic  string
	Calls  int     // this week
	Before float64 // a week's average over the PriorWeeks before
}

// TopicWeek is a week's call topics.
type TopicWeek struct {
	From, To time.Time // the week: Monday midnight to the next, hotel time
	Calls    int       // requests opened in the week with a topic
	Without  int       // and without one
	Topics   []TopicCount
	Prior    []TopicCount // the PriorWeeks weeks before, together
	ByFloor  []TopicGroup // by floor number, the public areas last
	ByType   []TopicGroup // by room type's name, the public areas last
	Rising   []TopicRise  // the steepest rise first
}

// TopicWeek reports the call topics of the week (Monday to Sunday on the
// hotel's clock) holding day, beside the PriorWeeks weeks before it. Safe
// from any goroutine; it reads the five weeks' requests.
func (r *Reporter) TopicWeek(day time.Time) (TopicWeek, error) {
	from, to := weekOf(day.In(r.core.Loc()))
	calls, without, err := r.requests.TopicCalls(from, to)
	if err != nil {
		return TopicWeek{}, fmt.Errorf("report topics: %w", err)
	}
	before, _, err := r.requests.TopicCalls(from.AddDate(0, 0, -7*PriorWeeks), from)
	if err != nil {
		return TopicWeek{}, fmt.Errorf("report topics before: %w", err)
	}
	rooms, err := r.core.Rooms()
	if err != nil {
		return TopicWeek{}, fmt.Errorf("report topics rooms: %w", err)
	}
	w := TopicWeek{From: from, To: to, Calls: len(calls), Without: without, Topics: countTopics(calls)}
	w.ByFloor, w.ByType = groupTopics(calls, rooms.Rooms)
	w.Prior = countTopics(before)
	w.Rising = rising(w.Topics, w.Prior)
	return w, nil
}

// weekOf is the week holding day: its Monday's midnight and the next.
func weekOf(day time.Time) (from, to time.Time) {
	today := midnight(day)
	from = today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	return from, from.AddDate(0, 0, 7)
}

// countTopics counts calls by topic, most first, then by name.
func countTopics(calls []requests.TopicCall) []TopicCount {
	n := map[string]int{}
	for _, c := range calls {
		n[c.Topic]++
	}
	out := make([]TopicCount, 0, len(n))
	for t, c := range n {
		out = append(out, TopicCount{t, c})
	}
	slices.SortFunc(out, func(a, b TopicCount) int {
		return cmp.Or(cmp.Compare(b.Calls, a.Calls), cmp.Compare(a.Topic, b.Topic))
	})
	return out
}

// groupTopics counts calls by the floor and by the type of their room.
func groupTopics(calls []requests.TopicCall, rooms []app.Room) (byFloor, byType []TopicGroup) {
	listed := make(map[string]app.Room, len(rooms))
	for _, rm := range rooms {
		listed[rm.Number] = rm
	}
	floors, types := map[string][]requests.TopicCall{}, map[string][]requests.TopicCall{}
	for _, c := range calls {
		floor, typ := "", ""
		if rm, ok := listed[c.Room]; ok && c.Room != "" {
			floor, typ = strconv.Itoa(rm.Floor), rm.Type
		}
		floors[floor] = append(floors[floor], c)
		types[typ] = append(types[typ], c)
	}
	return groups(floors, byFloorNumber), groups(types, cmp.Compare[string])
}

func groups(by map[string][]requests.TopicCall, order func(a, b string) int) []TopicGroup {
	keys := slices.SortedFunc(maps.Keys(by), func(a, b string) int {
		switch {
		case a == "" && b != "": // the public areas last
			return 1
		case b == "" && a != "":
			return -1
		}
		return order(a, b)
	})
	out := make([]TopicGroup, len(keys))
	for i, k := range keys {
		out[i] = TopicGroup{Key: k, Calls: len(by[k]), Topics: countTopics(by[k])}
	}
	return out
}

func byFloorNumber(a, b string) int {
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	return cmp.Compare(x, y)
}

// rising lists the topics of now that rose against the weeks before
// (RisingMin, RisingFactor), the steepest rise first.
func rising(now, before []TopicCount) []TopicRise {
	prior := map[string]int{}
	for _, c := range before {
		prior[c.Topic] = c.Calls
	}
	var out []TopicRise
	for _, c := range now {
		avg := float64(prior[c.Topic]) / PriorWeeks
		if c.Calls >= RisingMin && float64(c.Calls) >= RisingFactor*avg && float64(c.Calls) > avg {
			out = append(out, TopicRise{Topic: c.Topic, Calls: c.Calls, Before: avg})
		}
	}
	slices.SortStableFunc(out, func(a, b TopicRise) int {
		return cmp.Compare(float64(b.Calls)-b.Before, float64(a.Calls)-a.Before)
	})
	return out
}
