package found

import (
	appfound "floordesk/app/found"
	"floordesk/ui/kit"
)

// Register is the register as the desk's window shows it: its screen,
// its part of the dashboard, its section of a handover.
func Register(s *kit.Session) kit.Register {
	return kit.Register{Name: appfound.ModuleName, Screen: New(s), Dashboard: Dashboard(s), Handover: HandoverSection}
}
