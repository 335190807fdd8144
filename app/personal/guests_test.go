package personal_test

import (
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/guests"
	"floordesk/app/personal"
	"floordesk/data/pkey"
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
