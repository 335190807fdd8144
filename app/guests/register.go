package guests

//go:generate go run testdata/make.go

import (
	"floordesk/app"
	"floordesk/app/personal"
)

// GuestRegister runs the guest list's import and queries on the desk's
// core service; its import takes the core's lock as every command does.
type GuestRegister struct {
	*app.Service
}

// New returns the register on core.
func New(core *app.Service) *GuestRegister {
	personal.Attach(core.Store())
	return &GuestRegister{Service: core}
}
