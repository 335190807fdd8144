package guests_test

import (
	"strings"
	"testing"

	"floordesk/app/apptest"
	"floordesk/app/guests"
)

// roomsCSV is floor 8 written with leading zeros, as the hotel's list is.
const roomsCSV = "房号,楼层,房型\n0801,8,大床房\n0802,8,双床房\n0803,8,套房\n0805,8,大床房\n"

func newDesk(t *testing.T) *apptest.Desk[*guests.GuestRegister] {
	t.Helper()
	d := apptest.New(t, guests.New)
	d.Must(d.Core.ImportRooms(apptest.SupID, "rooms.csv", strings.NewReader(roomsCSV)))
	return d
}
