package handover

import (
	apphandover "floordesk/app/handover"
	"floordesk/ui/kit"
)

// Register is the handover register as the desk's window shows it: its
// screen, showing the sections of regs.
func Register(s *kit.Session, svc Service, regs []kit.Register) kit.Register {
	return kit.Register{Name: apphandover.ModuleName, Screen: New(s, svc, regs)}
}
