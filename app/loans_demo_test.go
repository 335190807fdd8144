package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"floordesk/data/wire"
)

// demoWorld builds a world on f's set-up: rooms, desks D1 and D2, the 15
// demo item types, two attendants and a month of history before now.
func demoWorld(f *fixture, seed uint64) *DemoWorld {
	f.t.Helper()
	setupLoans(f)
	items := []ItemType{}
	for _, in := range DemoItemTypes([]string{"D1", "D2"}) {
		items = append(items, mustItem(f, in))
	}
	n := 0
	return &DemoWorld{
		Rand: rand.New(rand.NewPCG(seed, 7)), Start: testStart.AddDate(0, -1, 0), End: testStart,
		Rooms: []string{"0801", "0802", "1203", "1208"}, Desks: []string{"D1", "D2"},
		Staff: []string{attID, att2ID}, Items: items,
		NewID: func() string { n++; return fmt.Sprintf("00000000-0000-7000-8000-%012d", n) },
	}
}

func mustItem(f *fixture, in ItemTypeInput) ItemType {
	f.t.Helper()
	t, err := f.svc.SetItemType(supID, in)
	if err != nil {
		f.t.Fatalf("item type %s: %v", in.Code, err)
	}
	return t
}

func appendDemo(f *fixture, evs []wire.Event) {
	f.t.Helper()
	for len(evs) > 0 {
		n := min(len(evs), 500)
		if _, err := f.store.AppendAll(evs[:n]); err != nil {
			f.t.Fatalf("append demo: %v", err)
		}
		evs = evs[n:]
	}
}

func TestDemoIsDeterministic(t *testing.T) {
	enc := func(evs []wire.Event) []byte {
		b, _ := json.Marshal(evs)
		return b
	}
	f := newFixture(t)
	w1, w2 := demoWorld(f, 42), demoWorld(newFixture(t), 42)
	a := append(DemoRequests(w1, 200), DemoLoans(w1, 200)...)
	b := append(DemoRequests(w2, 200), DemoLoans(w2, 200)...)
	if !bytes.Equal(enc(a), enc(b)) {
		t.Fatal("same seed, different demo")
	}
	w3 := demoWorld(newFixture(t), 43)
	if c := DemoRequests(w3, 200); bytes.Equal(enc(a[:len(c)]), enc(c)) {
		t.Fatal("different seeds, same demo")
	}
}

func TestDemoRequestsAndLoansAreBelievable(t *testing.T) {
	f := newFixture(t)
	w := demoWorld(f, 1)
	appendDemo(f, DemoRequests(w, 400))
	appendDemo(f, DemoLoans(w, 400))
	if all, _ := f.svc.Conflicts(); len(all) != 0 {
		t.Fatalf("demo has conflicts: %+v", all[0])
	}
	stock, _ := f.svc.Stock("")
	for _, r := range stock {
		if r.Out > r.Stock {
			t.Errorf("%s at %s: %d out of %d", r.Item, r.Desk, r.Out, r.Stock)
		}
	}
	open, _ := f.svc.OpenLoans("")
	rep, _ := f.svc.FrequentLoans(w.Start, w.End)
	if len(open) == 0 || len(rep) < 10 || rep[0].Loans < 20 {
		t.Fatalf("open loans %d, report %+v", len(open), rep)
	}
	times, _ := f.svc.RequestTimesBetween(w.Start, w.End, "")
	if times.Opened != 400 || times.Confirmed < 250 || times.Cancelled == 0 || times.AvgSatisfaction < 3.5 {
		t.Fatalf("request times = %+v", times)
	}
	if recent, _ := f.svc.RequestTimesBetween(w.End.Add(-time.Hour), w.End, ""); recent.Opened == 0 {
		t.Log("no request in the last hour (fine for this seed)")
	}
	for _, l := range open {
		if l.OpenedAt.After(w.End) {
			t.Fatalf("loan from the future: %+v", l)
		}
	}
}

// TestDemoHotelRequestsAndLoans checks the whole demo hotel as a
// supervisor would see requests and loans in it.
func TestDemoHotelRequestsAndLoans(t *testing.T) {
	f := openFixture(t, "desk-a", &testClock{t: testStart})
	if err := Demo(f.svc, DemoOptions{Seed: 9, Size: 3000}); err != nil {
		t.Fatal(err)
	}
	if all, _ := f.svc.Conflicts(); len(all) != 0 {
		t.Fatalf("demo conflicts: %+v", all[0])
	}
	open, _ := f.svc.OpenRequests("")
	esc, _ := f.svc.EscalatedRequests()
	times, _ := f.svc.RequestTimesBetween(testStart.AddDate(0, 0, -90), testStart, "")
	if len(open) < 3 || len(esc) > len(open)+5 || times.Opened < 1000 || times.AvgResponse > 10*time.Minute {
		t.Fatalf("open %d, escalated %d, times %+v", len(open), len(esc), times)
	}
	stock, _ := f.svc.Stock("")
	for _, r := range stock {
		if r.Out > r.Stock {
			t.Errorf("%s at %s: %d out of %d", r.Item, r.Desk, r.Out, r.Stock)
		}
	}
	loans, _ := f.svc.OpenLoans("")
	for _, l := range loans {
		if l.Desk != demoDeskOf(l.Room) {
			t.Fatalf("room %s lent from %s", l.Room, l.Desk)
		}
	}
	t.Logf("open requests %d, escalated %d, open loans %d, %+v", len(open), len(esc), len(loans), times)
}
