package messages

import (
	"cmp"
	"slices"
	"time"

	"floordesk/app"
)

// OldAfter is how long a message may wait before the dashboard and the
// handover mark it: a guest should have it within the hour or two.
const OldAfter = 2 * time.Hour

// Message returns one message; ErrNotFound when unknown.
func (s *MessageRegister) Message(id string) (Message, error) {
	return app.LoadView[Message](s.Service, KindMessage, id)
}

// Waiting lists the messages still to be delivered, at every desk,
// oldest first. It reads the waiting messages only (the status index),
// however long the history.
func (s *MessageRegister) Waiting() ([]Message, error) {
	ms, err := app.ScanViews(s.Service, KindMessage, []string{string(StatusWaiting)}, func(m *Message) bool { return m.Waiting() })
	sortByTaken(ms)
	return ms, err
}

// MessagesForRoom lists every message for a room, newest first.
func (s *MessageRegister) MessagesForRoom(room string) ([]Message, error) {
	ms, err := app.IndexedViews[Message](s.Service, roomIndex, []byte(room), nil)
	sortByTaken(ms)
	slices.Reverse(ms)
	return ms, err
}

// MessagesTaken lists the messages taken in [from, to), delivered and
// closed ones too, newest first.
func (s *MessageRegister) MessagesTaken(from, to time.Time) ([]Message, error) {
	ms, err := app.TimeViews(s.Service, takenIndex, from, to, func(m *Message) bool {
		return !m.TakenAt.Before(from) && m.TakenAt.Before(to)
	})
	slices.Reverse(ms)
	return ms, err
}

// MessagesInConflict lists messages with an open sync conflict.
func (s *MessageRegister) MessagesInConflict() ([]Message, error) {
	return app.ConflictViews[Message](s.Service, KindMessage)
}

func sortByTaken(ms []Message) {
	slices.SortFunc(ms, func(a, b Message) int {
		return cmp.Or(a.TakenAt.Compare(b.TakenAt), cmp.Compare(a.ID, b.ID))
	})
}

// handoverMessages lists the waiting messages the next shift at desk
// inherits: those it took, and those for rooms on the floors it serves.
func (s *MessageRegister) handoverMessages(desk string, now time.Time) ([]HandoverMessage, error) {
	ms, err := s.Waiting()
	if err != nil {
		return nil, err
	}
	mine, err := s.deskRooms(desk)
	if err != nil {
		return nil, err
	}
	out := []HandoverMessage{}
	for _, m := range ms {
		if m.Desk != desk && !mine(m.Room) {
			continue
		}
		out = append(out, HandoverMessage{ID: m.ID, Where: m.Where(), Direction: m.Direction, Visitor: m.Visitor, Text: m.Text, TakenAt: m.TakenAt, Old: now.Sub(m.TakenAt) > OldAfter})
	}
	return out, nil
}

// deskRooms reports whether a room is on a floor desk serves.
func (s *MessageRegister) deskRooms(desk string) (func(room string) bool, error) {
	desks, err := s.Desks()
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(desks, func(d app.Desk) bool { return d.Code == desk })
	if i < 0 {
		return func(string) bool { return false }, nil
	}
	list, err := s.Rooms()
	if err != nil {
		return nil, err
	}
	floors := desks[i].Floors
	rooms := map[string]bool{}
	for _, r := range list.Rooms {
		if slices.Contains(floors, r.Floor) {
			rooms[r.Number] = true
		}
	}
	return func(room string) bool { return rooms[room] }, nil
}
