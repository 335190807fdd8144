package messages_test

import (
	"strings"
	"testing"

	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
)

// roomsCSV is floor 8 (desk D1) and floor 12 (desk D2), written with
// leading zeros as the hotel's list is.
const roomsCSV = "房号,楼层,房型\n0801,8,大床房\n0802,8,双床房\n1201,12,套房\n"

// inhouseCSV has two guests named 张伟, in two rooms.
const inhouseCSV = "房号,客人姓名,到店日期,离店日期\n0801,王芳,2026-03-01,2026-03-05\n" +
	"0802,张伟,2026-03-01,2026-03-05\n1201,张伟,2026-03-02,2026-03-06\n1201,Anna Müller,2026-03-02,2026-03-06\n"

type desk = apptest.Desk[*registers.All]

// newDesk is desk D1 with the room list, desks D1 (floor 8) and D2
// (floor 12) and the in-house guests.
func newDesk(t *testing.T) *desk {
	t.Helper()
	d := apptest.New(t, registers.New)
	setup(d)
	return d
}

func setup(d *desk) {
	d.T.Helper()
	d.Must(d.Core.ImportRooms(apptest.SupID, "rooms.csv", strings.NewReader(roomsCSV)))
	d.Must(d.Core.SetDesk(apptest.SupID, "D1", "8楼服务台", []int{8}))
	d.Must(d.Core.SetDesk(apptest.SupID, "D2", "12楼服务台", []int{12}))
	d.Must(d.Svc.ImportGuests(apptest.SupID, "inhouse.csv", strings.NewReader(inhouseCSV)))
}
