package guests_test

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/guests"
)

// pmsCSV is an in-house list as a PMS exports it: a title line, Chinese
// headers in its own order, rooms without their leading zero, dates
// with and without a time, a VIP mark, a master account that is no room
// and a line without a departure. apptest.Start is 2026-03-03.
const pmsCSV = "在住客人报表 2026-03-03\n" +
	"离店日期,房号,客人姓名,VIP,到店日期\n" +
	"2026/3/3,801,张伟,是,2026/3/1\n" +
	"2026-03-03 12:00,0801,李娜,,2026-03-01\n" +
	"2026/3/4,802,王芳,,2026/3/2\n" +
	"2026/3/5,9999,团队主账,,2026/3/1\n" +
	",803,赵敏,,2026/3/2\n" +
	"2026/3/3,805,Smith John,VIP2,20260228\n"

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPreviewAGBKExport(t *testing.T) {
	d := newDesk(t)
	p, err := d.Svc.PreviewGuests(apptest.SupID, "inhouse.csv", bytes.NewReader(gbk(t, pmsCSV)))
	if err != nil {
		t.Fatal(err)
	}
	want := []guests.Guest{
		{Room: "0801", Name: "张伟", Arrival: "2026-03-01", Departure: "2026-03-03", VIP: true},
		{Room: "0801", Name: "李娜", Arrival: "2026-03-01", Departure: "2026-03-03"},
		{Room: "0802", Name: "王芳", Arrival: "2026-03-02", Departure: "2026-03-04"},
		{Room: "0805", Name: "Smith John", Arrival: "2026-02-28", Departure: "2026-03-03", VIP: true},
	}
	if !reflect.DeepEqual(p.Guests, want) {
		t.Fatalf("guests:\n%+v\nwant\n%+v", p.Guests, want)
	}
	codes := map[string]string{}
	for _, n := range p.Notes {
		codes[n.Code] = n.Params["line"] + n.Params["room"] + n.Params["encoding"]
	}
	wantNotes := map[string]string{guests.NoteEncoding: "GB18030", guests.NoteTitleLine: "1",
		guests.NoteUnknownRoom: "69999", guests.NoteNoDeparture: "7"}
	if !reflect.DeepEqual(codes, wantNotes) {
		t.Fatalf("notes %v, want %v", codes, wantNotes)
	}
	if p.Rooms() != 3 || !reflect.DeepEqual(p.DepartingOn("2026-03-03"), []string{"0801", "0805"}) {
		t.Fatalf("rooms %d, departing today %v", p.Rooms(), p.DepartingOn("2026-03-03"))
	}
	if l, _ := d.Svc.Guests(); len(l.Guests) != 0 {
		t.Fatalf("a preview saved %d guests", len(l.Guests))
	}
}

func TestOnlySupervisorsImport(t *testing.T) {
	d := newDesk(t)
	_, err := d.Svc.PreviewGuests(apptest.AttID, "inhouse.csv", strings.NewReader(pmsCSV))
	apptest.WantRefusal(t, err, app.ErrForbidden, "")
}

func TestReimportReplacesTheList(t *testing.T) {
	d := newDesk(t)
	d.Must(d.Svc.ImportGuests(apptest.SupID, "monday.csv", strings.NewReader(pmsCSV)))
	second := "room,guest,arrival,departure\n0803,Ann Lee,2026-03-03,2026-03-06\n"
	d.Must(d.Svc.ImportGuests(apptest.SupID, "tuesday.csv", strings.NewReader(second)))
	l, err := d.Svc.Guests()
	if err != nil {
		t.Fatal(err)
	}
	want := []guests.Guest{{Room: "0803", Name: "Ann Lee", Arrival: "2026-03-03", Departure: "2026-03-06"}}
	if l.File != "tuesday.csv" || !reflect.DeepEqual(l.Guests, want) || l.By != apptest.SupID {
		t.Fatalf("list after the second import: %+v", l)
	}
}

func TestASecondDeskSeesTheList(t *testing.T) {
	a, b := apptest.Pair(t, guests.New)
	a.Must(a.Core.ImportRooms(apptest.SupID, "rooms.csv", strings.NewReader(roomsCSV)))
	a.Must(a.Svc.ImportGuests(apptest.SupID, "inhouse.csv", strings.NewReader(pmsCSV)))
	apptest.ExchangeDesks(t, a, b)
	l, err := b.Svc.Guests()
	if err != nil || len(l.Guests) != 4 || l.Guests[3].Name != "Smith John" {
		t.Fatalf("desk b's list: %+v, %v", l, err)
	}
	apptest.SameViews(t, a, b, app.Ref(guests.KindGuests, guests.ListID))
}

// list writes n guests in rooms 0801 to 0805 (room sharing, as a
// hotel's list has), each with its own name.
func list(n int) string {
	var b strings.Builder
	b.WriteString("房号,姓名,到店,离店\n")
	rooms := []string{"0801", "0802", "0803", "0805"}
	for i := range n {
		fmt.Fprintf(&b, "%s,客人%04d号张三丰,2026-03-01,2026-03-%02d\n", rooms[i%4], i, 3+i%20)
	}
	return b.String()
}

func TestGuestLimit(t *testing.T) {
	d := newDesk(t)
	l, err := d.Svc.ImportGuests(apptest.SupID, "full.csv", strings.NewReader(list(guests.MaxGuests)))
	if err != nil || len(l.Guests) != guests.MaxGuests {
		t.Fatalf("a list of %d guests: %d saved, %v", guests.MaxGuests, len(l.Guests), err)
	}
	_, err = d.Svc.PreviewGuests(apptest.SupID, "over.csv", strings.NewReader(list(guests.MaxGuests+1)))
	apptest.WantRefusal(t, err, app.ErrInvalid, "guests.too_many")
	if l, _ := d.Svc.Guests(); len(l.Guests) != guests.MaxGuests {
		t.Fatalf("the refused file changed the list: %d guests", len(l.Guests))
	}
}

func TestFileRefusals(t *testing.T) {
	cases := []struct{ name, file, code string }{
		{"no header", "0801,张伟,2026-03-03\n", "guests.no_header"},
		{"no departure column", "房号,姓名\n0801,张伟\n", "guests.no_departure"},
		{"no guests", "房号,姓名,离店\n", "guests.empty"},
		{"only unknown rooms", "房号,姓名,离店\n9999,张伟,2026-03-03\n", "guests.empty"},
		{"dates both ways", "room,name,departure\n0801,A,05/06/2026\n", "guests.ambiguous_dates"},
		{"dates mixed", "room,name,departure\n0801,A,13/06/2026\n0802,B,06/13/2026\n", "guests.mixed_dates"},
	}
	d := newDesk(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := d.Svc.PreviewGuests(apptest.SupID, "x.csv", strings.NewReader(c.file))
			apptest.WantRefusal(t, err, app.ErrInvalid, c.code)
		})
	}
}

// TestDatesWithTheYearLast: 05/06/2026 is read the way the file's other
// dates show, and the preview says so.
func TestDatesWithTheYearLast(t *testing.T) {
	cases := []struct{ name, file, want, note string }{
		{"day first", "room,departure,arrival\n0801,05/03/2026,28/02/2026\n", "2026-03-05", guests.NoteDayFirst},
		{"month first", "room,departure,arrival\n0801,03/05/2026,02/28/2026\n", "2026-03-05", guests.NoteMonthFirst},
	}
	d := newDesk(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := d.Svc.PreviewGuests(apptest.SupID, "x.csv", strings.NewReader(c.file))
			if err != nil {
				t.Fatal(err)
			}
			if p.Guests[0].Departure != c.want || p.Guests[0].Arrival != "2026-02-28" {
				t.Fatalf("read %+v, want departure %s", p.Guests[0], c.want)
			}
			if n := p.Notes[len(p.Notes)-1]; n.Code != c.note || n.Params["iso"] != "2026-02-28" {
				t.Fatalf("note %+v, want %s", n, c.note)
			}
		})
	}
}
