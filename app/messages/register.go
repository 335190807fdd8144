package messages

import (
	"floordesk/app"
	"floordesk/app/personal"
)

// MessageRegister runs the register's commands and queries on the desk's
// core service, whose store, clock, staff and hotel set-up it shares;
// commands of every register are serialised by the core's lock.
type MessageRegister struct {
	*app.Service
}

// New returns the register on core.
func New(core *app.Service) *MessageRegister {
	personal.Attach(core.Store())
	return &MessageRegister{Service: core}
}
