package messages

import (
	"floordesk/app/personal"
)

// A message's guest, caller, call-back number and visitor are sealed under
// a key of the message's own and removed after the hotel's retention once
// it was delivered or closed (app/personal); the room and the text stay.
// A handover lists waiting messages without the guest's and the caller's
// names (the visitor's stays: the next shift hands the message to them).
var personalFields = []string{"guest", "from", "phone", "visitor"}

func init() { personal.Register(KindMessage, describeMessage, personalFields...) }

func describeMessage(m *Message) personal.Record {
	rec := personal.Record{State: m.Personal, Holds: m.Guest != "" || m.From != "" || m.Phone != "" || m.Visitor != "",
		Names: []string{m.Guest, m.From, m.Visitor}, Phones: []string{m.Phone}, Rooms: []string{m.Room},
		Summary: m.Where() + " " + m.TakenAt.Format("2006-01-02")}
	switch {
	case m.Delivery != nil:
		rec.Closed = m.Delivery.At
	case m.Closed != nil:
		rec.Closed = m.Closed.At
	}
	return rec
}
