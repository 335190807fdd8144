package personal_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/guests"
	"floordesk/app/personal"
	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// TestReplacedGuestListsExpire: each imported in-house list is sealed
// under its own key; once a list has been replaced for longer than the
// retention, its key is destroyed and erased (the names of guests who
// left with it), while the current list stays readable.
func TestReplacedGuestListsExpire(t *testing.T) {
	d := apptest.New(t, guests.New)
	monday, err := d.Svc.ImportGuests(apptest.SupID, "monday.csv",
		strings.NewReader("room,guest,arrival,departure\n0801,"+guestName+",2026-03-01,2026-03-03\n"))
	if err != nil || len(monday.Keys) != 1 {
		t.Fatalf("monday's list: %+v, %v", monday, err)
	}
	mondayKey := monday.Keys[0].Key
	d.Clock.Advance(24 * time.Hour)
	d.Must(d.Svc.ImportGuests(apptest.SupID, "tuesday.csv", strings.NewReader("room,guest,arrival,departure\n0803,Ann Lee,2026-03-03,2026-03-06\n")))

	d.Clock.Advance(89 * 24 * time.Hour)
	d.Must(personal.Housekeep(d.Core, d.Clock.Now()))
	if keyErased(t, d, mondayKey) {
		t.Fatal("monday's list was destroyed before the retention passed")
	}
	d.Clock.Advance(24*time.Hour + time.Minute)
	d.Must(personal.Housekeep(d.Core, d.Clock.Now()))
	if !keyErased(t, d, mondayKey) {
		t.Fatal("monday's list key survives the retention")
	}
	l, err := d.Svc.Guests()
	if err != nil || len(l.Guests) != 1 || l.Guests[0].Name != "Ann Lee" || len(l.Keys) != 1 || l.Keys[0].Key == mondayKey {
		t.Fatalf("the current list after the housekeeping: %+v, %v", l, err)
	}
}

// keyErased reports whether the store holds key id's issue erased.
func keyErased(t *testing.T, d *apptest.Desk[*guests.GuestRegister], id string) bool {
	t.Helper()
	evs, err := d.Store.Stream(app.Ref(pkey.Kind, id))
	if err != nil || len(evs) == 0 {
		t.Fatalf("key %s: %d events, %v", id, len(evs), err)
	}
	return pkey.IsErased(evs[0].Body)
}

// TestPlainGuestListErased: an in-house list imported before sealing
// holds its guests in its event in the clear; once a newer list has
// replaced it for the retention, its guests are erased from the event,
// while the current list stays readable.
func TestPlainGuestListErased(t *testing.T) {
	d := apptest.New(t, guests.New)
	old, _ := app.NewEvent(apptest.SupID, app.Ref(guests.KindGuests, guests.ListID), guests.TypeGuestsImported,
		guests.Imported{File: "monday.csv", At: d.Clock.Now(), Guests: []guests.Guest{{Room: "0801", Name: guestName, Departure: "2026-03-03"}}})
	if _, err := d.Store.AppendAll([]wire.Event{old}); err != nil {
		t.Fatal(err)
	}
	d.Clock.Advance(24 * time.Hour)
	d.Must(d.Svc.ImportGuests(apptest.SupID, "tuesday.csv", strings.NewReader("room,guest,arrival,departure\n0803,Ann Lee,2026-03-03,2026-03-06\n")))

	d.Clock.Advance(89 * 24 * time.Hour)
	d.Must(personal.Housekeep(d.Core, d.Clock.Now()))
	if !bytes.Contains(apptest.Readable(t, d.Store), []byte(guestName)) {
		t.Fatal("monday's plain list was erased before the retention passed")
	}
	d.Clock.Advance(24*time.Hour + time.Minute)
	d.Must(personal.Housekeep(d.Core, d.Clock.Now()))
	if bytes.Contains(apptest.Readable(t, d.Store), []byte(guestName)) {
		t.Fatal("monday's plain list still holds its guest after the retention")
	}
	l, err := d.Svc.Guests()
	if err != nil || len(l.Guests) != 1 || l.Guests[0].Name != "Ann Lee" {
		t.Fatalf("the current list after the housekeeping: %+v, %v", l, err)
	}
	if rep, err := d.Store.Verify(nil); err != nil || !rep.OK() {
		t.Fatalf("the desk's chain after the erasure: %v\n%s", err, rep)
	}
}
