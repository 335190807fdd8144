package loans

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/demo"
	"floordesk/app/requests"
	"floordesk/data/wire"
)

// demoWorld builds a world on f's set-up: rooms, desks D1 and D2, the 15
// demo item types, two attendants and a month of history before now.
func demoWorld(f *fixture, seed uint64) *app.DemoWorld {
	f.T.Helper()
	setupLoans(f)
	items := []app.ItemType{}
	for _, in := range demo.DemoItemTypes([]string{"D1", "D2"}) {
		items = append(items, mustItem(f, in))
	}
	n := 0
	return &app.DemoWorld{
		Rand: rand.New(rand.NewPCG(seed, 7)), Start: apptest.Start.AddDate(0, -1, 0), End: apptest.Start,
		Rooms: []string{"0801", "0802", "1203", "1208"}, Desks: []string{"D1", "D2"},
		Staff: []string{apptest.AttID, apptest.Att2ID}, Items: items,
		NewID: func() string { n++; return fmt.Sprintf("00000000-0000-7000-8000-%012d", n) },
	}
}

func mustItem(f *fixture, in app.ItemTypeInput) app.ItemType {
	f.T.Helper()
	t, err := f.Svc.SetItemType(apptest.SupID, in)
	if err != nil {
		f.T.Fatalf("item type %s: %v", in.Code, err)
	}
	return t
}

func appendDemo(f *fixture, evs []wire.Event) {
	f.T.Helper()
	for len(evs) > 0 {
		n := min(len(evs), 500)
		if _, err := f.Store.AppendAll(evs[:n]); err != nil {
			f.T.Fatalf("append demo: %v", err)
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
	a := append(app.DemoEvents(requests.DemoRequests, w1, 200), app.DemoEvents(DemoLoans, w1, 200)...)
	b := append(app.DemoEvents(requests.DemoRequests, w2, 200), app.DemoEvents(DemoLoans, w2, 200)...)
	if !bytes.Equal(enc(a), enc(b)) {
		t.Fatal("same seed, different demo")
	}
	w3 := demoWorld(newFixture(t), 43)
	if c := app.DemoEvents(requests.DemoRequests, w3, 200); bytes.Equal(enc(a[:len(c)]), enc(c)) {
		t.Fatal("different seeds, same demo")
	}
}

func TestDemoRequestsAndLoansAreBelievable(t *testing.T) {
	f := newFixture(t)
	w := demoWorld(f, 1)
	appendDemo(f, app.DemoEvents(requests.DemoRequests, w, 400))
	appendDemo(f, app.DemoEvents(DemoLoans, w, 400))
	if all, _ := f.Svc.Conflicts(); len(all) != 0 {
		t.Fatalf("demo has conflicts: %+v", all[0])
	}
	stock, _ := f.Svc.Stock("")
	for _, r := range stock {
		if r.Out > r.Stock {
			t.Errorf("%s at %s: %d out of %d", r.Item, r.Desk, r.Out, r.Stock)
		}
	}
	open, _ := f.Svc.OpenLoans("")
	rep, _ := f.Svc.FrequentLoans(w.Start, w.End)
	if len(open) == 0 || len(rep) < 10 || rep[0].Loans < 20 {
		t.Fatalf("open loans %d, report %+v", len(open), rep)
	}
	times, _ := requests.New(f.Core).RequestTimesBetween(w.Start, w.End, "")
	if times.Opened != 400 || times.Confirmed < 250 || times.Cancelled == 0 || times.AvgSatisfaction < 3.5 {
		t.Fatalf("request times = %+v", times)
	}
	if recent, _ := requests.New(f.Core).RequestTimesBetween(w.End.Add(-time.Hour), w.End, ""); recent.Opened == 0 {
		t.Log("no request in the last hour (fine for this seed)")
	}
	for _, l := range open {
		if l.OpenedAt.After(w.End) {
			t.Fatalf("loan from the future: %+v", l)
		}
	}
}
