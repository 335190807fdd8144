package loans

import (
	"time"

	"floordesk/app"
)

// ModuleName is the register's app.Module name: its section's key in a
// handover's lists.
const ModuleName = "loans"

func init() {
	app.Register(app.Module{Name: ModuleName, Order: 30, Kinds: []string{KindLoan},
		Handover: func(s *app.Service, desk string, now time.Time) (any, error) { return New(s).handoverLoans(desk, now) },
		Demo:     []app.DemoGenerator{{Name: "loans", Weight: 6, Make: DemoLoans}},
	})
}

// HandoverWindow is how far ahead the handover lists loans due: the next
// shift.
const HandoverWindow = 8 * time.Hour
