package loans

import (
	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

// Register is the register as the desk's window shows it: its screen,
// its part of the dashboard, its section of a handover.
func Register(s *kit.Session) kit.Register {
	return kit.Register{Name: apploans.ModuleName, Screen: New(s), Dashboard: Dashboard(s), Handover: HandoverSection}
}
