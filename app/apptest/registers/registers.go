// Package registers gives tests that span registers (the handover, the
// demo, conflicts across kinds) one value with every register's commands
// and queries, as the desk app wires them.
package registers

import (
	"floordesk/app"
	"floordesk/app/attendance"
	"floordesk/app/found"
	"floordesk/app/guests"
	"floordesk/app/handover"
	"floordesk/app/keys"
	"floordesk/app/loans"
	"floordesk/app/messages"
	"floordesk/app/requests"
)

// All is the core service with every register on it. The core's methods
// are promoted from Service (one level up, so they win over the copies
// each register embeds); each register's from its own field.
type All struct {
	*app.Service
	*keys.KeyRegister
	*loans.LoanRegister
	*found.FoundRegister
	*requests.RequestRegister
	*handover.HandoverRegister
	*guests.GuestRegister
	*messages.MessageRegister
	*attendance.AttendanceRegister
}

// New returns every register on core.
func New(core *app.Service) *All {
	return &All{Service: core, KeyRegister: keys.New(core), LoanRegister: loans.New(core),
		FoundRegister: found.New(core), RequestRegister: requests.New(core), HandoverRegister: handover.New(core),
		GuestRegister: guests.New(core), MessageRegister: messages.New(core),
		AttendanceRegister: attendance.New(core)}
}
