package app_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"floordesk/app"
	"floordesk/app/apptest"
)

func roomFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "rooms", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFilesWhoseColumnsTheDeskAsksFor: each file in testdata/rooms whose
// columns the desk cannot tell apart by itself is not read by guess: the
// preview asks (NeedsColumns), shows the file's first rows with a guess,
// and reads the rooms right with the columns the supervisor picks; the
// preview saves nothing. On the code before the mapping step, the mixed
// file was read silently with room "8" on floor 802, and the others were
// refused with no way to say which column is which.
func TestFilesWhoseColumnsTheDeskAsksFor(t *testing.T) {
	tests := []struct {
		file    string
		code    string
		start   int
		guess   map[string]int
		picked  app.RoomMapping
		rooms   []app.Room
		notes   []string
		columns int
	}{
		{"gbk-no-header-room-first.csv", "rooms.no_header", 0, map[string]int{},
			app.RoomMapping{Room: 0, Floor: 1, Type: 2, Building: -1, Section: -1, Status: -1},
			[]app.Room{{Number: "0801", Floor: 8, Type: "豪华大床房"}, {Number: "0802", Floor: 8, Type: "标准双床房"}, {Number: "0901", Floor: 9, Type: "行政套房"}},
			[]string{"encoding GB18030", "columns_picked"}, 3},
		{"no-header-mixed.csv", "rooms.unsure_columns", 0, map[string]int{},
			app.RoomMapping{Room: 1, Floor: 0, Type: 2, Building: -1, Section: -1, Status: -1},
			nil, nil, 3},
		{"unknown-header.xlsx", "rooms.no_header", 1, map[string]int{"building": 3},
			app.RoomMapping{Room: 0, Floor: 1, Type: 2, Building: 3, Section: -1, Status: -1, Start: 1},
			[]app.Room{{Number: "0801", Floor: 8, Type: "豪华大床房", Building: "A座"}, {Number: "0802", Floor: 8, Type: "标准双床房", Building: "A座"}, {Number: "1201", Floor: 12, Type: "行政套房", Building: "B座"}},
			[]string{"sheet Sheet1", "columns_picked"}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f := newFixture(t)
			b := roomFile(t, tt.file)
			_, err := f.Core.PreviewRooms(tt.file, bytes.NewReader(b))
			apptest.WantRefusal(t, err, app.ErrInvalid, tt.code)
			if !app.NeedsColumns(err) {
				t.Fatalf("%v does not ask which column is which", err)
			}
			cs, err := f.Core.RoomColumns(bytes.NewReader(b))
			if err != nil || cs.Columns != tt.columns || len(cs.Rows) != 3+tt.start || cs.Start != tt.start || !reflect.DeepEqual(cs.Guess, tt.guess) {
				t.Fatalf("sample = %+v, %v; want %d columns, start %d, guess %+v", cs, err, tt.columns, tt.start, tt.guess)
			}
			if m := app.RoomMappingOf(tt.picked.Fields(), tt.picked.Start); m != tt.picked {
				t.Fatalf("mapping by field %+v, want %+v", m, tt.picked)
			}
			if tt.rooms == nil {
				return
			}
			p, err := f.Core.PreviewRoomsMapped(tt.file, bytes.NewReader(b), tt.picked)
			if err != nil {
				t.Fatalf("preview with the columns picked: %v", err)
			}
			if got := noteTexts(p.Notes); !reflect.DeepEqual(got, tt.notes) {
				t.Errorf("notes %q, want %q", got, tt.notes)
			}
			if l, _ := f.Core.Rooms(); len(l.Rooms) != 0 {
				t.Fatalf("the preview saved %d rooms", len(l.Rooms))
			}
			f.Must(f.Core.ConfirmRooms(apptest.SupID, p))
			if l, _ := f.Core.Rooms(); !reflect.DeepEqual(l.Rooms, tt.rooms) {
				t.Fatalf("stored\n %+v\nwant\n %+v", l.Rooms, tt.rooms)
			}
		})
	}
}

func withStart(m app.RoomMapping, start int) app.RoomMapping { m.Start = start; return m }

// TestAPickThatCannotBeRead: the room number and the type must be
// picked, each column once, within the file.
func TestAPickThatCannotBeRead(t *testing.T) {
	f := newFixture(t)
	b := roomFile(t, "gbk-no-header-room-first.csv")
	m := app.RoomMapping{Room: 0, Floor: 1, Type: 2, Building: -1, Section: -1, Status: -1}
	tests := []struct {
		name string
		edit func(*app.RoomMapping)
		code string
	}{
		{"no room column", func(m *app.RoomMapping) { m.Room = -1 }, "rooms.map_no_room"},
		{"no type column", func(m *app.RoomMapping) { m.Type = -1 }, "rooms.map_no_type"},
		{"a column twice", func(m *app.RoomMapping) { m.Building = 2 }, "columns.twice"},
		{"past the widest row", func(m *app.RoomMapping) { m.Status = 3 }, "columns.no_such_column"},
		{"start past the rows", func(m *app.RoomMapping) { m.Start = 3 }, "columns.no_rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mm := m
			tt.edit(&mm)
			_, err := f.Core.PreviewRoomsMapped("rooms", bytes.NewReader(b), mm)
			apptest.WantRefusal(t, err, app.ErrInvalid, tt.code)
		})
	}
	if _, err := f.Core.PreviewRoomsMapped("rooms", bytes.NewReader(b), withStart(m, 2)); err != nil {
		t.Fatalf("the last row alone: %v", err)
	}
}

func TestColumnName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 1: "B", 25: "Z", 26: "AA", 27: "AB", 99: "CV"} {
		if got := app.ColumnName(i); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", i, got, want)
		}
	}
}
