package app

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

func demoFixture(t *testing.T, seed uint64, size int) *fixture {
	t.Helper()
	f := openFixture(t, "desk-a", &testClock{t: testStart})
	if err := Demo(f.svc, DemoOptions{Seed: seed, Size: size, Days: 60}); err != nil {
		t.Fatalf("demo: %v", err)
	}
	return f
}

func TestDemoHotel(t *testing.T) {
	f := demoFixture(t, 7, 1500)
	staff, _ := f.svc.StaffList(true)
	rooms, _ := f.svc.Rooms()
	desks, _ := f.svc.Desks()
	keys, _ := f.svc.Keys()
	items, _ := f.svc.ItemTypes()
	if len(staff) != 30 || len(rooms.Rooms) != 300 || len(desks) != 3 || len(keys) != 40 || len(items) != 15 {
		t.Fatalf("staff %d rooms %d desks %d keys %d items %d", len(staff), len(rooms.Rooms), len(desks), len(keys), len(items))
	}
	if _, err := f.svc.Login("S01", DemoPIN); err != nil {
		t.Fatalf("demo supervisor login: %v", err)
	}
	if cs, _ := f.svc.Conflicts(); len(cs) != 0 {
		t.Fatalf("demo has conflicts: %+v", cs[0])
	}
	out, _ := f.svc.KeysOut()
	hist, _ := f.svc.KeyHistory("F01-MASTER")
	held, _ := f.svc.AwaitingClaim()
	claimed, _ := f.svc.FoundItems(FoundClaimed)
	doors, _ := f.svc.DoorOpenings(testStart.AddDate(0, 0, -60), testStart, "")
	if len(hist) < 5 || len(held) == 0 || len(claimed) == 0 || len(doors) == 0 {
		t.Fatalf("out %d history %d held %d claimed %d doors %d", len(out), len(hist), len(held), len(claimed), len(doors))
	}
	for _, l := range hist {
		if l.Witness == "" || l.Witness == l.Holder || l.Out.After(testStart) {
			t.Fatalf("bad master loan %+v", l)
		}
	}
	if f.svc.Clock().Equal(testStart) == false || f.svc.DeskCode != "D1" {
		t.Fatal("demo did not restore the service")
	}
	err := Demo(f.svc, DemoOptions{Seed: 7})
	wantRefusal(t, err, ErrConflict, "demo.not_empty")
}

// demoDump lists every entity's events (kind, id, type, body), which must
// not depend on anything but the seed.
func demoDump(t *testing.T, f *fixture) []byte {
	t.Helper()
	var out bytes.Buffer
	for _, kind := range registeredKinds() {
		_ = f.store.Views(kind, func(id string, _ []byte) error {
			evs, err := f.store.Stream(Ref(kind, id))
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
