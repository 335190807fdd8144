package ui

import (
	"floordesk/app/apptest/registers"
	"floordesk/ui/attendance"
	"floordesk/ui/found"
	"floordesk/ui/keys"
	"floordesk/ui/kit"
	"floordesk/ui/loans"
	"floordesk/ui/messages"
	"floordesk/ui/requests"
)

// withDashboard puts screens in registers and adds the real registers'
// dashboard parts, so the shell's dashboard shows what the desk's does.
func withDashboard(svc *registers.All, s *kit.Session, screens ...kit.Screen) []kit.Register {
	var regs []kit.Register
	for _, sc := range screens {
		regs = append(regs, kit.Register{Screen: sc})
	}
	return append(regs,
		kit.Register{Name: "requests", Dashboard: requests.Dashboard(s, svc)},
		kit.Register{Name: "keys", Dashboard: keys.Dashboard(s, svc)},
		kit.Register{Name: "loans", Dashboard: loans.Dashboard(s, svc)},
		kit.Register{Name: "found", Dashboard: found.Dashboard(s, svc)},
		kit.Register{Name: "messages", Dashboard: messages.Dashboard(s, svc)},
		kit.Register{Name: "attendance", Dashboard: attendance.Dashboard(svc), Clock: attendance.Clocker(s, svc)})
}
