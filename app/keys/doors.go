package keys

import (
	"strings"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Guest door openings: a locked-out guest's door opened by staff, with how
// the guest's identity was checked. Only the last four characters of the ID
// number are ever recorded.

const KindDoor = "door"

// TypeDoorOpened records one door opening.
const TypeDoorOpened = "door.opened"

// DoorOpening is one guest door opening.
type DoorOpening struct {
	app.Meta `json:"meta"`
	ID       string    `json:"id"`
	Room     string    `json:"room"`
	Guest    string    `json:"guest"`
	IDType   string    `json:"id_type"`
	IDLast4  string    `json:"id_last4"`
	OpenedBy string    `json:"opened_by"`
	Desk     string    `json:"desk"`
	Note     string    `json:"note,omitempty"`
	At       time.Time `json:"at"`
}

// DoorOpeningInput is the input for OpenDoor.
type DoorOpeningInput struct {
	Room     string    `json:"room"`
	Guest    string    `json:"guest"`
	IDType   string    `json:"id_type"`
	IDLast4  string    `json:"id_last4"`
	OpenedBy string    `json:"opened_by"` // staff ID; empty means the actor
	Note     string    `json:"note,omitempty"`
	Desk     string    `json:"desk"`
	At       time.Time `json:"at"`
}

func init() {
	app.RegisterKind(KindDoor, app.FoldWith(applyDoor, nil))
	app.RegisterMessages(map[string]string{
		"door.id_last4": "Enter only the last 4 characters of the guest's ID number — never the whole number.",
	})
}

func applyDoor(d *DoorOpening, ev wire.Event) error {
	if ev.Type != TypeDoorOpened {
		return nil
	}
	b, err := app.DecodeBody[DoorOpeningInput](ev)
	*d = DoorOpening{Meta: d.Meta, ID: ev.Entity.ID, Room: b.Room, Guest: b.Guest, IDType: b.IDType,
		IDLast4: b.IDLast4, OpenedBy: b.OpenedBy, Desk: b.Desk, Note: b.Note, At: b.At}
	return err
}

// OpenDoor records a guest door opening.
func (s *KeyRegister) OpenDoor(actorID string, in DoorOpeningInput) (DoorOpening, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return DoorOpening{}, err
	}
	if in.OpenedBy == "" {
		in.OpenedBy = actor.ID
	}
	if err := s.checkDoor(&in); err != nil {
		return DoorOpening{}, err
	}
	in.Desk, in.At = s.Desk(), s.Now()
	id := s.NewID()
	return app.EmitView[DoorOpening](s.Service, actor, app.Ref(KindDoor, id), TypeDoorOpened, in)
}

func (s *KeyRegister) checkDoor(in *DoorOpeningInput) error {
	in.Guest, in.IDLast4 = strings.TrimSpace(in.Guest), strings.TrimSpace(in.IDLast4)
	in.Room = s.ListedRoom(in.Room)
	err := app.FirstErr(s.CheckRoom("room", in.Room), app.Required("guest", in.Guest), app.MaxLen("guest", in.Guest, 60),
		app.Choice("id_type", in.IDType, app.IDTypes...), app.CheckLast4(in.IDLast4))
	if err != nil {
		return err
	}
	_, err = s.ActiveStaff("opened_by", in.OpenedBy)
	return err
}

// DoorOpenings lists the door openings in [from, to), oldest first; a room
// other than "" keeps that room only.
func (s *KeyRegister) DoorOpenings(from, to time.Time, room string) ([]DoorOpening, error) {
	list, err := app.TimeViews(s.Service, doorsAtIndex, from, to, func(d *DoorOpening) bool {
		return !d.At.Before(from) && d.At.Before(to) && (room == "" || d.Room == room)
	})
	app.SortBy(list, func(d DoorOpening) time.Time { return d.At })
	return list, err
}
