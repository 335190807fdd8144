package attendance

import (
	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	appattendance "floordesk/app/attendance"
	"floordesk/ui/kit"
)

// clocker is the register's kit.Clocker: clocking in and out from the
// sign-in, where nobody is signed in.
type clocker struct {
	s   *kit.Session
	svc Service
}

var _ kit.Clocker = clocker{}

// Clocker returns the register's clocking for the sign-in of session s.
func Clocker(s *kit.Session, svc Service) kit.Clocker { return clocker{s: s, svc: svc} }

func (c clocker) ClockIn(staffID, pin string) (string, error) {
	d, err := c.svc.ClockIn(staffID, pin)
	if err != nil {
		return "", err
	}
	return clockedText(c.s, d, true), nil
}

func (c clocker) ClockOut(staffID, pin string) (string, error) {
	d, err := c.svc.ClockOut(staffID, pin)
	if err != nil {
		return "", err
	}
	return clockedText(c.s, d, false), nil
}

func (c clocker) ClockBadge(tag string) (string, bool, error) {
	p, err := c.svc.Badge(tag)
	if notABadge(err) {
		return "", false, nil
	}
	if err != nil {
		return "", true, err
	}
	return clockedText(c.s, p.Day, p.In), true, nil
}

// notABadge tells a tag that is no staff number (a key's, an item's)
// from a badge refused.
func notABadge(err error) bool {
	r := app.RefusalOf(err)
	return r != nil && (r.Code == "staff.unknown" || r.Field == "badge")
}

// clockedText confirms a clock-in or clock-out of d: "Wang Fang clocked
// in at 06:55."
func clockedText(s *kit.Session, d appattendance.Day, in bool) string {
	key := "attendance.clocked_out"
	if in {
		key = "attendance.clocked_in"
	}
	return lang.L(key, map[string]string{"Name": d.Name, "Time": kit.Clock(d.Changed.In(s.Location()))})
}
