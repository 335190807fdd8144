package app_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
)

// TestARoomIsAddedAndChangedByHand: a supervisor adds a room the list
// lacks and changes a listed room's type, without importing a file; the
// other rooms stay as they were, and a record for the new room is taken.
func TestARoomIsAddedAndChangedByHand(t *testing.T) {
	f := newFixture(t)
	f.Must(f.Core.ImportRooms(apptest.SupID, "rooms.csv", strings.NewReader("房号,楼层,房型\n0801,8,豪华大床房\n0901,9,行政套房\n")))
	if err := f.Core.CheckRoom("room", "0805"); err == nil {
		t.Fatal("0805 accepted before it was added")
	}
	f.Must(f.Core.SetRoom(apptest.SupID, app.Room{Number: " 0805 ", Floor: 8, Type: "标准双床房"}))
	f.Must(f.Core.SetRoom(apptest.SupID, app.Room{Number: "0901", Floor: 9, Type: "总统套房", Status: "OOO"}))
	l, _ := f.Core.Rooms()
	want := []app.Room{{Number: "0801", Floor: 8, Type: "豪华大床房"}, {Number: "0805", Floor: 8, Type: "标准双床房"}, {Number: "0901", Floor: 9, Type: "总统套房", Status: "OOO"}}
	if !reflect.DeepEqual(l.Rooms, want) {
		t.Fatalf("rooms\n %+v\nwant\n %+v", l.Rooms, want)
	}
	if l.Name != "rooms.csv" {
		t.Errorf("the list's name became %q", l.Name)
	}
	if err := f.Core.CheckRoom("room", "805"); err != nil {
		t.Errorf("the added room is refused: %v", err)
	}
}

// TestARoomByHandSyncsToTheOtherDesk: the room added at one desk is on
// the other desk's list after a sync.
func TestARoomByHandSyncsToTheOtherDesk(t *testing.T) {
	a, b := apptest.Pair(t, registers.New)
	a.Must(a.Core.SetRoom(apptest.SupID, app.Room{Number: "1201", Floor: 12, Type: "套房"}))
	apptest.Exchange(t, a.Store, b.Store)
	if err := b.Core.CheckRoom("room", "1201"); err != nil {
		t.Errorf("the other desk refuses the room: %v", err)
	}
}

func TestARoomByHandWithinItsLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("房", n) }
	tests := []struct {
		name   string
		room   app.Room
		fields []string // refused fields; none: accepted
	}{
		{"at the limits", app.Room{Number: strings.Repeat("9", app.MaxRoomNumberLen), Floor: app.MaxRoomFloor, Type: long(app.MaxRoomFieldLen), Building: long(app.MaxRoomFieldLen)}, nil},
		{"lowest floor", app.Room{Number: "B101", Floor: app.MinRoomFloor, Type: "员工房"}, nil},
		{"number too long", app.Room{Number: strings.Repeat("9", app.MaxRoomNumberLen+1), Floor: 8, Type: "大床房"}, []string{"number"}},
		{"floor too high, type too long", app.Room{Number: "1", Floor: app.MaxRoomFloor + 1, Type: long(app.MaxRoomFieldLen + 1)}, []string{"floor", "type"}},
		{"floor too low", app.Room{Number: "1", Floor: app.MinRoomFloor - 1, Type: "x"}, []string{"floor"}},
		{"nothing", app.Room{}, []string{"number", "type"}},
		{"section too long", app.Room{Number: "1", Floor: 1, Type: "x", Section: long(app.MaxRoomFieldLen + 1)}, []string{"section"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			_, err := f.Core.SetRoom(apptest.SupID, tt.room)
			var got []string
			for _, r := range app.RefusalsOf(err) {
				got = append(got, r.Field)
			}
			if !reflect.DeepEqual(got, tt.fields) {
				t.Errorf("refused fields %v, want %v (%v)", got, tt.fields, err)
			}
			if l, _ := f.Core.Rooms(); tt.fields != nil && len(l.Rooms) != 0 {
				t.Errorf("a refused room was saved")
			}
		})
	}
}

func TestOnlySupervisorsSetRooms(t *testing.T) {
	f := newFixture(t)
	if _, err := f.Core.SetRoom(apptest.AttID, app.Room{Number: "0801", Floor: 8, Type: "大床房"}); !errors.Is(err, app.ErrForbidden) {
		t.Errorf("an attendant set a room: %v", err)
	}
}
