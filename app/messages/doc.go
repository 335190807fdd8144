// Package messages is the message register (留言): a message taken at a
// desk for a guest (a caller or a visitor who missed them), or left by a
// guest going out for a visitor who will ask for them; it waits until it
// is delivered (handed over, told by phone, slipped under the door, the
// room's message light) or is cancelled or expires, with a reason.
// Undelivered messages show on the dashboard and pass to the next shift.
//
// Files, as in every register: doc.go (this), register.go, module.go
// (its handover rows and demo), messages.go (state, event types and
// bodies), fold.go, commands.go, queries.go, demo.go, and index.go (its
// indexes).
package messages
