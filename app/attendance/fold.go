package attendance

import (
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// applyDay folds one event into a work day. A clock-in while a stint is
// open and fresh (two desks clocking the same person in without seeing
// each other, or a double scan that came by sync) joins that stint's
// Also: the first in fold order stays the clock-in. A second clock-out
// or a supervisor's close of a stint already closed changes nothing.
func applyDay(d *Day, ev wire.Event) error {
	switch ev.Type {
	case TypeClockedIn:
		return applyIn(d, ev)
	case TypeClockedOut:
		return applyOut(d, ev)
	case TypeClosed:
		return applyClosed(d, ev)
	case TypeEntered:
		return applyEntered(d, ev)
	}
	return nil
}

func applyIn(d *Day, ev wire.Event) error {
	b, err := app.DecodeBody[ClockedIn](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	if d.ID == "" {
		d.ID, d.Staff, d.Name, d.Date, d.Plan = ev.Entity.ID, b.Staff, b.Name, b.Date, b.Plan
	}
	c := Clocking{At: at, Desk: b.Desk, How: b.How}
	if open := d.OpenStint(); open != nil && at.Sub(open.In.At) < MaxOnDuty {
		open.Also = append(open.Also, c)
	} else {
		d.Stints = append(d.Stints, Stint{In: c})
	}
	d.settle(at)
	return nil
}

func applyOut(d *Day, ev wire.Event) error {
	b, err := app.DecodeBody[ClockedOut](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	if open := d.OpenStint(); open != nil {
		open.Out = &Clocking{At: at, Desk: b.Desk, How: b.How}
	}
	d.settle(at)
	return nil
}

func applyClosed(d *Day, ev wire.Event) error {
	b, err := app.DecodeBody[Closed](ev)
	if err != nil {
		return err
	}
	for i := range d.Stints {
		if st := &d.Stints[i]; st.In.At.Equal(b.In) && st.Out == nil {
			st.Out = &Clocking{At: b.Out.UTC(), Desk: b.Desk, How: HowSupervisor, By: ev.Actor, Note: b.Note}
		}
	}
	d.settle(app.ActionTime(b.At, ev))
	return nil
}

// settle derives the status and moves Changed.
func (d *Day) settle(at time.Time) {
	d.Status = StatusClosed
	if d.OpenStint() != nil {
		d.Status = StatusOpen
	}
	if at.After(d.Changed) {
		d.Changed = at
	}
}

// dayClash marks a day clocked in at two desks without either seeing the
// other: the person is on duty either way, but a supervisor checks that
// nobody clocked in for someone else. A missed clock-in entered at one
// desk while another clocked the person in, or entered another, clashes
// when their times overlap (the overlap each desk refuses on its own).
// Clock-outs commute (the first stays).
func dayClash(d *Day, earlier app.Step, ev wire.Event) (string, map[string]string) {
	params := map[string]string{"staff": d.Name, "date": d.Date}
	switch {
	case earlier.Type == TypeClockedIn && ev.Type == TypeClockedIn:
		return "attendance.in_twice", params
	case (earlier.Type == TypeEntered || ev.Type == TypeEntered) && isClockIn(earlier.Type) && isClockIn(ev.Type) && overlapsDay(d, ev):
		return "attendance.entered_overlap", params
	}
	return "", nil
}

func isClockIn(typ string) bool { return typ == TypeClockedIn || typ == TypeEntered }

// overlapsDay reports whether the clock-in or entered stint ev overlaps a
// stint d already holds. A clock-in is taken as the moment it was made.
func overlapsDay(d *Day, ev wire.Event) bool {
	from, to := ev.HLC.Time().UTC(), ev.HLC.Time().UTC()
	switch ev.Type {
	case TypeEntered:
		b, err := app.DecodeBody[Entered](ev)
		if err != nil {
			return false
		}
		from, to = b.In, b.In.Add(MaxOnDuty)
		if b.Out != nil {
			to = *b.Out
		}
	case TypeClockedIn:
		b, err := app.DecodeBody[ClockedIn](ev)
		if err != nil {
			return false
		}
		from = app.ActionTime(b.At, ev)
		to = from.Add(time.Nanosecond)
	}
	for _, st := range d.Stints {
		if from.Before(st.End(to)) && st.In.At.Before(to) {
			return true
		}
	}
	return false
}

func init() {
	app.RegisterKind(KindAttendance, app.FoldWith[Day](applyDay, dayClash))
	app.RegisterMessages(map[string]string{
		"attendance.in_twice":        "{staff} was clocked in at two desks at once on {date} — check with them that they clocked in themselves, then resolve the conflict.",
		"attendance.entered_overlap": "A clock-in a supervisor entered for {staff} on {date} overlaps one made at another desk at the same time, so the day's hours count both — check the day with them, then resolve the conflict.",
	})
}
