package app_test

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"floordesk/app"
	"floordesk/app/apptest"
)

// FuzzImportRooms: whatever file a supervisor picks (CSV, GBK, UTF-16,
// a workbook), the import does not panic; a refused file is a refusal
// with a code the desk can show (never a Go error) and saves nothing, the
// room list staying as it was; a preview saves nothing; an accepted one
// holds each room once, its number set and trimmed, and the list written
// back out as CSV imports as the same list.
func FuzzImportRooms(f *testing.F) {
	for _, seed := range []string{
		apptest.RoomsCSV,
		"3,301,twin\n\n4,401,king\n",
		"floor;room;type\n3;301;twin\n",
		"3,301\n", "3,301,twin\nthree,302,king\n", "3,,twin\n", "3,301,twin\n3,301,king\n",
		"floor,room,type\n", "3,\"301,twin\n", "", "\n\n", "\xef\xbb\xbffloor,room,type\r\n3,301,twin\r\n",
		" 3 , 301 , twin , extra\n-1,B1,store\n+2,201,\n9223372036854775807,X,y\n",
		"3,\"30\n1\",twin\n3,\"a\"\"b\",king\n", "3,301,\"twin\"\"\n", "\t3,\t301\t,\ttwin\n",
		"3,301,双床\n3,302,大床房\n", "3,\x00,twin\n", "3,301\x7f,twin\n",
		// Lines a CSV reader skips or joins: the refusal must still name
		// the line the room is on.
		"floor,room,type\n\n3,301,twin\n\n3,301,king\n", "3,\"30\n2\",twin\n3,301,king\n3,301,king\n",
		// Excel's "CSV UTF-8" starts with a byte-order mark.
		"\ufeff3,301,twin\n3,302,king\n", "\ufeff\"3\",301,twin\n",
		// Headers in any order and language, separators other than commas.
		"房号,楼层,房型\r\n0801,8,大床房\r\n0901,9,双床房\r\n1201,12,套房\r\n",
		"Room No.\tFloor\tRoom Type\tStatus\r\n0801\t8\tking\tOOO\r\n",
		"2026年房间表\n房号，房型，楼栋\n0801，大床房，A\n房号，房型，楼栋\n1201，套房，B\n",
		"房号;楼层;房型;区域\n0801;8F;大床房;东翼\n",
		// GBK (Excel's "CSV" on Chinese Windows) and UTF-16 ("Unicode text").
		"\xb7\xbf\xba\xc5,\xc2\xa5\xb2\xe3,\xb7\xbf\xd0\xcd\r\n0801,8,\xb4\xf3\xb4\xb2\r\n",
		"\xff\xfe3\x00\t\x003\x000\x001\x00\t\x00t\x00w\x00i\x00n\x00\r\x00\n\x00",
		"\xfe\xff\x003\x00,\x003\x000\x001\x00,\x00t",
		// Not tables.
		"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "PK\x03\x04\x14\x00",
	} {
		f.Add(seed, "rooms.csv")
	}
	f.Add("3,301,twin\n3,302,king\n", "rooms.csv")
	f.Add(apptest.RoomsCSV, "")
	f.Add(apptest.RoomsCSV, "房间表 2026.csv")
	d := apptest.New(f, apptest.Core)
	f.Fuzz(func(t *testing.T, file, name string) {
		before, err := d.Core.Rooms()
		if err != nil {
			t.Fatal(err)
		}
		events := eventCount(t, d)
		_, perr := d.Core.PreviewRooms(name, strings.NewReader(file))
		if got := eventCount(t, d); got != events {
			t.Fatalf("a preview saved %d events", got-events)
		}
		list, err := d.Core.ImportRooms(apptest.SupID, name, strings.NewReader(file))
		checkPreviewAgrees(t, perr, err)
		if err != nil {
			checkRefusedImport(t, d, err, before, events)
			checkNamedLine(t, file, err)
			return
		}
		if got := eventCount(t, d); got != events+1 {
			t.Fatalf("an import saved %d events, want 1", got-events)
		}
		checkRoomList(t, file, list)
		if want := asJSONKeepsIt(name); list.Name != want {
			t.Fatalf("list named %q, imported as %q", list.Name, want)
		}
		again, err := d.Core.ImportRooms(apptest.SupID, name, strings.NewReader(roomsToCSV(list.Rooms)))
		if err != nil || !reflect.DeepEqual(again.Rooms, list.Rooms) {
			t.Fatalf("%q: the list written back does not import as itself:\n first  %+v\n second %+v, %v", file, list.Rooms, again.Rooms, err)
		}
		if strings.HasPrefix(file, bom) || !utf8.ValidString(file) {
			return // a byte-order mark says UTF-8: only a UTF-8 file reads alike with one
		}
		excel, err := d.Core.ImportRooms(apptest.SupID, name, strings.NewReader(bom+file))
		if err != nil || !reflect.DeepEqual(excel.Rooms, list.Rooms) {
			t.Fatalf("%q: saved with a byte-order mark, as Excel does, it imports otherwise:\n without %+v\n with    %+v, %v", file, list.Rooms, excel.Rooms, err)
		}
	})
}

// checkPreviewAgrees: the preview refuses what the import refuses, with
// the same code, but for what only saving finds (an event too large).
func checkPreviewAgrees(t *testing.T, preview, imported error) {
	t.Helper()
	p, i := app.RefusalOf(preview), app.RefusalOf(imported)
	switch {
	case preview == nil && imported == nil:
	case preview == nil && i != nil && strings.HasPrefix(i.Code, "record."):
	case p != nil && i != nil && p.Code == i.Code:
	default:
		t.Fatalf("previewed with %v, imported with %v", preview, imported)
	}
}

func eventCount(t *testing.T, d *apptest.Desk[*app.Service]) int {
	t.Helper()
	st, err := d.Store.Stats()
	if err != nil {
		t.Fatal(err)
	}
	return st.Events
}

func checkRefusedImport(t *testing.T, d *apptest.Desk[*app.Service], err error, before app.RoomList, events int) {
	t.Helper()
	if r := app.RefusalOf(err); r == nil || r.Code == "" || !errors.Is(err, app.ErrInvalid) && !errors.Is(err, app.ErrDiskFull) {
		t.Fatalf("refused with %v, not a refusal the desk can show", err)
	}
	after, rerr := d.Core.Rooms()
	if rerr != nil || !reflect.DeepEqual(after, before) {
		t.Fatalf("a refused import (%v) changed the room list from %+v to %+v (%v)", err, before, after, rerr)
	}
	if got := eventCount(t, d); got != events {
		t.Fatalf("a refused import (%v) saved %d events", err, got-events)
	}
}

// checkNamedLine checks that a room refused as a duplicate is refused on
// a line of the file that holds it, after another (a quoted number may
// span lines: its first line is looked for; one with a quote or a CR in it
// is not checked).
func checkNamedLine(t *testing.T, file string, err error) {
	t.Helper()
	r := app.RefusalOf(err)
	if r == nil || r.Code != "rooms.duplicate" || strings.ContainsAny(r.Params["room"], "\"\r") {
		return
	}
	lines := strings.Split(file, "\n")
	n, _ := strconv.Atoi(r.Params["line"])
	first, _, _ := strings.Cut(r.Params["room"], "\n")
	if n < 1 || n > len(lines) || !strings.Contains(lines[n-1], first) {
		t.Fatalf("%q: room %q refused as a duplicate on line %d, which does not hold it", file, r.Params["room"], n)
	}
	holding := 0
	for _, l := range lines[:n] {
		if strings.Contains(l, first) {
			holding++
		}
	}
	if holding < 2 {
		t.Fatalf("%q: room %q refused as a duplicate on line %d, its first", file, r.Params["room"], n)
	}
}

func checkRoomList(t *testing.T, file string, list app.RoomList) {
	t.Helper()
	if len(list.Rooms) == 0 {
		t.Fatalf("%q: accepted with no rooms", file)
	}
	seen := map[string]bool{}
	for _, r := range list.Rooms {
		if r.Number == "" || r.Number != strings.TrimSpace(r.Number) || r.Type != strings.TrimSpace(r.Type) {
			t.Fatalf("%q: room %+v not trimmed", file, r)
		}
		if seen[r.Number] {
			t.Fatalf("%q: room %q twice", file, r.Number)
		}
		seen[r.Number] = true
	}
}

// bom is the byte-order mark Excel writes at the start of a "CSV UTF-8"
// file.
const bom = "\ufeff"

// asJSONKeepsIt is s as an event body keeps it: bytes that are not UTF-8
// become U+FFFD.
func asJSONKeepsIt(s string) string {
	b, _ := json.Marshal(s)
	var out string
	json.Unmarshal(b, &out)
	return out
}

// roomsToCSV writes rooms as a room-list file, with a header.
func roomsToCSV(rooms []app.Room) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"floor", "room", "type", "building", "section", "status"})
	for _, r := range rooms {
		w.Write([]string{strconv.Itoa(r.Floor), r.Number, r.Type, r.Building, r.Section, r.Status})
	}
	w.Flush()
	return b.String()
}

// TestRoomRefusalsNameTheFilesLine: a refusal names the line of the file,
// not the record's place among those the CSV reader returned (it skips
// blank lines, and a quoted field may span lines).
func TestRoomRefusalsNameTheFilesLine(t *testing.T) {
	tests := []struct{ name, csv, code, line string }{
		{"duplicate after blank lines", "floor,room,type\n\n3,301,twin\n\n3,301,king\n", "rooms.duplicate", "5"},
		{"duplicate after a field on two lines", "3,\"30\n2\",twin\n3,301,king\n3,301,king\n", "rooms.duplicate", "4"},
		{"bad floor after a blank line", "3,301,twin\n\nthree,302,king\n", "rooms.bad_floor", "3"},
		{"not CSV", "3,301,twin\n\n3,\"30\"2,king\n", "file.bad_line", "3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			_, err := f.Core.ImportRooms(apptest.SupID, "rooms.csv", strings.NewReader(tt.csv))
			apptest.WantRefusal(t, err, app.ErrInvalid, tt.code)
			if got := app.RefusalOf(err).Params["line"]; got != tt.line {
				t.Fatalf("refused on line %s, want %s: %v", got, tt.line, err)
			}
		})
	}
}

// TestRoomListSavedByExcel: Excel's "CSV UTF-8" starts the file with a
// byte-order mark, which once hid the first room of a file without a
// header (taken for a header) and refused one whose first field is quoted.
func TestRoomListSavedByExcel(t *testing.T) {
	for _, file := range []string{bom + "3,301,twin\r\n3,302,king\r\n", bom + "\"3\",\"301\",\"twin\"\r\n3,302,king\r\n", bom + apptest.RoomsCSV} {
		f := newFixture(t)
		l, err := f.Core.ImportRooms(apptest.SupID, "rooms.csv", strings.NewReader(file))
		if err != nil || len(l.Rooms) < 2 || l.Rooms[0].Number != "301" {
			t.Fatalf("%q: %+v, %v", file, l.Rooms, err)
		}
	}
}
