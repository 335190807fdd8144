package app

import "time"

func init() {
	Register(Module{Name: "loans", Order: 30, Kinds: []string{KindLoan},
		Handover: func(s *Service, desk string, now time.Time) (any, error) { return s.handoverLoans(desk, now) },
		Demo:     []DemoGenerator{{Name: "loans", Weight: 6, Make: DemoLoans}},
	})
}
