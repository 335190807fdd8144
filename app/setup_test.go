package app

import (
	"strings"
	"testing"
	"time"
)

const testRoomsCSV = "floor,room,type\n3,301,twin\n3,302,king\n3,303,suite\n5,501,king\n"

// setupHotel imports four rooms (floors 3 and 5) and desks D1 and D2.
func (f *fixture) setupHotel() {
	f.t.Helper()
	f.must(f.svc.ImportRooms(supID, "rooms-2026.csv", strings.NewReader(testRoomsCSV)))
	f.must(f.svc.SetDesk(supID, "D1", "Floor 3 desk", []int{3}))
	f.must(f.svc.SetDesk(supID, "D2", "Floor 5 desk", []int{5}))
}

func TestImportRooms(t *testing.T) {
	tests := []struct {
		name     string
		actor    string
		csv      string
		sentinel error
		code     string
		rooms    int
	}{
		{"with header", supID, testRoomsCSV, nil, "", 4},
		{"without header, blank line", supID, "3,301,twin\n\n4,401,king\n", nil, "", 2},
		{"attendant may not", attID, testRoomsCSV, ErrForbidden, "role.required", 0},
		{"short line", supID, "3,301\n", ErrInvalid, "rooms.bad_line", 0},
		{"bad floor", supID, "3,301,twin\nthree,302,king\n", ErrInvalid, "rooms.bad_line", 0},
		{"empty number", supID, "3,,twin\n", ErrInvalid, "rooms.bad_line", 0},
		{"duplicate", supID, "3,301,twin\n3,301,king\n", ErrInvalid, "rooms.duplicate", 0},
		{"empty", supID, "floor,room,type\n", ErrInvalid, "rooms.empty", 0},
		{"bad csv", supID, "3,\"301,twin\n", ErrInvalid, "rooms.bad_line", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			l, err := f.svc.ImportRooms(tt.actor, "rooms.csv", strings.NewReader(tt.csv))
			if tt.sentinel != nil {
				wantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || len(l.Rooms) != tt.rooms || l.Name != "rooms.csv" {
				t.Fatalf("ImportRooms = %+v, %v", l, err)
			}
		})
	}
}

func TestCheckRoom(t *testing.T) {
	f := newFixture(t)
	if err := f.svc.CheckRoom("room", "999"); err != nil {
		t.Fatalf("before any list every room is accepted: %v", err)
	}
	f.setupHotel()
	if err := f.svc.CheckRoom("room", "302"); err != nil {
		t.Fatal(err)
	}
	err := f.svc.CheckRoom("room", "999")
	wantRefusal(t, err, ErrInvalid, "room.unknown")
	if r := RefusalOf(err); r.Field != "room" || r.Params["list"] != "rooms-2026.csv" {
		t.Fatalf("refusal = %+v", r)
	}
	if !strings.Contains(err.Error(), "rooms-2026.csv") {
		t.Fatalf("message %q does not name the list", err)
	}
	wantRefusal(t, f.svc.CheckRoom("room", ""), ErrInvalid, "field.required")
}

func TestSetDesk(t *testing.T) {
	tests := []struct {
		name     string
		actor    string
		code     string
		floors   []int
		sentinel error
		refusal  string
	}{
		{"ok", supID, "D3", []int{5, 3}, nil, ""},
		{"attendant", attID, "D3", []int{3}, ErrForbidden, "role.required"},
		{"no code", supID, "", []int{3}, ErrInvalid, "field.required"},
		{"floor not on list", supID, "D3", []int{9}, ErrInvalid, "floor.unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.setupHotel()
			d, err := f.svc.SetDesk(tt.actor, tt.code, "Desk", tt.floors)
			if tt.sentinel != nil {
				wantRefusal(t, err, tt.sentinel, tt.refusal)
				return
			}
			if err != nil || d.Code != "D3" || d.Floors[0] != 3 {
				t.Fatalf("SetDesk = %+v, %v", d, err)
			}
			desks, _ := f.svc.Desks()
			if len(desks) != 3 {
				t.Fatalf("desks = %d", len(desks))
			}
		})
	}
}

func TestSettingsDefaults(t *testing.T) {
	f := newFixture(t)
	h, err := f.svc.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if h.FollowUp != 10*time.Minute || h.Holding[CatCash].Days != 90 || !h.Holding[CatDocuments].Police {
		t.Fatalf("defaults = %+v", h)
	}
	if f.svc.FollowUpInterval() != 10*time.Minute {
		t.Fatal("follow-up interval")
	}
}

func TestChangeSettings(t *testing.T) {
	five, zero := 5*time.Minute, time.Duration(0)
	tests := []struct {
		name     string
		actor    string
		change   HotelChange
		sentinel error
		code     string
	}{
		{"follow-up", supID, HotelChange{FollowUp: &five}, nil, ""},
		{"holding", supID, HotelChange{Holding: map[Category]Holding{CatClothing: {Days: 30}}}, nil, ""},
		{"attendant", attID, HotelChange{FollowUp: &five}, ErrForbidden, "role.required"},
		{"zero follow-up", supID, HotelChange{FollowUp: &zero}, ErrInvalid, "field.bad_number"},
		{"bad category", supID, HotelChange{Holding: map[Category]Holding{"pets": {Days: 3}}}, ErrInvalid, "field.bad_value"},
		{"bad shift", supID, HotelChange{Shifts: []Shift{{"day", "7am", "15:00"}}}, ErrInvalid, "shift.bad_time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			h, err := f.svc.ChangeSettings(tt.actor, tt.change)
			if tt.sentinel != nil {
				wantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.change.FollowUp != nil && f.svc.FollowUpInterval() != five {
				t.Fatalf("follow-up = %v", h.FollowUp)
			}
			if tt.change.Holding != nil && (h.Holding[CatClothing].Days != 30 || h.Holding[CatCash].Days != 90) {
				t.Fatalf("holding = %+v", h.Holding)
			}
		})
	}
}

func TestShiftAt(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		hour int
		want string
	}{{8, "morning"}, {15, "evening"}, {23, "night"}, {3, "night"}} {
		sh, ok := f.svc.ShiftAt(time.Date(2026, 3, 3, c.hour, 30, 0, 0, time.UTC))
		if !ok || sh.Name != c.want {
			t.Errorf("%d:30 -> %v %v, want %s", c.hour, sh.Name, ok, c.want)
		}
	}
}

func TestSetItemType(t *testing.T) {
	tests := []struct {
		name     string
		actor    string
		in       ItemTypeInput
		sentinel error
		code     string
	}{
		{"counted", supID, ItemTypeInput{Code: "dryer", Name: "Hair dryer", Stock: map[string]int{"D1": 4}}, nil, ""},
		{"tagged", supID, ItemTypeInput{Code: "cot", Name: "Baby cot", Tags: map[string][]string{"D2": {"COT-1", "COT-2"}}}, nil, ""},
		{"attendant", attID, ItemTypeInput{Code: "dryer", Name: "Hair dryer"}, ErrForbidden, "role.required"},
		{"no name", supID, ItemTypeInput{Code: "dryer"}, ErrInvalid, "field.required"},
		{"unknown desk", supID, ItemTypeInput{Code: "dryer", Name: "x", Stock: map[string]int{"D9": 1}}, ErrInvalid, "desk.unknown"},
		{"negative", supID, ItemTypeInput{Code: "dryer", Name: "x", Stock: map[string]int{"D1": -1}}, ErrInvalid, "field.bad_number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.setupHotel()
			it, err := f.svc.SetItemType(tt.actor, tt.in)
			if tt.sentinel != nil {
				wantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || it.Name != tt.in.Name {
				t.Fatalf("SetItemType = %+v, %v", it, err)
			}
			if tt.in.Tags != nil && it.Stock["D2"] != 2 {
				t.Fatalf("tagged stock = %v", it.Stock)
			}
			all, _ := f.svc.ItemTypes()
			if len(all) != 1 {
				t.Fatalf("item types = %d", len(all))
			}
		})
	}
}
