package attendance

import "floordesk/app"

// AttendanceRegister runs the register's commands and queries on the
// desk's core service, whose store, clock, staff and hotel set-up it
// shares; commands of every register are serialised by the core's lock.
type AttendanceRegister struct {
	*app.Service
}

// New returns the register on core.
func New(core *app.Service) *AttendanceRegister { return &AttendanceRegister{Service: core} }
