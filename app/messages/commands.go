package messages

import (
	"fmt"
	"slices"
	"strings"

	"floordesk/app"
	"floordesk/app/guests"
	"floordesk/app/personal"
)

// Limits of what a message holds. Names and phone numbers are personal
// data: kept short, as the desk needs them and no more.
const (
	MaxTextRunes   = 500 // the message itself
	MaxNameRunes   = 40  // the guest's, the caller's, the visitor's name
	MaxPhoneRunes  = 30  // a phone number with its extension
	MaxReasonRunes = 200 // why a message was cancelled or expired
	MaxNoteRunes   = 200 // a note on its delivery
)

// TakeInput is a message as the desk takes it: for a room, or a public
// area (a visitor waiting in the lobby), or a guest by name, whose room
// the in-house list gives.
type TakeInput struct {
	Room      string
	Area      string
	Guest     string // the guest's name; finds the room when Room and Area are ""
	Direction Direction
	From      string // who left it
	Phone     string // how to call them back
	Visitor   string // ForVisitor: who will ask for it
	Text      string
}

// Take records a message at this desk, taken by actorID. Refusals:
// ErrInvalid naming the field (a room not on the list, an area not the
// hotel's, a room and an area both, no place, a guest not in the in-house
// list or in several rooms, an empty text, a field past its limit, a
// phone number with letters); ErrForbidden for an unknown or disabled
// actor.
func (s *MessageRegister) Take(actorID string, in TakeInput) (Message, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return Message{}, err
	}
	in = trimTake(in)
	if err := checkTake(in); err != nil {
		return Message{}, err
	}
	if in, err = s.placeOf(in); err != nil {
		return Message{}, err
	}
	body := MessageTaken{At: s.Now(), Desk: s.Desk(), Room: in.Room, Area: in.Area, Guest: in.Guest,
		Direction: in.Direction, From: in.From, Phone: in.Phone, Visitor: in.Visitor, Text: in.Text}
	id := s.NewID()
	evs, err := personal.SealedEvent(s.Service, actor.ID, app.Ref(KindMessage, id), TypeMessageTaken, body, personalFields...)
	if err != nil {
		return Message{}, err
	}
	if _, err := s.Store().AppendAll(evs); err != nil {
		return Message{}, fmt.Errorf("save %s: %w", TypeMessageTaken, app.StoreRefusal(err))
	}
	return app.LoadView[Message](s.Service, KindMessage, id)
}

func trimTake(in TakeInput) TakeInput {
	for _, f := range []*string{&in.Room, &in.Area, &in.Guest, &in.From, &in.Phone, &in.Visitor, &in.Text} {
		*f = strings.TrimSpace(*f)
	}
	if in.Direction == "" {
		in.Direction = ForGuest
	}
	return in
}

// checkTake checks the fields that need no reading of the store.
func checkTake(in TakeInput) error {
	return app.FirstErr(
		app.Choice("direction", string(in.Direction), string(ForGuest), string(ForVisitor)),
		checkWhere(in),
		app.MaxLen("guest", in.Guest, MaxNameRunes), app.MaxLen("from", in.From, MaxNameRunes),
		app.MaxLen("visitor", in.Visitor, MaxNameRunes),
		app.MaxLen("phone", in.Phone, MaxPhoneRunes), checkPhone(in.Phone),
		app.Required("text", in.Text), app.MaxLen("text", in.Text, MaxTextRunes),
	)
}

// checkWhere: a message is for a room or a public area, not both, or
// for a guest by name.
func checkWhere(in TakeInput) error {
	switch {
	case in.Room != "" && in.Area != "":
		return app.Invalid("area", "message.room_or_area")
	case in.Room == "" && in.Area == "" && in.Guest == "":
		return app.Required("room", "")
	}
	return nil
}

// checkPhone: digits, spaces and the signs a number is written with
// (+86 138-0000 0000, 8801 ext. 12 as 8801#12).
func checkPhone(phone string) error {
	for _, r := range phone {
		if !(r >= '0' && r <= '9' || strings.ContainsRune(" +-()#*/", r)) {
			return app.Invalid("phone", "message.phone_format")
		}
	}
	return nil
}

// placeOf checks the room against the room list (keeping the listed
// number) or the area against the hotel's areas, or finds a named guest's
// room in the in-house list.
func (s *MessageRegister) placeOf(in TakeInput) (TakeInput, error) {
	switch {
	case in.Area != "":
		return in, s.CheckArea("area", in.Area)
	case in.Room != "":
		in.Room = s.ListedRoom(in.Room)
		return in, s.CheckRoom("room", in.Room)
	}
	room, err := s.guestRoom(in.Guest)
	in.Room = room
	return in, err
}

// guestRoom is the room of the in-house guest named name: refused when
// no guest or guests in several rooms have that name.
func (s *MessageRegister) guestRoom(name string) (string, error) {
	list, err := guests.New(s.Service).Guests()
	if err != nil {
		return "", err
	}
	var rooms []string
	for _, g := range list.Guests {
		if strings.EqualFold(g.Name, name) && !slices.Contains(rooms, g.Room) {
			rooms = append(rooms, g.Room)
		}
	}
	switch len(rooms) {
	case 0:
		return "", app.Invalid("guest", "message.guest_not_in_house", "guest", name)
	case 1:
		return rooms[0], nil
	}
	return "", app.Invalid("guest", "message.guest_in_rooms", "guest", name, "rooms", strings.Join(rooms, ", "))
}

// Deliver records that a waiting message reached the one it was for,
// how, with an optional note. Refusals: ErrInvalid (how not one of Hows,
// note past MaxNoteRunes); ErrConflict "message.not_waiting" when it was
// already delivered, cancelled or expired; ErrNotFound.
func (s *MessageRegister) Deliver(actorID, id string, how How, note string) (Message, error) {
	note = strings.TrimSpace(note)
	if err := app.FirstErr(app.Choice("how", string(how), hows()...), app.MaxLen("note", note, MaxNoteRunes)); err != nil {
		return Message{}, err
	}
	body := MessageDelivered{At: s.Now(), Desk: s.Desk(), How: how, Note: note}
	return s.messageCommand(actorID, id, TypeMessageDelivered, body)
}

// Cancel closes a waiting message undelivered, with a reason (the caller
// called back, the visitor came and left). Refusals as Close.
func (s *MessageRegister) Cancel(actorID, id, reason string) (Message, error) {
	return s.close(actorID, id, StatusCancelled, reason)
}

// Expire closes a waiting message that can no longer be delivered, with
// a reason (the guest checked out, the visitor never came). Refusals:
// ErrInvalid "reason" (empty, past MaxReasonRunes); ErrConflict
// "message.not_waiting"; ErrNotFound.
func (s *MessageRegister) Expire(actorID, id, reason string) (Message, error) {
	return s.close(actorID, id, StatusExpired, reason)
}

func (s *MessageRegister) close(actorID, id string, st Status, reason string) (Message, error) {
	reason = strings.TrimSpace(reason)
	if err := app.FirstErr(app.Required("reason", reason), app.MaxLen("reason", reason, MaxReasonRunes)); err != nil {
		return Message{}, err
	}
	return s.messageCommand(actorID, id, TypeMessageClosed, MessageClosed{At: s.Now(), Status: st, Reason: reason})
}

// messageCommand runs the steps every command on a waiting message
// shares.
func (s *MessageRegister) messageCommand(actorID, id, typ string, body any) (Message, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return Message{}, err
	}
	m, err := s.Message(id)
	if err != nil {
		return Message{}, err
	}
	if !m.Waiting() {
		return Message{}, app.Conflicting("message.not_waiting", "where", m.Where())
	}
	return app.EmitView[Message](s.Service, actor, app.Ref(KindMessage, id), typ, body)
}

func hows() []string {
	out := make([]string, len(Hows))
	for i, h := range Hows {
		out[i] = string(h)
	}
	return out
}

func init() {
	app.RegisterMessages(map[string]string{
		"message.room_or_area":       "A message is for a room or for a public area, not both — clear one of them.",
		"message.phone_format":       "A phone number holds digits, spaces and + - ( ) # * only — check the number.",
		"message.guest_not_in_house": "No guest named {guest} is on the in-house list — type the room number instead.",
		"message.guest_in_rooms":     "Guests named {guest} are in rooms {rooms} — type the room number instead.",
		"message.not_waiting":        "The message for {where} is already delivered, cancelled or expired — nothing more to do.",
	})
}
