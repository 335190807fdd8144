package app

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"floordesk/data/wire"
)

// Adding or changing one room by hand, without importing the whole list
// again: a room built or converted, a room type renamed. The room's
// number is what identifies it: a room set with a number already listed
// changes that room, another number adds one.

// TypeRoomSet is the event of one room added or changed by hand.
const TypeRoomSet = "rooms.room_set"

// The limits of a room typed by hand. A room number is short ("0801",
// "A1205"); floors run from the basements to the tallest towers.
const (
	MaxRoomNumberLen = 12  // characters
	MaxRoomFieldLen  = 40  // characters of a type, building, section or status
	MinRoomFloor     = -10 // basements
	MaxRoomFloor     = 200
	MaxRooms         = 20000 // rooms on the list
)

func init() {
	RegisterMessages(map[string]string{
		"rooms.too_many": "The room list already has {max} rooms, the most it holds — import a corrected list instead.",
	})
}

// roomSetBody is the body of rooms.room_set.
type roomSetBody struct {
	Room Room      `json:"room"`
	At   time.Time `json:"at"`
}

// SetRoom adds a room to the room list, or changes the listed room with
// its number; supervisors only. The room's number, floor and type are
// required, every field has its limit, and the rest of the list stays as
// it is.
func (s *Service) SetRoom(actorID string, r Room) (RoomList, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, RoleSupervisor)
	if err != nil {
		return RoomList{}, err
	}
	r = trimRoom(r)
	if err := s.checkRoomSet(r); err != nil {
		return RoomList{}, err
	}
	return EmitView[RoomList](s, actor, Ref(KindRooms, roomsID), TypeRoomSet, roomSetBody{Room: r, At: s.Now()})
}

func trimRoom(r Room) Room {
	for _, f := range []*string{&r.Number, &r.Type, &r.Building, &r.Section, &r.Status} {
		*f = strings.TrimSpace(*f)
	}
	return r
}

// checkRoomSet checks every field of a room typed by hand, all at once.
func (s *Service) checkRoomSet(r Room) error {
	err := FirstErr(
		FirstErr(Required("number", r.Number), MaxLen("number", r.Number, MaxRoomNumberLen)),
		Between("floor", r.Floor, MinRoomFloor, MaxRoomFloor),
		FirstErr(Required("type", r.Type), MaxLen("type", r.Type, MaxRoomFieldLen)),
		MaxLen("building", r.Building, MaxRoomFieldLen),
		MaxLen("section", r.Section, MaxRoomFieldLen),
		MaxLen("status", r.Status, MaxRoomFieldLen),
	)
	if err != nil {
		return err
	}
	l, err := s.roomList()
	if err != nil {
		return err
	}
	if len(l.Rooms) >= MaxRooms && !slices.ContainsFunc(l.Rooms, func(x Room) bool { return x.Number == r.Number }) {
		return Invalid("number", "rooms.too_many", "max", strconv.Itoa(MaxRooms))
	}
	return nil
}

// setRoom folds rooms.room_set: the room replaces the listed room with its
// number, or joins the list in number order. The list's own rooms are
// copied, never changed in place: the decoded list may be shared.
func setRoom(l *RoomList, ev wire.Event) error {
	b, err := DecodeBody[roomSetBody](ev)
	if err != nil {
		return err
	}
	rooms := slices.Clone(l.Rooms)
	if i := slices.IndexFunc(rooms, func(x Room) bool { return x.Number == b.Room.Number }); i >= 0 {
		rooms[i] = b.Room
	} else {
		rooms = slices.Insert(rooms, placeOf(rooms, b.Room), b.Room)
	}
	l.Rooms = rooms
	return nil
}

// placeOf is where a new room goes in rooms: after the last room on a
// lower floor, or on its floor with a lower number (the list stays in the
// order it was imported in).
func placeOf(rooms []Room, r Room) int {
	at := 0
	for i, x := range rooms {
		if x.Floor < r.Floor || (x.Floor == r.Floor && x.Number < r.Number) {
			at = i + 1
		}
	}
	return at
}
