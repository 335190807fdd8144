package found

import (
	"testing"

	"floordesk/app/apptest"
	"floordesk/data"
	"floordesk/data/wire"
)

// The shared fixture (app/apptest) on this package's register.

type fixture struct{ *apptest.Desk[*FoundRegister] }

var (
	testStart   = apptest.Start
	wantRefusal = apptest.WantRefusal
)

const (
	supID  = apptest.SupID
	attID  = apptest.AttID
	att2ID = apptest.Att2ID
)

func newFixture(t *testing.T) *fixture { return &fixture{apptest.New(t, New)} }

func openFixture(t *testing.T, desk string, clock *apptest.Clock) *fixture {
	return &fixture{apptest.Open(t, desk, clock, New)}
}

func newPair(t *testing.T) (*fixture, *fixture) {
	a, b := apptest.Pair(t, New)
	return &fixture{a}, &fixture{b}
}

func exchange(t *testing.T, desks ...*fixture) {
	t.Helper()
	stores := make([]*data.Store, len(desks))
	for i, d := range desks {
		stores[i] = d.Store
	}
	apptest.Exchange(t, stores...)
}

func sameView(t *testing.T, a, b *fixture, r wire.EntityRef) {
	apptest.SameView(t, a.Store, b.Store, r)
}
