package messages

import (
	"time"

	"floordesk/app"
)

// ModuleName is the register's app.Module name: its section's key in a
// handover's lists.
const ModuleName = "messages"

func init() {
	app.Register(app.Module{Name: ModuleName, Order: 45, Kinds: []string{KindMessage},
		Handover: func(s *app.Service, desk string, now time.Time) (any, error) {
			return New(s).handoverMessages(desk, now)
		},
		Demo: []app.DemoGenerator{{Name: "messages", Weight: 2, Make: DemoMessages}},
	})
}
