package messages

import (
	"time"

	"floordesk/app"
	"floordesk/app/personal"
)

// Messages (留言): this file holds a message's state and the bodies of its
// events; the fold is in fold.go, commands in commands.go and queries in
// queries.go.

// KindMessage is the entity kind of a message.
const KindMessage = "message"

// Event types of a message.
const (
	TypeMessageTaken     = "message.taken"
	TypeMessageDelivered = "message.delivered"
	TypeMessageClosed    = "message.closed" // cancelled or expired, undelivered
)

// Direction says who the message is for.
type Direction string

// Directions.
const (
	// ForGuest: a caller or a visitor leaves a message for a guest.
	ForGuest Direction = "for_guest"
	// ForVisitor: a guest going out leaves a message for a visitor who
	// will ask for them.
	ForVisitor Direction = "for_visitor"
)

// Status is where a message stands: waiting until it is delivered,
// cancelled or expired.
type Status string

// Message statuses.
const (
	StatusWaiting   Status = "waiting"
	StatusDelivered Status = "delivered"
	StatusCancelled Status = "cancelled"
	StatusExpired   Status = "expired"
)

// How is how a message reached the one it was for.
type How string

// Ways of delivering a message.
const (
	HowHanded    How = "handed"     // handed over in person (or read out at the desk)
	HowPhone     How = "phone"      // told by phone
	HowUnderDoor How = "under_door" // the slip slid under the room's door
	HowLight     How = "light"      // the room's message light switched on, the guest called back
)

// Hows lists the ways of delivering, in the order a form offers them.
var Hows = []How{HowHanded, HowPhone, HowUnderDoor, HowLight}

// Message is the folded state of one message.
type Message struct {
	app.Meta  `json:"meta"`
	ID        string    `json:"id"`
	Desk      string    `json:"desk"` // the desk that took it
	Room      string    `json:"room,omitempty"`
	Area      string    `json:"area,omitempty"`  // a public area, when Room is ""
	Guest     string    `json:"guest,omitempty"` // the guest's name
	Direction Direction `json:"direction"`
	From      string    `json:"from,omitempty"`    // who left it
	Phone     string    `json:"phone,omitempty"`   // how to call them back
	Visitor   string    `json:"visitor,omitempty"` // ForVisitor: who will ask
	Text      string    `json:"text"`
	TakenAt   time.Time `json:"taken_at"`
	TakenBy   string    `json:"taken_by"`
	Status    Status    `json:"status"`
	Delivery  *Delivery `json:"delivery,omitempty"`
	Closed    *Closure  `json:"closed,omitempty"`
	Changed   time.Time `json:"changed"`
	// Personal is the names' and phone's key, and their removal.
	Personal personal.State `json:"personal,omitzero"`
}

// Delivery is how, by whom and when a message was delivered.
type Delivery struct {
	How  How       `json:"how"`
	By   string    `json:"by"`
	Desk string    `json:"desk"`
	At   time.Time `json:"at"`
	Note string    `json:"note,omitempty"`
}

// Closure is a message closed undelivered: cancelled or expired, why,
// by whom and when.
type Closure struct {
	Status Status    `json:"status"`
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Waiting reports whether the message is still to be delivered.
func (m *Message) Waiting() bool { return m.Status == StatusWaiting }

// Where is where the message is for: its room, or its public area.
func (m *Message) Where() string {
	if m.Room != "" {
		return m.Room
	}
	return m.Area
}

// MessageTaken is the body of message.taken.
type MessageTaken struct {
	At        time.Time `json:"at"`
	Desk      string    `json:"desk"`
	Room      string    `json:"room,omitempty"`
	Area      string    `json:"area,omitempty"`
	Guest     string    `json:"guest,omitempty"`
	Direction Direction `json:"direction"`
	From      string    `json:"from,omitempty"`
	Phone     string    `json:"phone,omitempty"`
	Visitor   string    `json:"visitor,omitempty"`
	Text      string    `json:"text"`
}

// MessageDelivered is the body of message.delivered.
type MessageDelivered struct {
	At   time.Time `json:"at"`
	Desk string    `json:"desk"`
	How  How       `json:"how"`
	Note string    `json:"note,omitempty"`
}

// MessageClosed is the body of message.closed.
type MessageClosed struct {
	At     time.Time `json:"at"`
	Status Status    `json:"status"` // cancelled or expired
	Reason string    `json:"reason"`
}

// HandoverMessage is an undelivered message as the handover lists it.
type HandoverMessage struct {
	ID        string    `json:"id"`
	Where     string    `json:"where"`
	Guest     string    `json:"guest,omitempty"`
	Direction Direction `json:"direction"`
	From      string    `json:"from,omitempty"`
	Visitor   string    `json:"visitor,omitempty"`
	Text      string    `json:"text"`
	TakenAt   time.Time `json:"taken_at"`
	Old       bool      `json:"old,omitempty"` // waiting longer than OldAfter
}
