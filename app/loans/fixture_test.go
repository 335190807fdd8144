package loans

import (
	"strings"
	"testing"

	"floordesk/app/apptest"
	"floordesk/data"
	"floordesk/data/wire"
)

// The shared fixture (app/apptest) on this package's register.

type fixture struct{ *apptest.Desk[*LoanRegister] }

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

// roomsCSV is a small room list: floors 8 and 12.
const roomsCSV = "floor,room,type\n8,0801,king\n8,0802,twin\n12,1203,suite\n12,1208,king\n"

func importRooms(f *fixture) {
	f.T.Helper()
	f.Must(f.Svc.ImportRooms(supID, "rooms-2026.csv", strings.NewReader(roomsCSV)))
}
