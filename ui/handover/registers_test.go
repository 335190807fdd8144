package handover

import (
	"floordesk/ui/found"
	"floordesk/ui/keys"
	"floordesk/ui/kit"
	"floordesk/ui/loans"
	"floordesk/ui/requests"
)

// sectionRegisters are the registers whose sections a handover shows on
// the desk, listed here in another order than their modules' to show the
// screen orders them itself.
func sectionRegisters() []kit.Register {
	return []kit.Register{
		{Name: "found", Handover: found.HandoverSection},
		{Name: "loans", Handover: loans.HandoverSection},
		{Name: "requests", Handover: requests.HandoverSection},
		{Name: "keys", Handover: keys.HandoverSection},
	}
}
