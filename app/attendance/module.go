package attendance

import (
	"time"

	"floordesk/app"
)

// ModuleName is the register's app.Module name: its section's key in a
// handover's lists.
const ModuleName = "attendance"

func init() {
	app.Register(app.Module{Name: ModuleName, Order: 48, Kinds: []string{KindAttendance},
		Handover: func(s *app.Service, desk string, now time.Time) (any, error) {
			return New(s).handoverAttendance(now)
		},
		Demo: []app.DemoGenerator{{Name: "attendance", Weight: 3, Make: DemoAttendance}},
	})
}
