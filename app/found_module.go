package app

import "time"

func init() {
	Register(Module{Name: "found", Order: 40, Kinds: []string{kindFound, kindLostReport},
		Handover: func(s *Service, desk string, _ time.Time) (any, error) { return s.handoverFound(desk) },
		Demo:     []DemoGenerator{{Name: "found", Weight: 2, Make: DemoFound}},
	})
}
