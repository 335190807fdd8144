package ui

import (
	"floordesk/ui/found"
	"floordesk/ui/keys"
	"floordesk/ui/kit"
	"floordesk/ui/loans"
	"floordesk/ui/requests"
)

// withDashboard puts screens in registers and adds the real registers'
// dashboard parts, so the shell's dashboard shows what the desk's does.
func withDashboard(s *kit.Session, screens ...kit.Screen) []kit.Register {
	var regs []kit.Register
	for _, sc := range screens {
		regs = append(regs, kit.Register{Screen: sc})
	}
	return append(regs,
		kit.Register{Name: "requests", Dashboard: requests.Dashboard(s)},
		kit.Register{Name: "keys", Dashboard: keys.Dashboard(s)},
		kit.Register{Name: "loans", Dashboard: loans.Dashboard(s)},
		kit.Register{Name: "found", Dashboard: found.Dashboard(s)})
}
