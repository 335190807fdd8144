package requests

import (
	"floordesk/app"
	"floordesk/app/personal"
)

// RequestRegister runs the register's commands and queries on the desk's core
// service, whose store, clock, staff and hotel set-up it shares; commands
// of every register are serialised by the core's lock.
type RequestRegister struct {
	*app.Service
}

// New returns the register on core.
func New(core *app.Service) *RequestRegister {
	personal.Attach(core.Store())
	return &RequestRegister{Service: core}
}
