// Package attendance is the attendance screen (员工出勤): staff clock in
// and out at the desk with their staff number and PIN, or by scanning
// their badge anywhere in the desk; the list shows who is on duty, the
// day's and the month's attendance, late arrivals and early leaves, and
// forgotten clock-outs, which a supervisor closes; a supervisor exports
// a month as a workbook. Its part of the dashboard counts who is on
// duty, and its handover section lists who came and went.
package attendance

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"floordesk/app"
	appattendance "floordesk/app/attendance"
	"floordesk/ui/kit"
)

// Screen is the attendance screen: a kit.ListScreen of work days with
// the clock-in panel above it. Its methods run on the Fyne goroutine.
type Screen struct {
	*kit.ListScreen[appattendance.Day]
	s       *kit.Session
	svc     Service
	staff   *kit.StaffNames
	clock   *clockPanel
	grace   time.Duration   // the hotel's grace, read with the staff names
	exports *fyne.Container // the month's exports, shown to supervisors
}

var _ kit.TagTaker = (*Screen)(nil)

// New returns the attendance screen of session s.
func New(s *kit.Session, svc Service) kit.Screen {
	sc := &Screen{s: s, svc: svc, staff: kit.NewStaffNames(svc), grace: app.DefaultLateGrace}
	sc.clock = newClockPanel(sc)
	sc.ListScreen = kit.NewListScreen(s, sc.look(), sc.config())
	sc.Refresh(nil)
	return sc
}

// look is the screen's look: the clock-in panel and the month's export
// above the list.
func (sc *Screen) look() kit.ListLook {
	return kit.ListLook{Screen: "attendance", Title: "attendance.title", Icon: theme.AccountIcon,
		Search: "attendance.search", Pick: "attendance.pick", Count: "attendance.count",
		Tools: sc.clock.content, Below: sc.exportRow()}
}

// TakeTag clocks the owner of a scanned badge in or out and says so; a
// tag that is no staff number is not the screen's.
func (sc *Screen) TakeTag(tag string) bool {
	p, err := sc.svc.Badge(tag)
	if notABadge(err) {
		return false
	}
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return true
	}
	sc.clocked(p.Day, p.In)
	return true
}

// clocked keeps a day a clock-in or clock-out returned, confirms it in a
// notice and returns the confirmation.
func (sc *Screen) clocked(d appattendance.Day, in bool) string {
	sc.Put(d)
	text := clockedText(sc.s, d, in)
	sc.s.Notify(text)
	return text
}
