package app_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"floordesk/app"
	"floordesk/app/apptest"
	_ "floordesk/tabular/xlsx"
)

// TestRoomFilesAsExcelWritesThem: each file in testdata/rooms (made by
// make.go as Excel and Notepad save them) stores its rooms as the
// supervisor typed them: numbers with their zeros, floors, and Chinese
// room types, never mojibake.
func TestRoomFilesAsExcelWritesThem(t *testing.T) {
	eightNine := []app.Room{{Number: "0801", Floor: 8, Type: "豪华大床房"}, {Number: "0802", Floor: 8, Type: "标准双床房"}, {Number: "0901", Floor: 9, Type: "行政套房"}}
	withBuildings := []app.Room{{Number: "0801", Floor: 8, Type: "豪华大床房", Building: "A座"}, {Number: "0802", Floor: 8, Type: "标准双床房", Building: "A座"}, {Number: "0901", Floor: 9, Type: "行政套房", Building: "B座"}}
	withStatus := []app.Room{{Number: "0801", Floor: 8, Type: "豪华大床房", Status: "OK"}, {Number: "0802", Floor: 8, Type: "标准双床房", Status: "OOO"}, {Number: "0901", Floor: 9, Type: "行政套房", Status: "OK"}}
	tests := []struct {
		file  string
		rooms []app.Room
		notes []string
	}{
		{"gbk-crlf.csv", eightNine, []string{"encoding GB18030"}},
		{"utf8-bom.csv", withBuildings, nil},
		{"utf8-bom-no-header.csv", eightNine, []string{"no_header"}},
		{"unicode-text.txt", withStatus, []string{"encoding UTF-16LE"}},
		{"header-order.csv", []app.Room{{Number: "0801", Floor: 8, Type: "豪华大床房"}, {Number: "0901", Floor: 9, Type: "标准双床房"}, {Number: "1201", Floor: 12, Type: "行政套房"}}, nil},
		{"rooms.xlsx", []app.Room{{Number: "0801", Floor: 8, Type: "豪华大床房", Section: "东翼"}, {Number: "0901", Floor: 9, Type: "行政套房", Section: "西翼"}}, []string{"sheet 房间表", "title_line 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f := newFixture(t)
			b, err := os.ReadFile(filepath.Join("testdata", "rooms", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			p, err := f.Core.PreviewRooms(tt.file, strings.NewReader(string(b)))
			if err != nil {
				t.Fatalf("preview refused: %v", err)
			}
			if got := noteTexts(p.Notes); !reflect.DeepEqual(got, tt.notes) {
				t.Errorf("notes %q, want %q", got, tt.notes)
			}
			if l, _ := f.Core.Rooms(); len(l.Rooms) != 0 {
				t.Fatalf("the preview saved %d rooms", len(l.Rooms))
			}
			if _, err := f.Core.ConfirmRooms(apptest.SupID, p); err != nil {
				t.Fatal(err)
			}
			l, _ := f.Core.Rooms()
			if !reflect.DeepEqual(l.Rooms, tt.rooms) {
				t.Fatalf("stored\n %+v\nwant\n %+v", l.Rooms, tt.rooms)
			}
		})
	}
}

// noteTexts writes notes as "code value" for comparing.
func noteTexts(notes []app.Note) []string {
	var out []string
	for _, n := range notes {
		text := n.Code
		for _, k := range []string{"encoding", "sheet", "line"} {
			if v, ok := n.Params[k]; ok {
				text += " " + v
			}
		}
		out = append(out, text)
	}
	return out
}

// TestHeaderInAnyOrder: the reported lists. 房号,楼层,房型 was refused as
// "Room 8 appears twice" (floors read as numbers), and with one room a
// floor was saved as room 8 on floor 801.
func TestHeaderInAnyOrder(t *testing.T) {
	tests := []struct{ name, csv string }{
		{"two rooms a floor", "房号,楼层,房型\n0801,8,大床房\n0802,8,双床房\n0901,9,大床房\n"},
		{"one room a floor", "房号,楼层,房型\n0801,8,大床房\n0901,9,双床房\n1201,12,大床房\n"},
		{"English, other order", "Room Type,Room No.,Floor\n大床房,0801,8\n双床房,0901,9\n大床房,1201,12\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			l, err := f.Core.ImportRooms(apptest.SupID, "rooms.csv", strings.NewReader(tt.csv))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range l.Rooms {
				if len(r.Number) != 4 || r.Number[0] != '0' && r.Number[0] != '1' || r.Floor < 8 || r.Floor > 12 || r.Type == "" {
					t.Fatalf("stored %+v", l.Rooms)
				}
			}
			if l.Rooms[0] != (app.Room{Number: "0801", Floor: 8, Type: "大床房"}) {
				t.Fatalf("first room %+v", l.Rooms[0])
			}
		})
	}
}

// TestFloorFromRoomNumbers: without a floor column, floors come from
// 3- and 4-digit room numbers, and the preview says so; other numbers
// need the column.
func TestFloorFromRoomNumbers(t *testing.T) {
	f := newFixture(t)
	p, err := f.Core.PreviewRooms("rooms.csv", strings.NewReader("房号,房型\n0801,大床房\n1201,双床房\n305,大床房\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []app.Room{{Number: "0801", Floor: 8, Type: "大床房"}, {Number: "1201", Floor: 12, Type: "双床房"}, {Number: "305", Floor: 3, Type: "大床房"}}
	if !reflect.DeepEqual(p.Rooms, want) || !reflect.DeepEqual(noteTexts(p.Notes), []string{"floor_derived"}) {
		t.Fatalf("%+v, notes %v", p.Rooms, noteTexts(p.Notes))
	}
	_, err = f.Core.PreviewRooms("rooms.csv", strings.NewReader("房号,房型\nA801,大床房\n"))
	apptest.WantRefusal(t, err, app.ErrInvalid, "rooms.no_floor_column")
}

// TestRoomListRefusals: a file the desk could misread is refused, saying
// what to change.
func TestRoomListRefusals(t *testing.T) {
	tests := []struct{ name, file, code string }{
		{"numbers first, no header", "0801,8,大床房\n0901,9,双床房\n", "rooms.no_header"},
		{"four columns, no header", "8,0801,大床房,A\n", "rooms.no_header"},
		{"no room column", "楼层,房型\n8,大床房\n", "rooms.no_room_column"},
		{"no type column", "房号,楼层\n0801,8\n", "rooms.no_type_column"},
		{"floor missing", "房号,楼层,房型\n0801,,大床房\n", "rooms.no_floor"},
		{"old Excel", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "file.xls"},
		{"too many rows", "房号,楼层,房型\n" + strings.Repeat("0801,8,大床房\n", 10_000), "file.too_many_rows"},
		{"cell too long", "房号,楼层,房型\n0801,8," + strings.Repeat("大", 1001) + "\n", "file.cell_too_long"},
		{"too large", "房号,楼层,房型\n" + strings.Repeat(" ", 8<<20), "file.too_large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			_, err := f.Core.ImportRooms(apptest.SupID, "rooms.csv", strings.NewReader(tt.file))
			apptest.WantRefusal(t, err, app.ErrInvalid, tt.code)
		})
	}
}

// TestTitleAndRepeatedHeaderLinesAreSkipped: lines above the header and
// the header repeated (as a PMS export prints it on every page) are left
// out, and the preview names them; so is a line without a room number.
func TestTitleAndRepeatedHeaderLinesAreSkipped(t *testing.T) {
	f := newFixture(t)
	p, err := f.Core.PreviewRooms("rooms.csv", strings.NewReader("2026年房间表\n房号,楼层,房型\n0801,8,大床房\n房号,楼层,房型\n,,共2间\n0901,9,双床房\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rooms) != 2 || !reflect.DeepEqual(noteTexts(p.Notes), []string{"title_line 1", "repeated_header 4", "no_number 5"}) {
		t.Fatalf("%+v, notes %v", p.Rooms, noteTexts(p.Notes))
	}
}
