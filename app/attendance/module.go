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
		// Weight 0: the staff come to work every day however busy the
		// hotel; named to run after the service history (generators run
		// in name order, sharing the world's random source), so adding it
		// moved no record of the others.
		Demo: []app.DemoGenerator{{Name: "staff-attendance", Weight: 0, Make: DemoAttendance}},
	})
}
