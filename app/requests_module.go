package app

import "time"

func init() {
	Register(Module{Name: "requests", Order: 10, Kinds: []string{KindRequest},
		Handover: func(s *Service, desk string, _ time.Time) (any, error) { return s.handoverRequests(desk) },
		Demo:     []DemoGenerator{{Name: "requests", Weight: 8, Make: DemoRequests}},
	})
}
