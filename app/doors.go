package app

import (
	"strings"
	"time"

	"floordesk/data/wire"
)

// Guest door openings: a locked-out guest's door opened by staff, with how
// the guest's identity was checked. Only the last four characters of the ID
// number are ever recorded.

const kindDoor = "door"

// TypeDoorOpened records one door opening.
const TypeDoorOpened = "door.opened"

// ID document types accepted for a door opening.
var idTypes = []string{"id_card", "passport", "hk_macau_permit", "taiwan_permit", "residence_permit", "other"}

// DoorOpening is one guest door opening.
type DoorOpening struct {
	Meta     `json:"meta"`
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
	registerKind(kindDoor, foldWith(applyDoor, nil))
	registerMessages(map[string]string{
		"door.id_last4": "Enter only the last 4 characters of the guest's ID number — never the whole number.",
	})
}

func applyDoor(d *DoorOpening, ev wire.Event) error {
	if ev.Type != TypeDoorOpened {
		return nil
	}
	b, err := decodeBody[DoorOpeningInput](ev)
	*d = DoorOpening{Meta: d.Meta, ID: ev.Entity.ID, Room: b.Room, Guest: b.Guest, IDType: b.IDType,
		IDLast4: b.IDLast4, OpenedBy: b.OpenedBy, Desk: b.Desk, Note: b.Note, At: b.At}
	return err
}

// OpenDoor records a guest door opening.
func (s *Service) OpenDoor(actorID string, in DoorOpeningInput) (DoorOpening, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	actor, err := s.authorize(actorID, RoleAttendant)
	if err != nil {
		return DoorOpening{}, err
	}
	if in.OpenedBy == "" {
		in.OpenedBy = actor.ID
	}
	if err := s.checkDoor(&in); err != nil {
		return DoorOpening{}, err
	}
	in.Desk, in.At = s.deskCode(), s.now()
	id := s.NewID()
	if _, err := s.emit(actor, ref(kindDoor, id), TypeDoorOpened, in); err != nil {
		return DoorOpening{}, err
	}
	return loadView[DoorOpening](s, kindDoor, id)
}

func (s *Service) checkDoor(in *DoorOpeningInput) error {
	in.Guest, in.IDLast4 = strings.TrimSpace(in.Guest), strings.TrimSpace(in.IDLast4)
	err := firstErr(s.CheckRoom("room", in.Room), required("guest", in.Guest), maxLen("guest", in.Guest, 60),
		choice("id_type", in.IDType, idTypes...), checkLast4(in.IDLast4))
	if err != nil {
		return err
	}
	_, err = s.activeStaff("opened_by", in.OpenedBy)
	return err
}

func checkLast4(v string) error {
	if len(v) != 4 {
		return invalid("id_last4", "door.id_last4")
	}
	for _, r := range v {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return invalid("id_last4", "door.id_last4")
		}
	}
	return nil
}

// DoorOpenings lists the door openings in [from, to), oldest first; a room
// other than "" keeps that room only.
func (s *Service) DoorOpenings(from, to time.Time, room string) ([]DoorOpening, error) {
	list, err := listViews(s, kindDoor, func(d *DoorOpening) bool {
		return !d.At.Before(from) && d.At.Before(to) && (room == "" || d.Room == room)
	})
	sortBy(list, func(d DoorOpening) time.Time { return d.At })
	return list, err
}
