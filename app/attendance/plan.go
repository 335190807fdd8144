package attendance

import (
	"time"

	"floordesk/app"
)

// The shift plan: a clock-in is held against the start of its staff
// member's shift, the occurrence of it nearest the clock-in (a night
// shift's 23:00 of the day before, for one who comes at 00:10), and the
// day's last clock-out against that shift's end.

// planFor is the occurrence of sh nearest at, in loc; nil when sh has no
// times, or at is past that occurrence's end (work outside the plan).
func planFor(sh app.Shift, at time.Time, loc *time.Location) *Plan {
	start, err1 := time.Parse("15:04", sh.Start)
	end, err2 := time.Parse("15:04", sh.End)
	if sh.Name == "" || err1 != nil || err2 != nil {
		return nil
	}
	lt := at.In(loc)
	var best *Plan
	for _, off := range []int{-1, 0, 1} {
		d := lt.AddDate(0, 0, off)
		s := time.Date(d.Year(), d.Month(), d.Day(), start.Hour(), start.Minute(), 0, 0, loc)
		e := time.Date(d.Year(), d.Month(), d.Day(), end.Hour(), end.Minute(), 0, 0, loc)
		if !e.After(s) {
			e = e.AddDate(0, 0, 1)
		}
		if best == nil || absDur(at.Sub(s)) < absDur(at.Sub(best.Start)) {
			best = &Plan{Shift: sh.Name, Start: s.UTC(), End: e.UTC()}
		}
	}
	if !at.Before(best.End) {
		return nil
	}
	return best
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// workDate is the day a clock-in at at counts for: its shift's start
// day, else the day it was made, in loc.
func workDate(p *Plan, at time.Time, loc *time.Location) string {
	if p != nil {
		at = p.Start
	}
	return at.In(loc).Format(time.DateOnly)
}

// dayID is the ID of a staff member's work day: "2026-03-03/A001", so
// IDs sort by day.
func dayID(date, staff string) string { return date + "/" + staff }

// LateBy is how far past its plan's start (and the grace) the day's
// first clock-in was; zero when on time or without a plan.
func (d *Day) LateBy(grace time.Duration) time.Duration {
	if d.Plan == nil || len(d.Stints) == 0 {
		return 0
	}
	if late := d.Stints[0].In.At.Sub(d.Plan.Start); late > grace {
		return late
	}
	return 0
}

// EarlyBy is how far before its plan's end (less the grace) the day's
// last clock-out was; zero when on time, still on duty or without a plan.
func (d *Day) EarlyBy(grace time.Duration) time.Duration {
	out := d.LastOut()
	if d.Plan == nil || out == nil {
		return 0
	}
	if early := d.Plan.End.Sub(out.At); early > grace {
		return early
	}
	return 0
}

// FirstIn is the day's first clock-in; zero without one.
func (d *Day) FirstIn() time.Time {
	if len(d.Stints) == 0 {
		return time.Time{}
	}
	return d.Stints[0].In.At
}

// LastOut is the day's last clock-out when every stint has one, else nil.
func (d *Day) LastOut() *Clocking {
	if len(d.Stints) == 0 || d.Open() {
		return nil
	}
	return d.Stints[len(d.Stints)-1].Out
}

// Worked is the time between the clock-ins and clock-outs of the day's
// closed stints.
func (d *Day) Worked() time.Duration {
	var sum time.Duration
	for _, st := range d.Stints {
		if st.Out != nil {
			sum += st.Out.At.Sub(st.In.At)
		}
	}
	return sum
}

// Forgotten is the day's first stint open longer than MaxOnDuty at now
// (its clock-out was forgotten), or nil.
func (d *Day) Forgotten(now time.Time) *Stint {
	for i := range d.Stints {
		if st := &d.Stints[i]; st.Out == nil && now.Sub(st.In.At) >= MaxOnDuty {
			return st
		}
	}
	return nil
}

// OnDuty is the day's stint open at now and younger than MaxOnDuty, or
// nil.
func (d *Day) OnDuty(now time.Time) *Stint {
	if st := d.OpenStint(); st != nil && now.Sub(st.In.At) < MaxOnDuty {
		return st
	}
	return nil
}
