package requests

import (
	"time"

	"floordesk/app"
)

func init() {
	app.Register(app.Module{Name: "requests", Order: 10, Kinds: []string{KindRequest},
		Handover: func(s *app.Service, desk string, _ time.Time) (any, error) { return New(s).handoverRequests(desk) },
		Demo:     []app.DemoGenerator{{Name: "requests", Weight: 8, Make: DemoRequests}},
	})
}
