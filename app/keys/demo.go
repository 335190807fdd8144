package keys

import (
	"fmt"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// demoKeyList is the 40 keys: 12 floor masters, 24 section keys, 3 store
// rooms and the emergency key.
func demoKeyList() []NewKey {
	var keys []NewKey
	for floor := 1; floor <= 12; floor++ {
		desk := fmt.Sprintf("D%d", (floor-1)/4+1)
		keys = append(keys, NewKey{Tag: fmt.Sprintf("F%02d-MASTER", floor), Type: KeyFloorMaster,
			Areas: []string{fmt.Sprintf("floor %d", floor)}, Desk: desk})
		for _, sec := range []string{"A", "B"} {
			keys = append(keys, NewKey{Tag: fmt.Sprintf("F%02d-SEC-%s", floor, sec), Type: KeySection,
				Areas: []string{fmt.Sprintf("floor %d section %s", floor, sec)}, Desk: desk})
		}
	}
	for i := 1; i <= 3; i++ {
		keys = append(keys, NewKey{Tag: fmt.Sprintf("STORE-%d", i), Type: KeyStoreRoom, Desk: fmt.Sprintf("D%d", i)})
	}
	return append(keys, NewKey{Tag: "EMERGENCY", Type: KeyEmergency, Desk: "D1"})
}

func demoKeys(s *app.Service, _ *app.DemoWorld) error {
	for _, k := range demoKeyList() {
		if _, err := New(s).RegisterKey("S01", k); err != nil {
			return err
		}
	}
	return nil
}

// DemoKeyLoans makes n key sign-outs spread over the demo keys, each
// signed back in (now and then by someone else) except a few still out at
// End, some of them overdue.
func DemoKeyLoans(w *app.DemoWorld, n int, emit app.DemoEmit) error {
	keys := demoKeyList()
	for i, k := range keys {
		per := n / len(keys)
		if i < n%len(keys) {
			per++
		}
		if err := demoKeyHistory(w, k, per, emit); err != nil {
			return err
		}
	}
	return nil
}

// demoKeyHistory lays out count loans of one key in slots over the history.
func demoKeyHistory(w *app.DemoWorld, k NewKey, count int, emit app.DemoEmit) error {
	if count == 0 {
		return nil
	}
	slot := w.End.Sub(w.Start) / time.Duration(count)
	for i := range count {
		if err := emit(demoKeyLoan(w, k, w.Start.Add(time.Duration(i)*slot), slot, i == count-1)...); err != nil {
			return err
		}
	}
	return nil
}

func demoKeyLoan(w *app.DemoWorld, k NewKey, from time.Time, slot time.Duration, last bool) []wire.Event {
	r := w.Rand
	at := from.Add(time.Duration(r.Int64N(int64(slot/2) + 1))).Truncate(time.Minute)
	holder := app.Pick(r, w.Staff)
	body := keyOutBody{Holder: holder, Purpose: app.Pick(r, demoKeyPurposes), Due: at.Add(time.Duration(1+r.IntN(4)) * time.Hour),
		Desk: k.Desk, At: at}
	if k.Type.NeedsWitness() {
		body.Witness = app.DemoOther(w, holder)
	}
	outEv := app.DemoEvent(app.Pick(r, w.Staff), app.Ref(KindKey, k.Tag), TypeKeySignedOut, body)
	back := at.Add(time.Duration(20+r.IntN(240)) * time.Minute)
	if back.After(w.End) || (last && r.IntN(8) == 0) {
		return []wire.Event{outEv} // still out
	}
	by := holder
	if r.IntN(10) == 0 {
		by = app.DemoOther(w, holder)
	}
	in := app.DemoEvent(by, app.Ref(KindKey, k.Tag), TypeKeySignedIn, keyInBody{Desk: k.Desk, At: back})
	return []wire.Event{outEv, in}
}

var demoKeyPurposes = []string{"客房清扫 room cleaning", "开夜床 turn-down", "查房 room check", "维修陪同 escort engineer",
	"补充布草 restock linen", "迷你吧补货 minibar restock"}

// DemoDoors makes n guest door openings.
func DemoDoors(w *app.DemoWorld, n int, emit app.DemoEmit) error {
	r := w.Rand
	for range n {
		at := app.DemoTime(r, w.Start, w.End).Truncate(time.Minute)
		room := app.Pick(r, w.Rooms)
		body := DoorOpeningInput{Room: room, Guest: app.Pick(r, app.DemoGuests), IDType: app.Pick(r, app.IDTypes[:3]),
			IDLast4: fmt.Sprintf("%04d", r.IntN(10000)), OpenedBy: app.Pick(r, w.Staff), Desk: app.DemoDeskOf(room), At: at}
		if err := emit(app.DemoEvent(body.OpenedBy, app.Ref(KindDoor, w.NewID()), TypeDoorOpened, body)); err != nil {
			return err
		}
	}
	return nil
}
