package attendance

import (
	"cmp"
	"slices"
	"time"
)

// The attendance part of the supervisor's report of a period
// (app/reports): per person the days worked, the hours, the days they
// came late, and what supervisors put right (forgotten clock-outs
// closed, missed clock-ins entered). A work day counts in the period its
// first clock-in lies in, as in the month's sheet; it is read through the
// by-first-clock-in index, so a week's report reads that week's days.

// PersonPeriod is one staff member's attendance in a period.
type PersonPeriod struct {
	Staff string
	Name  string // as on their latest day in the period
	// Days are their work days in the period; Worked the time between
	// the clock-ins and clock-outs of their closed stints.
	Days   int
	Worked time.Duration
	// Late counts the days they came past their shift's start and the
	// grace; LateEntered those of them whose clock-in a supervisor
	// entered (not measured at the desk).
	Late, LateEntered int
	// Closed counts their forgotten clock-outs a supervisor closed,
	// Entered their missed clock-ins a supervisor entered.
	Closed, Entered int
}

// Report is the attendance of a period: a line per person, by staff
// number, and the totals.
type Report struct {
	People []PersonPeriod
	Total  PersonPeriod // Staff and Name empty
}

// PeriodReport is the attendance of the work days whose first clock-in
// lies in [from, to), with the hotel's grace for lateness.
func (s *AttendanceRegister) PeriodReport(from, to time.Time) (Report, error) {
	days, err := s.DaysIn(from, to)
	if err != nil {
		return Report{}, err
	}
	grace := s.Grace()
	by := map[string]*PersonPeriod{}
	var rep Report
	for _, d := range days {
		p := by[d.Staff]
		if p == nil {
			p = &PersonPeriod{Staff: d.Staff}
			by[d.Staff] = p
		}
		p.Name = d.Name
		p.add(d, grace)
		rep.Total.add(d, grace)
	}
	for _, p := range by {
		rep.People = append(rep.People, *p)
	}
	slices.SortFunc(rep.People, func(a, b PersonPeriod) int { return cmp.Compare(a.Staff, b.Staff) })
	return rep, nil
}

// add counts day d.
func (p *PersonPeriod) add(d Day, grace time.Duration) {
	p.Days++
	p.Worked += d.Worked()
	if d.LateBy(grace) > 0 {
		p.Late++
		if d.LateEntered() {
			p.LateEntered++
		}
	}
	for _, st := range d.Stints {
		switch {
		case st.Entered():
			p.Entered++
		case st.Out != nil && st.Out.How == HowSupervisor:
			p.Closed++
		}
	}
}
