package demo

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/found"
)

func demoFixture(t *testing.T, seed uint64, size int) *fixture {
	t.Helper()
	f := apptest.Open(t, "desk-a", apptest.NewClock(apptest.Start), registers.New)
	if err := Demo(f.Core, DemoOptions{Seed: seed, Size: size, Days: 60}); err != nil {
		t.Fatalf("demo: %v", err)
	}
	return f
}

func TestDemoHotel(t *testing.T) {
	f := demoFixture(t, 7, 1500)
	staff, _ := f.Svc.StaffList(true)
	rooms, _ := f.Svc.Rooms()
	desks, _ := f.Svc.Desks()
	keys, _ := f.Svc.Keys()
	items, _ := f.Svc.ItemTypes()
	if len(staff) != 30 || len(rooms.Rooms) != 300 || len(desks) != 3 || len(keys) != 40 || len(items) != 15 {
		t.Fatalf("staff %d rooms %d desks %d keys %d items %d", len(staff), len(rooms.Rooms), len(desks), len(keys), len(items))
	}
	if _, err := f.Svc.Login("S01", DemoPIN); err != nil {
		t.Fatalf("demo supervisor login: %v", err)
	}
	if cs, _ := f.Svc.Conflicts(); len(cs) != 0 {
		t.Fatalf("demo has conflicts: %+v", cs[0])
	}
	out, _ := f.Svc.KeysOut()
	hist, _ := f.Svc.KeyHistory("F01-MASTER")
	held, _ := f.Svc.AwaitingClaim()
	claimed, _ := f.Svc.FoundItems(found.FoundClaimed)
	doors, _ := f.Svc.DoorOpenings(apptest.Start.AddDate(0, 0, -60), apptest.Start, "")
	if len(hist) < 5 || len(held) == 0 || len(claimed) == 0 || len(doors) == 0 {
		t.Fatalf("out %d history %d held %d claimed %d doors %d", len(out), len(hist), len(held), len(claimed), len(doors))
	}
	for _, l := range hist {
		if l.Witness == "" || l.Witness == l.Holder || l.Out.After(apptest.Start) {
			t.Fatalf("bad master loan %+v", l)
		}
	}
	if f.Svc.Clock().Equal(apptest.Start) == false || f.Svc.DeskCode != "D1" {
		t.Fatal("demo did not restore the service")
	}
	err := Demo(f.Core, DemoOptions{Seed: 7})
	apptest.WantRefusal(t, err, app.ErrConflict, "demo.not_empty")
}

// demoDump lists every entity's events (kind, id, type, body), which must
// not depend on anything but the seed.
func demoDump(t *testing.T, f *fixture) []byte {
	t.Helper()
	var out bytes.Buffer
	for _, kind := range app.RegisteredKinds() {
		_ = f.Store.Views(kind, func(id string, _ []byte) error {
			evs, err := f.Store.Stream(app.Ref(kind, id))
			for _, ev := range evs {
				out.WriteString(kind + "/" + id + " " + ev.Type + " " + ev.Actor + " ")
				out.Write(ev.Body)
				out.WriteByte('\n')
			}
			return err
		})
	}
	return out.Bytes()
}

func TestDemoDeterministic(t *testing.T) {
	a, b, c := demoDump(t, demoFixture(t, 3, 300)), demoDump(t, demoFixture(t, 3, 300)), demoDump(t, demoFixture(t, 4, 300))
	if !bytes.Equal(a, b) {
		t.Fatal("same seed, different demo")
	}
	if bytes.Equal(a, c) {
		t.Fatal("different seeds, same demo")
	}
	_ = json.Valid
	_ = time.Second
}

// TestDemoHotelRequestsAndLoans checks the whole demo hotel as a
// supervisor would see requests and loans in it.
func TestDemoHotelRequestsAndLoans(t *testing.T) {
	f := apptest.Open(t, "desk-a", apptest.NewClock(apptest.Start), registers.New)
	if err := Demo(f.Core, DemoOptions{Seed: 9, Size: 3000}); err != nil {
		t.Fatal(err)
	}
	if all, _ := f.Svc.Conflicts(); len(all) != 0 {
		t.Fatalf("demo conflicts: %+v", all[0])
	}
	open, _ := f.Svc.OpenRequests("")
	esc, _ := f.Svc.EscalatedRequests()
	times, _ := f.Svc.RequestTimesBetween(apptest.Start.AddDate(0, 0, -90), apptest.Start, "")
	if len(open) < 3 || len(esc) > len(open)+5 || times.Opened < 1000 || times.AvgResponse > 10*time.Minute {
		t.Fatalf("open %d, escalated %d, times %+v", len(open), len(esc), times)
	}
	stock, _ := f.Svc.Stock("")
	for _, r := range stock {
		if r.Out > r.Stock {
			t.Errorf("%s at %s: %d out of %d", r.Item, r.Desk, r.Out, r.Stock)
		}
	}
	loans, _ := f.Svc.OpenLoans("")
	for _, l := range loans {
		if l.Desk != app.DemoDeskOf(l.Room) {
			t.Fatalf("room %s lent from %s", l.Room, l.Desk)
		}
	}
	t.Logf("open requests %d, escalated %d, open loans %d, %+v", len(open), len(esc), len(loans), times)
}
