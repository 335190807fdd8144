package loans

import (
	"time"

	"floordesk/app"
)

func init() {
	app.Register(app.Module{Name: "loans", Order: 30, Kinds: []string{KindLoan},
		Handover: func(s *app.Service, desk string, now time.Time) (any, error) { return New(s).handoverLoans(desk, now) },
		Demo:     []app.DemoGenerator{{Name: "loans", Weight: 6, Make: DemoLoans}},
	})
}

// HandoverWindow is how far ahead the handover lists loans due: the next
// shift.
const HandoverWindow = 8 * time.Hour
