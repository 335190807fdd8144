package attendance

import (
	appattendance "floordesk/app/attendance"
	"floordesk/ui/kit"
)

// Register is the register as the desk's window shows it: its screen,
// its part of the dashboard, its section of a handover, and its
// clocking in and out from the sign-in.
func Register(s *kit.Session, svc Service) kit.Register {
	return kit.Register{Name: appattendance.ModuleName, Screen: New(s, svc), Dashboard: Dashboard(svc), Handover: HandoverSection,
		Clock: Clocker(s, svc)}
}
