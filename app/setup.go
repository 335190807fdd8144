package app

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"floordesk/data/wire"
)

// Hotel set-up: the settings every register reads (departments, shifts,
// follow-up interval, holding periods), the room list, the desks and the
// loanable item types. Supervisors change them.

const (
	KindHotel    = "hotel"
	hotelID      = "settings"
	KindRooms    = "rooms"
	roomsID      = "list"
	KindDesk     = "desk"
	KindItemType = "itemtype"
)

// Set-up event types.
const (
	TypeHotelSet      = "hotel.set"
	TypeRoomsImported = "rooms.imported"
	TypeDeskSet       = "desk.set"
	TypeItemTypeSet   = "itemtype.set"
)

// Shift is a named work shift in hotel time, "07:00" to "15:00". A shift
// whose end is not after its start runs past midnight.
type Shift struct {
	Name  string `json:"name"`
	Start string `json:"start"`
	End   string `json:"end"`
}

// Holding says how long a found item of a category is kept before disposal
// (days, and hours for perishables), whether it must be reported to the
// police at once, and the disposal methods allowed once it is unclaimed.
// Hours and Methods are omitted when unset, so set-ups saved before they
// existed read the same; Hotel.HoldingOf fills in their defaults.
type Holding struct {
	Days    int      `json:"days"`
	Hours   int      `json:"hours,omitempty"`
	Police  bool     `json:"police,omitempty"`
	Methods []string `json:"methods,omitempty"`
}

// Hotel is the hotel-wide settings view.
type Hotel struct {
	Meta        `json:"meta"`
	Name        string               `json:"name,omitempty"`
	Departments []string             `json:"departments"`
	Shifts      []Shift              `json:"shifts"`
	FollowUp    time.Duration        `json:"follow_up"`
	Holding     map[Category]Holding `json:"holding"`
	// ScheduleLead is how long before its due time a scheduled request
	// (a wake-up call, a cot at 19:00) shows on the dashboard; zero means
	// DefaultScheduleLead. Omitted when unset, so views written before it
	// existed read the same.
	ScheduleLead time.Duration `json:"schedule_lead,omitempty"`
	// Areas are the hotel's public areas (see areas.go); nil until a
	// supervisor sets them (DefaultAreas then).
	Areas []string `json:"areas,omitempty"`
	// SignOutAfter is how long a desk goes without use before it signs
	// its person out; zero means DefaultSignOutAfter.
	SignOutAfter time.Duration `json:"sign_out_after,omitempty"`
	// Topics are what guests call about (see topics.go); nil until a
	// supervisor sets them (DefaultTopics then).
	Topics []string `json:"topics,omitempty"`
	// LateGrace is how far past its shift's start a clock-in is still on
	// time, and how far before its end a clock-out (the attendance
	// register); nil means DefaultLateGrace, and zero is no grace.
	LateGrace *time.Duration `json:"late_grace,omitempty"`
	// RetentionDays is how many days a closed record keeps its guest's
	// name, phone and address (app/personal); zero means
	// DefaultRetentionDays.
	RetentionDays int `json:"retention_days,omitempty"`
}

// How long a closed record keeps its guest's personal data: PIPL and the
// GDPR ask for no longer than the purpose needs. Ninety days cover a
// guest's late claim or complaint; a week is the least a desk can work
// with, ten years the most any hotel rule asks for.
const (
	DefaultRetentionDays = 90
	MinRetentionDays     = 7
	MaxRetentionDays     = 3650
)

// Retention is how long a closed record keeps personal data: the hotel's
// RetentionDays, or DefaultRetentionDays when unset.
func (h Hotel) Retention() int {
	if h.RetentionDays == 0 {
		return DefaultRetentionDays
	}
	return h.RetentionDays
}

// The grace of a clock-in or clock-out against the shift plan: a few
// minutes at the staff entrance are not late.
const (
	DefaultLateGrace = 5 * time.Minute
	MaxLateGrace     = time.Hour
)

// Grace is the hotel's LateGrace, or DefaultLateGrace when unset.
func (h Hotel) Grace() time.Duration {
	if h.LateGrace == nil {
		return DefaultLateGrace
	}
	return *h.LateGrace
}

// Sign-out after a time without use: a desk PC stands in a corridor.
const (
	DefaultSignOutAfter = 5 * time.Minute
	MinSignOutAfter     = time.Minute
	MaxSignOutAfter     = 4 * time.Hour
)

// IdleSignOut is how long a desk goes without use before it signs its
// person out: the hotel's setting, or DefaultSignOutAfter.
func (h Hotel) IdleSignOut() time.Duration {
	if h.SignOutAfter == 0 {
		return DefaultSignOutAfter
	}
	return h.SignOutAfter
}

// DefaultHotel is the set-up before a supervisor changes anything. Holding
// periods follow 旅馆业治安管理办法: items unclaimed three months go to the
// police; identity documents are reported to the police at once.
func DefaultHotel() Hotel {
	return Hotel{
		Departments: []string{"housekeeping", "engineering", "fnb", "front_office", "security", "concierge", "laundry"},
		Shifts: []Shift{{"morning", "07:00", "15:00"}, {"evening", "15:00", "23:00"},
			{"night", "23:00", "07:00"}},
		FollowUp: defaultFollowUp,
		Holding:  defaultHolding(),
	}
}

// defaultHolding is the holding a hotel's view starts from. It leaves out
// perishables, and every category's methods, as it did before they
// existed, so a hotel's events fold to the same view as before; HoldingOf
// gives their defaults.
func defaultHolding() map[Category]Holding {
	h := map[Category]Holding{}
	for _, c := range Categories {
		if c != CatPerishables {
			h[c] = Holding{Days: 90}
		}
	}
	h[CatDocuments] = Holding{Days: 90, Police: true}
	return h
}

// HotelChange is a partial change of the settings: nil fields stay.
type HotelChange struct {
	Name        *string              `json:"name,omitempty"`
	Departments []string             `json:"departments,omitempty"`
	Shifts      []Shift              `json:"shifts,omitempty"`
	FollowUp    *time.Duration       `json:"follow_up,omitempty"`
	Holding     map[Category]Holding `json:"holding,omitempty"`
	// ScheduleLead sets Hotel.ScheduleLead (MinScheduleLead..MaxScheduleLead).
	ScheduleLead *time.Duration `json:"schedule_lead,omitempty"`
	// Areas replaces Hotel.Areas (checkAreas).
	Areas *[]string `json:"areas,omitempty"`
	// SignOutAfter sets Hotel.SignOutAfter (MinSignOutAfter..MaxSignOutAfter).
	SignOutAfter *time.Duration `json:"sign_out_after,omitempty"`
	// Topics replaces Hotel.Topics (checkTopics).
	Topics *[]string `json:"topics,omitempty"`
	// LateGrace sets Hotel.LateGrace (0..MaxLateGrace).
	LateGrace *time.Duration `json:"late_grace,omitempty"`
	// RetentionDays sets Hotel.RetentionDays (MinRetentionDays..MaxRetentionDays).
	RetentionDays *int      `json:"retention_days,omitempty"`
	At            time.Time `json:"at"`
}

// Room is one guest room.
type Room struct {
	Number   string `json:"number"` // as the list writes it: "0801" keeps its zero
	Floor    int    `json:"floor"`
	Type     string `json:"type"`
	Building string `json:"building,omitempty"`
	Section  string `json:"section,omitempty"`
	Status   string `json:"status,omitempty"`
}

// RoomList is the imported room list; Name is the list's name (the file).
type RoomList struct {
	Meta     `json:"meta"`
	Name     string    `json:"name"`
	Rooms    []Room    `json:"rooms"`
	Imported time.Time `json:"imported"`
}

type roomsBody struct {
	Name  string    `json:"name"`
	Rooms []Room    `json:"rooms"`
	At    time.Time `json:"at"`
}

// Desk is a service desk and the floors it serves.
type Desk struct {
	Meta   `json:"meta"`
	Code   string `json:"code"`
	Name   string `json:"name"`
	Floors []int  `json:"floors"`
}

type deskBody struct {
	Name   string    `json:"name"`
	Floors []int     `json:"floors"`
	At     time.Time `json:"at"`
}

// ItemType is a loanable item type and its stock at each desk (by desk
// code), counted or as individual asset tags.
type ItemType struct {
	Meta  `json:"meta"`
	Code  string              `json:"code"`
	Name  string              `json:"name"`
	Stock map[string]int      `json:"stock"`
	Tags  map[string][]string `json:"tags,omitempty"`
}

// ItemTypeInput sets a loanable item type. Stock is by desk code; Tags,
// when given for a desk, lists its asset tags (and its count is their
// number).
type ItemTypeInput struct {
	Code  string              `json:"-"`
	Name  string              `json:"name"`
	Stock map[string]int      `json:"stock"`
	Tags  map[string][]string `json:"tags,omitempty"`
	At    time.Time           `json:"at"`
}

func init() {
	RegisterKind(KindHotel, FoldWith(applyHotel, nil))
	RegisterKind(KindRooms, FoldWith(applyRooms, nil))
	RegisterKind(KindDesk, FoldWith(applyDesk, nil))
	RegisterKind(KindItemType, FoldWith(applyItemType, nil))
	RegisterMessages(map[string]string{
		"room.unknown":     "Room {room} is not on the hotel's room list — check the number; a new room is added by a supervisor.",
		"desk.unknown":     "No desk {desk} in the hotel set-up — add it first.",
		"shift.bad_time":   "Shift {shift}: {field} must be a time like 07:00.",
		"floor.unknown":    "Floor {floor} has no rooms on the room list {list}.",
		"itemtype.unknown": "No loanable item type {item} — add it in the set-up first.",
	})
}

func applyHotel(h *Hotel, ev wire.Event) error {
	if h.Holding == nil { // first event: start from the defaults
		*h = withMeta(DefaultHotel(), h.Meta)
	}
	if ev.Type != TypeHotelSet {
		return nil
	}
	c, err := DecodeBody[HotelChange](ev)
	if err != nil {
		return err
	}
	mergeHotel(h, c)
	return nil
}

func withMeta(h Hotel, m Meta) Hotel { h.Meta = m; return h }

func mergeHotel(h *Hotel, c HotelChange) {
	if c.Name != nil {
		h.Name = *c.Name
	}
	if c.Departments != nil {
		h.Departments = c.Departments
	}
	if c.Shifts != nil {
		h.Shifts = c.Shifts
	}
	if c.FollowUp != nil {
		h.FollowUp = *c.FollowUp
	}
	if c.ScheduleLead != nil {
		h.ScheduleLead = *c.ScheduleLead
	}
	if c.Areas != nil {
		h.Areas = *c.Areas
	}
	if c.SignOutAfter != nil {
		h.SignOutAfter = *c.SignOutAfter
	}
	if c.LateGrace != nil {
		g := *c.LateGrace
		h.LateGrace = &g
	}
	if c.Topics != nil {
		h.Topics = *c.Topics
	}
	if c.RetentionDays != nil {
		h.RetentionDays = *c.RetentionDays
	}
	for cat, hold := range c.Holding {
		h.Holding[cat] = hold
	}
}

func applyRooms(l *RoomList, ev wire.Event) error {
	if ev.Type == TypeRoomSet {
		return setRoom(l, ev)
	}
	if ev.Type != TypeRoomsImported {
		return nil
	}
	b, err := DecodeBody[roomsBody](ev)
	l.Name, l.Rooms, l.Imported = b.Name, b.Rooms, b.At
	return err
}

func applyDesk(d *Desk, ev wire.Event) error {
	if ev.Type != TypeDeskSet {
		return nil
	}
	b, err := DecodeBody[deskBody](ev)
	d.Code, d.Name, d.Floors = ev.Entity.ID, b.Name, b.Floors
	return err
}

func applyItemType(t *ItemType, ev wire.Event) error {
	if ev.Type != TypeItemTypeSet {
		return nil
	}
	b, err := DecodeBody[ItemTypeInput](ev)
	t.Code, t.Name, t.Stock, t.Tags = ev.Entity.ID, b.Name, b.Stock, b.Tags
	return err
}

// Settings returns the hotel settings (the defaults when never set).
func (s *Service) Settings() (Hotel, error) {
	h, err := LoadView[Hotel](s, KindHotel, hotelID)
	if errors.Is(err, ErrNotFound) {
		return DefaultHotel(), nil
	}
	return h, err
}

// FollowUpInterval is the hotel's follow-up interval for requests.
func (s *Service) FollowUpInterval() time.Duration {
	h, err := s.Settings()
	if err != nil || h.FollowUp <= 0 {
		return defaultFollowUp
	}
	return h.FollowUp
}

// ScheduleLead is how long before its due time a scheduled request shows
// on the dashboard: the hotel's setting, or DefaultScheduleLead.
func (s *Service) ScheduleLead() time.Duration {
	h, err := s.Settings()
	if err != nil {
		return DefaultScheduleLead
	}
	return h.Lead()
}

// Lead is the hotel's schedule lead, or DefaultScheduleLead when unset.
func (h Hotel) Lead() time.Duration {
	if h.ScheduleLead <= 0 {
		return DefaultScheduleLead
	}
	return h.ScheduleLead
}

// The schedule lead's default and bounds. A wake-up call for 06:30 shows
// at 06:15 by default: time to read the note and make the call.
const (
	DefaultScheduleLead = 15 * time.Minute
	MinScheduleLead     = time.Minute
	MaxScheduleLead     = 12 * time.Hour
)

// ChangeSettings applies a partial change to the hotel settings;
// supervisors only.
func (s *Service) ChangeSettings(actorID string, c HotelChange) (Hotel, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, RoleSupervisor)
	if err != nil {
		return Hotel{}, err
	}
	if err := checkHotelChange(c); err != nil {
		return Hotel{}, err
	}
	c.At = s.Now()
	return EmitView[Hotel](s, actor, Ref(KindHotel, hotelID), TypeHotelSet, c)
}

func checkHotelChange(c HotelChange) error {
	if c.FollowUp != nil && (*c.FollowUp < time.Minute || *c.FollowUp > 24*time.Hour) {
		return Invalid("follow_up", "field.bad_number", "min", "1", "max", "1440")
	}
	if l := c.ScheduleLead; l != nil && (*l < MinScheduleLead || *l > MaxScheduleLead) {
		return Invalid("schedule_lead", "field.bad_number", "min", "1", "max", "720")
	}
	if d := c.SignOutAfter; d != nil && (*d < MinSignOutAfter || *d > MaxSignOutAfter) {
		return Invalid("sign_out_after", "field.bad_number", "min", "1", "max", "240")
	}
	if g := c.LateGrace; g != nil && (*g < 0 || *g > MaxLateGrace) {
		return Invalid("late_grace", "field.bad_number", "min", "0", "max", "60")
	}
	if d := c.RetentionDays; d != nil && (*d < MinRetentionDays || *d > MaxRetentionDays) {
		return Invalid("retention_days", "field.bad_number", "min", strconv.Itoa(MinRetentionDays), "max", strconv.Itoa(MaxRetentionDays))
	}
	if c.Areas != nil {
		if err := checkAreas(*c.Areas); err != nil {
			return err
		}
	}
	if c.Topics != nil {
		if err := checkTopics(*c.Topics); err != nil {
			return err
		}
	}
	for _, sh := range c.Shifts {
		if err := checkShiftTimes(sh); err != nil {
			return err
		}
	}
	for cat, h := range c.Holding {
		if err := checkHolding(cat, h); err != nil {
			return err
		}
	}
	return nil
}

func checkShiftTimes(sh Shift) error {
	if err := Required("shift.name", sh.Name); err != nil {
		return err
	}
	for field, v := range map[string]string{"start": sh.Start, "end": sh.End} {
		if _, err := time.Parse("15:04", v); err != nil {
			return Invalid("shift."+field, "shift.bad_time", "shift", sh.Name)
		}
	}
	return nil
}

// checkShift accepts "" or a shift named in the settings.
func (s *Service) checkShift(name string) error {
	if name == "" {
		return nil
	}
	h, err := s.Settings()
	if err != nil {
		return err
	}
	names := make([]string, len(h.Shifts))
	for i, sh := range h.Shifts {
		if sh.Name == name {
			return nil
		}
		names[i] = sh.Name
	}
	return Invalid("shift", "staff.shift_unknown", "shift", name, "allowed", strings.Join(names, ", "))
}

// ShiftAt returns the shift running at t (in the hotel's zone), or false.
func (s *Service) ShiftAt(t time.Time) (Shift, bool) {
	h, err := s.Settings()
	if err != nil {
		return Shift{}, false
	}
	for _, sh := range h.Shifts {
		if s.InShift(sh, t) {
			return sh, true
		}
	}
	return Shift{}, false
}

// InShift reports whether t falls in the shift, in the hotel's zone.
func (s *Service) InShift(sh Shift, t time.Time) bool {
	start, err1 := time.Parse("15:04", sh.Start)
	end, err2 := time.Parse("15:04", sh.End)
	if err1 != nil || err2 != nil {
		return false
	}
	lt := t.In(s.Loc())
	m := lt.Hour()*60 + lt.Minute()
	a, b := start.Hour()*60+start.Minute(), end.Hour()*60+end.Minute()
	if a < b {
		return m >= a && m < b
	}
	return m >= a || m < b
}

// Loc is the hotel's time zone: Location, or the PC's when none is set.
func (s *Service) Loc() *time.Location {
	if s.Location == nil {
		return time.Local
	}
	return s.Location
}

// Rooms returns the room list; an empty list when none was imported.
func (s *Service) Rooms() (RoomList, error) {
	l, err := LoadView[RoomList](s, KindRooms, roomsID)
	if errors.Is(err, ErrNotFound) {
		return RoomList{}, nil
	}
	return l, err
}

// roomList is the room list for reading only, shared with the
// decoded-view cache: checking a room number copies no rooms. Nothing may
// change it. An empty list before any is imported.
func (s *Service) roomList() (*RoomList, error) {
	ref := Ref(KindRooms, roomsID)
	b, err := s.store.View(ref)
	if errors.Is(err, wire.ErrNotFound) {
		return &RoomList{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", ref, err)
	}
	return sharedView[RoomList](ref, b)
}

// CheckRoom refuses a room number not on the room list, naming the list.
// A number is on the list when the list writes it so, or when it names
// one listed room once leading zeros are left aside ("801" for "0801").
// Before any list is imported every room is accepted. field names the
// input for the refusal.
func (s *Service) CheckRoom(field, number string) error {
	if err := Required(field, number); err != nil {
		return err
	}
	l, err := s.roomList()
	if err != nil || len(l.Rooms) == 0 {
		return err
	}
	if _, ok := listedRoom(l.Rooms, number); ok {
		return nil
	}
	return Refuse(ErrInvalid, field, "room.unknown", []string{"room", number, "list", l.Name, "field", field})
}

// ListedRoom returns number as the room list writes it: "0801" for
// "801" when that is the one listed room it can be. A number not on the
// list, or before any list, is returned as it is. Commands keep the
// listed number, so a record typed "801" is found by "0801".
func (s *Service) ListedRoom(number string) string {
	l, err := s.roomList()
	if err != nil {
		return number
	}
	if listed, ok := listedRoom(l.Rooms, number); ok {
		return listed
	}
	return number
}

// RoomLookup reads the room list once and returns what ListedRoom and
// CheckRoom say of a number, for a file of many rooms: the number as the
// list writes it, and whether it is on the list (every number is before
// any list is imported).
func (s *Service) RoomLookup() (func(number string) (listed string, ok bool), error) {
	l, err := s.roomList()
	if err != nil {
		return nil, err
	}
	if len(l.Rooms) == 0 {
		return func(number string) (string, bool) { return number, true }, nil
	}
	exact := make(map[string]bool, len(l.Rooms))
	bare := make(map[string][]string, len(l.Rooms))
	for _, r := range l.Rooms {
		exact[r.Number] = true
		k := withoutLeadingZeros(r.Number)
		bare[k] = append(bare[k], r.Number)
	}
	return func(number string) (string, bool) {
		if exact[number] {
			return number, true
		}
		if m := bare[withoutLeadingZeros(number)]; len(m) == 1 {
			return m[0], true
		}
		return number, false
	}, nil
}

// listedRoom finds number on the list: as written, else the only room
// whose number is the same without its leading zeros.
func listedRoom(rooms []Room, number string) (string, bool) {
	key, match, n := withoutLeadingZeros(number), "", 0
	for _, r := range rooms {
		if r.Number == number {
			return number, true
		}
		if withoutLeadingZeros(r.Number) == key {
			match, n = r.Number, n+1
		}
	}
	return match, n == 1
}

func withoutLeadingZeros(number string) string {
	if t := strings.TrimLeft(number, "0"); t != "" {
		return t
	}
	return number
}

// SetDesk adds or changes a desk and the floors it serves; supervisors only.
func (s *Service) SetDesk(actorID, code, name string, floors []int) (Desk, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, RoleSupervisor)
	if err != nil {
		return Desk{}, err
	}
	if err := FirstErr(Required("code", code), MaxLen("code", code, 10), Required("name", name)); err != nil {
		return Desk{}, err
	}
	if err := s.checkFloors(floors); err != nil {
		return Desk{}, err
	}
	floors = slices.Sorted(slices.Values(floors))
	body := deskBody{Name: name, Floors: floors, At: s.Now()}
	return EmitView[Desk](s, actor, Ref(KindDesk, code), TypeDeskSet, body)
}

func (s *Service) checkFloors(floors []int) error {
	l, err := s.roomList()
	if err != nil || len(l.Rooms) == 0 {
		return err
	}
	for _, f := range floors {
		if !slices.ContainsFunc(l.Rooms, func(r Room) bool { return r.Floor == f }) {
			return Refuse(ErrInvalid, "floors", "floor.unknown", []string{"floor", strconv.Itoa(f), "list", l.Name})
		}
	}
	return nil
}

// Desks lists the desks by code.
func (s *Service) Desks() ([]Desk, error) { return ListViews[Desk](s, KindDesk, nil) }

// CheckDesk refuses a desk code not in the set-up.
func (s *Service) CheckDesk(field, code string) error {
	ok, err := s.Exists(KindDesk, code)
	if err != nil || ok {
		return err
	}
	return Refuse(ErrInvalid, field, "desk.unknown", []string{"desk", code, "field", field})
}

// SetItemType adds or changes a loanable item type and its stock per desk;
// supervisors only.
func (s *Service) SetItemType(actorID string, in ItemTypeInput) (ItemType, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, RoleSupervisor)
	if err != nil {
		return ItemType{}, err
	}
	if err := s.checkItemType(&in); err != nil {
		return ItemType{}, err
	}
	in.At = s.Now()
	return EmitView[ItemType](s, actor, Ref(KindItemType, in.Code), TypeItemTypeSet, in)
}

func (s *Service) checkItemType(in *ItemTypeInput) error {
	if err := FirstErr(Required("code", in.Code), Required("name", in.Name)); err != nil {
		return err
	}
	if in.Stock == nil {
		in.Stock = map[string]int{}
	}
	for desk, tags := range in.Tags {
		in.Stock[desk] = len(tags)
	}
	for desk, n := range in.Stock {
		if err := FirstErr(s.CheckDesk("stock", desk), Between("stock", n, 0, 10000)); err != nil {
			return err
		}
	}
	return nil
}

// ItemTypes lists the loanable item types by code.
func (s *Service) ItemTypes() ([]ItemType, error) { return ListViews[ItemType](s, KindItemType, nil) }

// ItemTypeByCode returns one item type; ErrNotFound when unknown.
func (s *Service) ItemTypeByCode(code string) (ItemType, error) {
	return LoadView[ItemType](s, KindItemType, code)
}

// defaultFollowUp is the follow-up interval before a supervisor sets one.
const defaultFollowUp = 10 * time.Minute
