package messages

import (
	appmessages "floordesk/app/messages"
	"floordesk/ui/kit"
)

// Register is the register as the desk's window shows it: its screen,
// its part of the dashboard, its section of a handover.
func Register(s *kit.Session, svc Service) kit.Register {
	return kit.Register{Name: appmessages.ModuleName, Screen: New(s, svc), Dashboard: Dashboard(s, svc), Handover: HandoverSection}
}
