package found

import (
	"floordesk/app"
	"floordesk/app/personal"
)

// FoundRegister runs the register's commands and queries on the desk's core
// service, whose store, clock, staff and hotel set-up it shares; commands
// of every register are serialised by the core's lock.
type FoundRegister struct {
	*app.Service
	tags   tagCounter // guarded by the core's lock, as the commands are
	police policeIDs  // likewise
}

// New returns the register on core.
func New(core *app.Service) *FoundRegister {
	personal.Attach(core.Store())
	return &FoundRegister{Service: core}
}
