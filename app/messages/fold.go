package messages

import (
	"time"

	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data/wire"
)

// applyMessage folds one event into a message. A delivery and a closure
// made at two desks without seeing each other both stay recorded; the
// delivery wins (the guest has the message) and messageClash marks the
// message in conflict so a supervisor checks it.
func applyMessage(m *Message, ev wire.Event) error {
	switch ev.Type {
	case TypeMessageTaken:
		return applyTaken(m, ev)
	case TypeMessageDelivered:
		return applyDelivered(m, ev)
	case TypeMessageClosed:
		return applyClosed(m, ev)
	case personal.TypePurged:
		m.Guest, m.From, m.Phone, m.Visitor = "", "", "", ""
		return m.Personal.Purge(ev)
	}
	return nil
}

func applyTaken(m *Message, ev wire.Event) error {
	b, o, err := personal.DecodeBody[MessageTaken](ev)
	if err != nil {
		return err
	}
	m.Personal.Note(o)
	at := app.ActionTime(b.At, ev)
	m.ID, m.Desk, m.Room, m.Area, m.Guest = ev.Entity.ID, b.Desk, b.Room, b.Area, b.Guest
	m.Direction, m.From, m.Phone, m.Visitor, m.Text = b.Direction, b.From, b.Phone, b.Visitor, b.Text
	m.TakenAt, m.TakenBy = at, ev.Actor
	m.changed(at)
	m.settle()
	return nil
}

func applyDelivered(m *Message, ev wire.Event) error {
	b, err := app.DecodeBody[MessageDelivered](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	if m.Delivery == nil { // delivered twice: the first in fold order stays
		m.Delivery = &Delivery{How: b.How, By: ev.Actor, Desk: b.Desk, At: at, Note: b.Note}
	}
	m.changed(at)
	m.settle()
	return nil
}

func applyClosed(m *Message, ev wire.Event) error {
	b, err := app.DecodeBody[MessageClosed](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	if m.Closed == nil {
		m.Closed = &Closure{Status: b.Status, Reason: b.Reason, By: ev.Actor, At: at}
	}
	m.changed(at)
	m.settle()
	return nil
}

// settle derives the status: delivered once delivered, else closed as
// its closure says, else waiting once taken.
func (m *Message) settle() {
	switch {
	case m.Delivery != nil:
		m.Status = StatusDelivered
	case m.Closed != nil:
		m.Status = m.Closed.Status
	case m.ID != "":
		m.Status = StatusWaiting
	}
}

func (m *Message) changed(at time.Time) {
	if at.After(m.Changed) {
		m.Changed = at
	}
}

// settles are the events that end a message's wait.
func settles(typ string) bool { return typ == TypeMessageDelivered || typ == TypeMessageClosed }

// messageClash marks a message delivered at one desk and cancelled (or
// expired) at another without either seeing the other: did the guest get
// it? Two deliveries commute (the first is kept), as do two closures.
func messageClash(m *Message, earlier app.Step, ev wire.Event) (string, map[string]string) {
	if !settles(earlier.Type) || !settles(ev.Type) || earlier.Type == ev.Type {
		return "", nil
	}
	return "message.delivered_and_closed", map[string]string{"where": m.Where()}
}

func init() {
	app.RegisterKind(KindMessage, app.FoldWith[Message](applyMessage, messageClash))
	app.RegisterMessages(map[string]string{
		"message.delivered_and_closed": "The message for {where} was delivered at one desk and cancelled at another — ask the guest whether they got it, then resolve the conflict.",
	})
}
