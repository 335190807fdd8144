package keys

import (
	"reflect"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/data/wire"
)

// newKeyPair opens two desks sharing the hotel set-up and keys.
func newKeyPair(t *testing.T) (*fixture, *fixture) {
	t.Helper()
	a := newFixture(t)
	setupKeys(a)
	b := apptest.Open(t, "desk-b", apptest.NewClock(apptest.Start), New)
	b.Svc.DeskCode = "D2"
	apptest.ExchangeDesks(t, a, b)
	return a, b
}

func TestConflictKeySignedOutAtTwoDesks(t *testing.T) {
	a, b := newKeyPair(t)
	due := apptest.Start.Add(time.Hour)
	a.Must(a.Svc.SignOutKey(apptest.AttID, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.AttID, Purpose: "clean", Due: due}))
	b.Clock.Advance(time.Second)
	b.Must(b.Svc.SignOutKey(apptest.Att2ID, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.Att2ID, Purpose: "repair", Due: due}))
	apptest.ExchangeDesks(t, a, b)

	ca, err := a.Svc.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	cb, _ := b.Svc.Conflicts()
	if len(ca) != 1 || !reflect.DeepEqual(ca, cb) {
		t.Fatalf("desk a %+v\ndesk b %+v", ca, cb)
	}
	c := ca[0]
	if c.Kind != KindKey || c.EntityID != "F3-SEC-A" || c.Code != "key.signed_out_twice" || len(c.Events) != 2 {
		t.Fatalf("conflict = %+v", c)
	}
	if c.Params["desk_a"] != "desk-a" || c.Params["desk_b"] != "desk-b" {
		t.Fatalf("params = %v", c.Params)
	}
	holders, _ := b.Svc.KeyHolderAt("F3-SEC-A", apptest.Start.Add(time.Minute))
	if len(holders) != 2 {
		t.Fatalf("both holders are kept: %+v", holders)
	}

	err = a.Svc.ResolveConflict(apptest.AttID, KindKey, "F3-SEC-A", c.ID, "Zhang has it")
	apptest.WantRefusal(t, err, app.ErrForbidden, "role.required")
	err = a.Svc.ResolveConflict(apptest.SupID, KindKey, "F3-SEC-A", c.ID, "")
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.required")
	err = a.Svc.ResolveConflict(apptest.SupID, KindKey, "F3-SEC-A", "nope", "x")
	apptest.WantRefusal(t, err, app.ErrNotFound, "conflict.not_found")
	if err := a.Svc.ResolveConflict(apptest.SupID, KindKey, "F3-SEC-A", c.ID, "Zhang has it; Wang's sign-out was a mistake"); err != nil {
		t.Fatal(err)
	}
	// The supervisor fixes the state with the register's own command.
	a.Must(a.Svc.SignInKey(apptest.SupID, "F3-SEC-A"))
	apptest.ExchangeDesks(t, a, b)
	for _, d := range []*fixture{a, b} {
		if cs, _ := d.Svc.Conflicts(); len(cs) != 0 {
			t.Fatalf("%s still shows %+v", d.Store.Desk(), cs)
		}
	}
	ka, _ := a.Svc.Key("F3-SEC-A")
	kb, _ := b.Svc.Key("F3-SEC-A")
	if !reflect.DeepEqual(ka, kb) || len(ka.OpenLoans()) != 1 || len(ka.Resolved) != 1 {
		t.Fatalf("desks differ or wrong state:\n%+v\n%+v", ka, kb)
	}
}

func TestConflictLostWhileReturned(t *testing.T) {
	a, b := newKeyPair(t)
	signOut(a, "STORE-1", apptest.AttID)
	apptest.ExchangeDesks(t, a, b)
	a.Must(a.Svc.SignInKey(apptest.AttID, "STORE-1"))
	b.Must(b.Svc.ReportKeyLost(apptest.Att2ID, "STORE-1", "not on the trolley"))
	apptest.ExchangeDesks(t, a, b)
	ca, _ := a.Svc.Conflicts()
	cb, _ := b.Svc.Conflicts()
	if len(ca) != 1 || ca[0].Code != "key.lost_and_returned" || !reflect.DeepEqual(ca, cb) {
		t.Fatalf("a %+v b %+v", ca, cb)
	}
}

func TestNoConflictForSequentialWork(t *testing.T) {
	a, b := newKeyPair(t)
	signOut(a, "STORE-1", apptest.AttID)
	apptest.ExchangeDesks(t, a, b)
	b.Must(b.Svc.SignInKey(apptest.Att2ID, "STORE-1"))
	apptest.ExchangeDesks(t, a, b)
	signOut(b, "STORE-1", apptest.Att2ID)
	apptest.ExchangeDesks(t, a, b)
	if cs, _ := a.Svc.Conflicts(); len(cs) != 0 {
		t.Fatalf("conflicts = %+v", cs)
	}
}

func TestConflictStaffAddedAtTwoDesks(t *testing.T) {
	a, b := apptest.Pair(t, New)
	a.Must(a.Svc.AddStaff(apptest.SupID, app.NewStaff{Number: "A7", Name: "Liu Yang", Department: "housekeeping", Role: app.RoleAttendant, PIN: "1111"}))
	b.Must(b.Svc.AddStaff(apptest.SupID, app.NewStaff{Number: "A7", Name: "Liu Yan", Department: "laundry", Role: app.RoleAttendant, PIN: "2222"}))
	apptest.ExchangeDesks(t, a, b)
	ca, _ := a.Svc.Conflicts()
	cb, _ := b.Svc.Conflicts()
	if len(ca) != 1 || ca[0].Code != "staff.added_twice" || !reflect.DeepEqual(ca, cb) {
		t.Fatalf("a %+v b %+v", ca, cb)
	}
}

// TestConflictSameWhateverTheArrivalOrder has a third desk receive the two
// desks' events in the other order: all three views must be identical.
func TestConflictSameWhateverTheArrivalOrder(t *testing.T) {
	a, b := newKeyPair(t)
	c := apptest.Open(t, "desk-c", apptest.NewClock(apptest.Start), New)
	// c joins late: it gets the set-up by replaying a's streams.
	for _, kind := range app.RegisteredKinds() {
		_ = a.Store.Views(kind, func(id string, _ []byte) error {
			evs, _ := a.Store.Stream(app.Ref(kind, id))
			_, err := c.Store.ApplyRemote(evs, 0)
			return err
		})
	}
	due := apptest.Start.Add(time.Hour)
	a.Must(a.Svc.SignOutKey(apptest.AttID, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.AttID, Purpose: "clean", Due: due}))
	b.Clock.Advance(time.Second)
	b.Must(b.Svc.SignOutKey(apptest.Att2ID, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.Att2ID, Purpose: "repair", Due: due}))
	fromA, _ := a.Store.Outbox(100)
	fromB, _ := b.Store.Outbox(100)
	apptest.ExchangeDesks(t, a, b)
	for _, evs := range [][]wire.Event{fromB, fromA} { // later event first
		if _, err := c.Store.ApplyRemote(evs, 0); err != nil {
			t.Fatal(err)
		}
	}
	var views [][]byte
	for _, d := range []*fixture{a, b, c} {
		v, err := d.Store.View(app.Ref(KindKey, "F3-SEC-A"))
		if err != nil {
			t.Fatal(err)
		}
		views = append(views, v)
	}
	if string(views[0]) != string(views[1]) || string(views[0]) != string(views[2]) {
		t.Fatalf("views differ:\n%s\n%s\n%s", views[0], views[1], views[2])
	}
	if cs, _ := c.Svc.Conflicts(); len(cs) != 1 {
		t.Fatalf("desk c conflicts = %+v", cs)
	}
}
