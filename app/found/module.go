package found

import (
	"time"

	"floordesk/app"
)

func init() {
	app.Register(app.Module{Name: "found", Order: 40, Kinds: []string{kindFound, kindLostReport},
		Handover: func(s *app.Service, desk string, _ time.Time) (any, error) { return New(s).handoverFound(desk) },
		Demo:     []app.DemoGenerator{{Name: "found", Weight: 2, Make: DemoFound}},
	})
}
