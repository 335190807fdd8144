package loans

import (
	"strings"
	"testing"

	"floordesk/app/apptest"
)

// fixture is the shared test desk (app/apptest) on this package's register.
type fixture = apptest.Desk[*LoanRegister]

func newFixture(t *testing.T) *fixture { return apptest.New(t, New) }

// roomsCSV is a small room list: floors 8 and 12.
const roomsCSV = "floor,room,type\n8,0801,king\n8,0802,twin\n12,1203,suite\n12,1208,king\n"

func importRooms(f *fixture) {
	f.T.Helper()
	f.Must(f.Svc.ImportRooms(apptest.SupID, "rooms-2026.csv", strings.NewReader(roomsCSV)))
}
