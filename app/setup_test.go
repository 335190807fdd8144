package app_test

import (
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
)

func TestImportRooms(t *testing.T) {
	tests := []struct {
		name     string
		actor    string
		csv      string
		sentinel error
		code     string
		rooms    int
	}{
		{"with header", apptest.SupID, apptest.RoomsCSV, nil, "", 4},
		{"without header, blank line", apptest.SupID, "3,301,twin\n\n4,401,king\n", nil, "", 2},
		{"attendant may not", apptest.AttID, apptest.RoomsCSV, app.ErrForbidden, "role.required", 0},
		{"short line, no header", apptest.SupID, "3,301\n", app.ErrInvalid, "rooms.no_header", 0},
		{"bad floor", apptest.SupID, "3,301,twin\nthree,302,king\n", app.ErrInvalid, "rooms.bad_floor", 0},
		{"empty number, no header", apptest.SupID, "3,,twin\n", app.ErrInvalid, "rooms.no_header", 0},
		{"duplicate", apptest.SupID, "3,301,twin\n3,301,king\n", app.ErrInvalid, "rooms.duplicate", 0},
		{"empty", apptest.SupID, "floor,room,type\n", app.ErrInvalid, "rooms.empty", 0},
		{"bad csv", apptest.SupID, "3,\"301,twin\n", app.ErrInvalid, "file.bad_line", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			l, err := f.Svc.ImportRooms(tt.actor, "rooms.csv", strings.NewReader(tt.csv))
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
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
	if err := f.Svc.CheckRoom("room", "999"); err != nil {
		t.Fatalf("before any list every room is accepted: %v", err)
	}
	f.SetupHotel()
	if err := f.Svc.CheckRoom("room", "302"); err != nil {
		t.Fatal(err)
	}
	err := f.Svc.CheckRoom("room", "999")
	apptest.WantRefusal(t, err, app.ErrInvalid, "room.unknown")
	if r := app.RefusalOf(err); r.Field != "room" || r.Params["list"] != "rooms-2026.csv" {
		t.Fatalf("refusal = %+v", r)
	}
	if strings.Contains(err.Error(), "rooms-2026.csv") {
		t.Fatalf("message %q names the file the list came from; the desk speaks of the hotel's room list", err)
	}
	apptest.WantRefusal(t, f.Svc.CheckRoom("room", ""), app.ErrInvalid, "field.required")
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
		{"ok", apptest.SupID, "D3", []int{5, 3}, nil, ""},
		{"attendant", apptest.AttID, "D3", []int{3}, app.ErrForbidden, "role.required"},
		{"no code", apptest.SupID, "", []int{3}, app.ErrInvalid, "field.required"},
		{"floor not on list", apptest.SupID, "D3", []int{9}, app.ErrInvalid, "floor.unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.SetupHotel()
			d, err := f.Svc.SetDesk(tt.actor, tt.code, "Desk", tt.floors)
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.refusal)
				return
			}
			if err != nil || d.Code != "D3" || d.Floors[0] != 3 {
				t.Fatalf("SetDesk = %+v, %v", d, err)
			}
			desks, _ := f.Svc.Desks()
			if len(desks) != 3 {
				t.Fatalf("desks = %d", len(desks))
			}
		})
	}
}

func TestSettingsDefaults(t *testing.T) {
	f := newFixture(t)
	h, err := f.Svc.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if h.FollowUp != 10*time.Minute || h.Holding[app.CatCash].Days != 90 || !h.Holding[app.CatDocuments].Police {
		t.Fatalf("defaults = %+v", h)
	}
	if f.Svc.FollowUpInterval() != 10*time.Minute {
		t.Fatal("follow-up interval")
	}
}

func TestChangeSettings(t *testing.T) {
	five, zero := 5*time.Minute, time.Duration(0)
	tests := []struct {
		name     string
		actor    string
		change   app.HotelChange
		sentinel error
		code     string
	}{
		{"follow-up", apptest.SupID, app.HotelChange{FollowUp: &five}, nil, ""},
		{"holding", apptest.SupID, app.HotelChange{Holding: map[app.Category]app.Holding{app.CatClothing: {Days: 30}}}, nil, ""},
		{"attendant", apptest.AttID, app.HotelChange{FollowUp: &five}, app.ErrForbidden, "role.required"},
		{"zero follow-up", apptest.SupID, app.HotelChange{FollowUp: &zero}, app.ErrInvalid, "field.bad_number"},
		{"bad category", apptest.SupID, app.HotelChange{Holding: map[app.Category]app.Holding{"pets": {Days: 3}}}, app.ErrInvalid, "field.bad_value"},
		{"bad shift", apptest.SupID, app.HotelChange{Shifts: []app.Shift{{"day", "7am", "15:00"}}}, app.ErrInvalid, "shift.bad_time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			h, err := f.Svc.ChangeSettings(tt.actor, tt.change)
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.change.FollowUp != nil && f.Svc.FollowUpInterval() != five {
				t.Fatalf("follow-up = %v", h.FollowUp)
			}
			if tt.change.Holding != nil && (h.Holding[app.CatClothing].Days != 30 || h.Holding[app.CatCash].Days != 90) {
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
		sh, ok := f.Svc.ShiftAt(time.Date(2026, 3, 3, c.hour, 30, 0, 0, time.UTC))
		if !ok || sh.Name != c.want {
			t.Errorf("%d:30 -> %v %v, want %s", c.hour, sh.Name, ok, c.want)
		}
	}
}

func TestSetItemType(t *testing.T) {
	tests := []struct {
		name     string
		actor    string
		in       app.ItemTypeInput
		sentinel error
		code     string
	}{
		{"counted", apptest.SupID, app.ItemTypeInput{Code: "dryer", Name: "Hair dryer", Stock: map[string]int{"D1": 4}}, nil, ""},
		{"tagged", apptest.SupID, app.ItemTypeInput{Code: "cot", Name: "Baby cot", Tags: map[string][]string{"D2": {"COT-1", "COT-2"}}}, nil, ""},
		{"attendant", apptest.AttID, app.ItemTypeInput{Code: "dryer", Name: "Hair dryer"}, app.ErrForbidden, "role.required"},
		{"no name", apptest.SupID, app.ItemTypeInput{Code: "dryer"}, app.ErrInvalid, "field.required"},
		{"unknown desk", apptest.SupID, app.ItemTypeInput{Code: "dryer", Name: "x", Stock: map[string]int{"D9": 1}}, app.ErrInvalid, "desk.unknown"},
		{"negative", apptest.SupID, app.ItemTypeInput{Code: "dryer", Name: "x", Stock: map[string]int{"D1": -1}}, app.ErrInvalid, "field.bad_number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.SetupHotel()
			it, err := f.Svc.SetItemType(tt.actor, tt.in)
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || it.Name != tt.in.Name {
				t.Fatalf("SetItemType = %+v, %v", it, err)
			}
			if tt.in.Tags != nil && it.Stock["D2"] != 2 {
				t.Fatalf("tagged stock = %v", it.Stock)
			}
			all, _ := f.Svc.ItemTypes()
			if len(all) != 1 {
				t.Fatalf("item types = %d", len(all))
			}
		})
	}
}

// TestSignOutAfterBounds: the time a desk waits unused before signing its
// person out is taken from one minute to four hours, and refused beyond
// either; unset, it is five minutes.
func TestSignOutAfterBounds(t *testing.T) {
	for _, tt := range []struct {
		name string
		idle time.Duration
		ok   bool
	}{
		{"below a minute", time.Minute - time.Second, false},
		{"a minute", time.Minute, true},
		{"four hours", 4 * time.Hour, true},
		{"beyond four hours", 4*time.Hour + time.Minute, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			h, err := f.Core.ChangeSettings(apptest.SupID, app.HotelChange{SignOutAfter: &tt.idle})
			if !tt.ok {
				apptest.WantRefusal(t, err, app.ErrInvalid, "field.bad_number")
				if h, _ := f.Core.Settings(); h.IdleSignOut() != app.DefaultSignOutAfter {
					t.Errorf("after the refusal the desk signs out after %v", h.IdleSignOut())
				}
				return
			}
			if err != nil || h.IdleSignOut() != tt.idle {
				t.Fatalf("settings %v, %v", h.IdleSignOut(), err)
			}
		})
	}
}

// TestRetentionBounds: a supervisor keeps closed records' personal data
// from 7 to 3,650 days; beyond either the change is refused and the
// setting stays; unset, it is 90 days.
func TestRetentionBounds(t *testing.T) {
	for _, tt := range []struct {
		name string
		days int
		ok   bool
	}{
		{"six days", app.MinRetentionDays - 1, false},
		{"a week", app.MinRetentionDays, true},
		{"ten years", app.MaxRetentionDays, true},
		{"beyond ten years", app.MaxRetentionDays + 1, false},
		{"negative", -90, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			h, err := f.Core.ChangeSettings(apptest.SupID, app.HotelChange{RetentionDays: &tt.days})
			if !tt.ok {
				apptest.WantRefusal(t, err, app.ErrInvalid, "field.bad_number")
				if h, _ := f.Core.Settings(); h.Retention() != 90 {
					t.Errorf("after the refusal closed records keep personal data %d days", h.Retention())
				}
				return
			}
			if err != nil || h.Retention() != tt.days {
				t.Fatalf("retention %d, %v", h.Retention(), err)
			}
		})
	}
}
