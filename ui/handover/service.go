package handover

import (
	"floordesk/app"
	apphandover "floordesk/app/handover"
)

// Service is what the handover screens need of the desk: their register's
// commands and queries and the core's they read beside them. main gives
// the register itself (it embeds the core service).
type Service interface {
	AddHandoverNote(actorID, id, text string) (apphandover.Handover, error)
	DraftHandover(actorID string, in apphandover.HandoverInput) (apphandover.Handover, error)
	Handover(id string) (apphandover.Handover, error)
	Handovers(desk string) ([]apphandover.Handover, error)
	SignHandover(id string, role apphandover.SignRole, staffID, pin string) (apphandover.Handover, error)
	StaffList(withDisabled bool) ([]app.Staff, error)
}

var _ Service = (*apphandover.HandoverRegister)(nil)
