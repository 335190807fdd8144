package attendance

import (
	"cmp"
	"slices"
	"time"

	"floordesk/app"
)

// WorkDay returns one work day; ErrNotFound when unknown.
func (s *AttendanceRegister) WorkDay(id string) (Day, error) {
	return app.LoadView[Day](s.Service, KindAttendance, id)
}

// OpenDays lists the days with a clock-in not clocked out, every staff
// member's: those on duty and forgotten clock-outs. It reads the open
// days only (the status index), however long the history.
func (s *AttendanceRegister) OpenDays() ([]Day, error) {
	return app.ScanViews(s.Service, KindAttendance, []string{string(StatusOpen)}, func(d *Day) bool { return d.Open() })
}

// OnDuty lists the days of the staff on duty at now (clocked in less
// than MaxOnDuty ago and not out), earliest clock-in first.
func (s *AttendanceRegister) OnDuty(now time.Time) ([]Day, error) {
	days, err := s.OpenDays()
	days = slices.DeleteFunc(days, func(d Day) bool { return d.OnDuty(now) == nil })
	slices.SortFunc(days, func(a, b Day) int {
		return cmp.Or(a.OnDuty(now).In.At.Compare(b.OnDuty(now).In.At), cmp.Compare(a.ID, b.ID))
	})
	return days, err
}

// DaysIn lists the days whose first clock-in lies in [from, to), in
// the order of their first clock-in.
func (s *AttendanceRegister) DaysIn(from, to time.Time) ([]Day, error) {
	return app.TimeViews(s.Service, inIndex, from, to, func(d *Day) bool {
		in := d.FirstIn()
		return !in.Before(from) && in.Before(to)
	})
}

// DaysInConflict lists days with an open sync conflict.
func (s *AttendanceRegister) DaysInConflict() ([]Day, error) {
	return app.ConflictViews[Day](s.Service, KindAttendance)
}

// Grace is the hotel's grace for lateness (Hotel.Grace).
func (s *AttendanceRegister) Grace() time.Duration {
	h, err := s.Settings()
	if err != nil {
		return app.DefaultLateGrace
	}
	return h.Grace()
}

// openDaysOf lists staff's open days.
func (s *AttendanceRegister) openDaysOf(staff string) ([]Day, error) {
	return app.ScanViews(s.Service, KindAttendance, []string{string(StatusOpen)}, func(d *Day) bool { return d.Staff == staff })
}

// onDuty is the day of days that is on duty at now, or nil.
func onDuty(days []Day, now time.Time) *Day {
	for i := range days {
		if days[i].OnDuty(now) != nil {
			return &days[i]
		}
	}
	return nil
}

// recentDay is st's work day of now's date, when there is one (for the
// time of their last clock-out).
func (s *AttendanceRegister) recentDay(st app.Staff, now time.Time) []Day {
	plan, _ := s.planOf(st, now)
	d, err := s.WorkDay(dayID(workDate(plan, now, s.Loc()), st.ID))
	if err != nil {
		return nil
	}
	return []Day{d}
}

// lastClocking is the latest clock-in or clock-out in the days.
func lastClocking(open, recent []Day) (Clocking, bool) {
	var last Clocking
	for _, d := range append(open, recent...) {
		for _, st := range d.Stints {
			for _, c := range append([]Clocking{st.In}, st.Also...) {
				if c.At.After(last.At) {
					last = c
				}
			}
			if st.Out != nil && st.Out.At.After(last.At) {
				last = *st.Out
			}
		}
	}
	return last, !last.At.IsZero()
}

// EarlyArrival is how long before its shift's start a clock-in counts as
// coming for that shift in the handover.
const EarlyArrival = time.Hour

// handoverWindow is the time a handover drafted at now looks back over:
// since the start of the shift that ran an hour before now (a handover
// is drafted near its shift's end, or just after), or the last eight
// hours when no shift ran then. Clock-ins count from EarlyArrival
// before it.
func (s *AttendanceRegister) handoverWindow(now time.Time) time.Time {
	before := now.Add(-time.Hour)
	sh, ok := s.ShiftAt(before)
	if !ok {
		return now.Add(-8 * time.Hour)
	}
	if p := planFor(sh, before, s.Loc()); p != nil && !p.Start.After(before) {
		return p.Start
	}
	return now.Add(-8 * time.Hour)
}

// handoverAttendance lists who came and who went since the shift began
// (handoverWindow), hotel-wide, in the order they came: each clock-in or
// clock-out in the window, with lateness against the plan.
func (s *AttendanceRegister) handoverAttendance(now time.Time) ([]HandoverClocking, error) {
	from := s.handoverWindow(now)
	days, err := s.DaysIn(from.Add(-MaxOnDuty), now.Add(time.Minute))
	if err != nil {
		return nil, err
	}
	grace := s.Grace()
	out := []HandoverClocking{}
	for _, d := range days {
		for i, st := range d.Stints {
			came := !st.In.At.Before(from.Add(-EarlyArrival)) && !st.In.At.After(now)
			went := st.Out != nil && !st.Out.At.Before(from) && !st.Out.At.After(now)
			if came || went {
				out = append(out, handoverRow(d, i, grace))
			}
		}
	}
	slices.SortStableFunc(out, func(a, b HandoverClocking) int { return a.In.Compare(b.In) })
	return out, nil
}

// handoverRow is the i-th stint of d as the handover lists it: lateness
// on the first, an early leave on the last.
func handoverRow(d Day, i int, grace time.Duration) HandoverClocking {
	st := d.Stints[i]
	r := HandoverClocking{Staff: d.Staff, Name: d.Name, In: st.In.At}
	if d.Plan != nil {
		r.Shift = d.Plan.Shift
	}
	if i == 0 {
		r.Late = int(d.LateBy(grace) / time.Minute)
	}
	if st.Entered() {
		r.EnteredBy = st.In.By
	}
	if st.Out != nil {
		out := st.Out.At
		r.Out = &out
		if st.Out.How == HowSupervisor && !st.Entered() {
			r.ClosedBy = st.Out.By
		}
		if i == len(d.Stints)-1 {
			r.Early = int(d.EarlyBy(grace) / time.Minute)
		}
	}
	return r
}
