package requests

import (
	"time"

	"floordesk/app"
)

// ModuleName is the register's app.Module name: its section's key in a
// handover's lists.
const ModuleName = "requests"

func init() {
	app.Register(app.Module{Name: ModuleName, Order: 10, Kinds: []string{KindRequest},
		Handover: func(s *app.Service, desk string, now time.Time) (any, error) {
			return New(s).handoverRequests(desk, now)
		},
		Demo: []app.DemoGenerator{{Name: "requests", Weight: 8, Make: DemoRequests}},
	})
}

// HandoverWindow is how far ahead the handover lists scheduled requests
// not yet due: the next shift.
const HandoverWindow = 8 * time.Hour
