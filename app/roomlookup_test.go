package app_test

import (
	"strings"
	"testing"

	"floordesk/app"
	"floordesk/app/apptest"
)

// TestTypedNumberFindsTheListedRoom: "801" typed at the desk is room 0801
// when the list has no other room it could be, and the record keeps the
// list's number.
func TestTypedNumberFindsTheListedRoom(t *testing.T) {
	f := newFixture(t)
	f.Must(f.Core.ImportRooms(apptest.SupID, "rooms.csv", strings.NewReader("房号,楼层,房型\n0801,8,大床房\n0901,9,双床房\n")))
	if err := f.Core.CheckRoom("room", "801"); err != nil {
		t.Fatalf("801 refused where the list says 0801: %v", err)
	}
	if got := f.Core.ListedRoom("801"); got != "0801" {
		t.Fatalf("801 is listed as %q", got)
	}
	apptest.WantRefusal(t, f.Core.CheckRoom("room", "802"), app.ErrInvalid, "room.unknown")

	f.Must(f.Core.ImportRooms(apptest.SupID, "rooms.csv", strings.NewReader("房号,楼层,房型\n0801,8,大床房\n00801,8,双床房\n801,8,套房\n")))
	apptest.WantRefusal(t, f.Core.CheckRoom("room", "0000801"), app.ErrInvalid, "room.unknown")
	if got := f.Core.ListedRoom("801"); got != "801" {
		t.Fatalf("801 listed as itself is %q", got)
	}
}
