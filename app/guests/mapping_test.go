package guests_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/guests"
	_ "floordesk/tabular/xlsx"
)

func guestFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGuestFilesWhoseColumnsTheDeskAsksFor: a PMS export without a
// header, and a workbook whose departure column the desk does not know,
// are not refused for good: the desk asks (NeedsColumns), offers the
// file's first rows with its guess, and reads the guests right with the
// columns picked, saving nothing before ConfirmGuests. Before this step
// both were refused with "export the list with its header".
func TestGuestFilesWhoseColumnsTheDeskAsksFor(t *testing.T) {
	tests := []struct {
		file   string
		code   string
		start  int
		guess  map[string]int
		picked map[string]int
		want   []guests.Guest
		notes  []string
	}{
		{"gbk-no-header.csv", "guests.no_header", 0, map[string]int{},
			map[string]int{"room": 0, "name": 1, "arrival": 2, "departure": 3},
			[]guests.Guest{{Room: "0801", Name: "张伟", Arrival: "2026-03-01", Departure: "2026-03-03"},
				{Room: "0802", Name: "王芳", Arrival: "2026-03-02", Departure: "2026-03-04"},
				{Room: "0805", Name: "李娜", Arrival: "2026-03-02", Departure: "2026-03-03"}},
			[]string{"encoding", "columns_picked"}},
		{"in-out.xlsx", "guests.no_departure", 1, map[string]int{"room": 0, "name": 1},
			map[string]int{"room": 0, "name": 1, "arrival": 2, "departure": 3},
			[]guests.Guest{{Room: "0801", Name: "Smith John", Arrival: "2026-03-01", Departure: "2026-03-03"},
				{Room: "0803", Name: "Tanaka Yuki", Arrival: "2026-03-02", Departure: "2026-03-05"}},
			[]string{"sheet", "columns_picked"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := newDesk(t)
			b := guestFile(t, tt.file)
			_, err := d.Svc.PreviewGuests(apptest.SupID, tt.file, bytes.NewReader(b))
			apptest.WantRefusal(t, err, app.ErrInvalid, tt.code)
			if !guests.NeedsColumns(err) {
				t.Fatalf("%v does not ask which column is which", err)
			}
			cs, err := d.Svc.GuestColumns(apptest.SupID, bytes.NewReader(b))
			if err != nil || cs.Start != tt.start || !reflect.DeepEqual(cs.Guess, tt.guess) || cs.Columns != 4 {
				t.Fatalf("sample = %+v, %v; want start %d, guess %v", cs, err, tt.start, tt.guess)
			}
			p, err := d.Svc.PreviewGuestsMapped(apptest.SupID, tt.file, bytes.NewReader(b), guests.MappingOf(tt.picked, tt.start))
			if err != nil {
				t.Fatalf("preview with the columns picked: %v", err)
			}
			var notes []string
			for _, n := range p.Notes {
				notes = append(notes, n.Code)
			}
			if !reflect.DeepEqual(p.Guests, tt.want) || !reflect.DeepEqual(notes, tt.notes) {
				t.Fatalf("preview %+v, notes %v", p.Guests, notes)
			}
			if l, _ := d.Svc.Guests(); len(l.Guests) != 0 {
				t.Fatal("the preview saved guests")
			}
			d.Must(d.Svc.ConfirmGuests(apptest.SupID, p))
			if l, _ := d.Svc.Guests(); len(l.Guests) != len(tt.want) {
				t.Fatalf("saved %d guests", len(l.Guests))
			}
		})
	}
}

// TestAGuestPickThatCannotBeRead: room and departure must be picked,
// each column once; only a supervisor reads a list.
func TestAGuestPickThatCannotBeRead(t *testing.T) {
	d := newDesk(t)
	b := guestFile(t, "gbk-no-header.csv")
	ok := map[string]int{"room": 0, "name": 1, "departure": 3}
	tests := []struct {
		name   string
		fields map[string]int
		start  int
		code   string
	}{
		{"no room", map[string]int{"departure": 3}, 0, "guests.map_no_room"},
		{"no departure", map[string]int{"room": 0}, 0, "guests.map_no_departure"},
		{"a column twice", map[string]int{"room": 0, "name": 0, "departure": 3}, 0, "columns.twice"},
		{"past the widest row", map[string]int{"room": 0, "departure": 4}, 0, "columns.no_such_column"},
		{"no rows under the start", ok, 3, "columns.no_rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := d.Svc.PreviewGuestsMapped(apptest.SupID, "x.csv", bytes.NewReader(b), guests.MappingOf(tt.fields, tt.start))
			apptest.WantRefusal(t, err, app.ErrInvalid, tt.code)
		})
	}
	_, err := d.Svc.PreviewGuestsMapped(apptest.AttID, "x.csv", bytes.NewReader(b), guests.MappingOf(ok, 0))
	apptest.WantRefusal(t, err, app.ErrForbidden, "")
	_, err = d.Svc.GuestColumns(apptest.AttID, bytes.NewReader(b))
	apptest.WantRefusal(t, err, app.ErrForbidden, "")
}
