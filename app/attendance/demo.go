package attendance

import (
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// Demo history for attendance, deterministic for a seed: the demo staff
// come to work on five days of seven, the latest days first, so the demo
// hotel shows who is on duty now. Most come a few minutes before their
// shift; some are late or leave early; a few forget to clock out, and a
// supervisor closes it the next morning.

// DemoDays is how many days back the demo's attendance goes: this month
// and the two before, enough for the screen's months and the export.
const DemoDays = 92

// DemoAttendance makes the work days of the last DemoDays of the history
// (a Weight 0 generator: n is not asked for): for each day back from the
// end, a day for each staff member on duty that day.
func DemoAttendance(w *app.DemoWorld, _ int, emit app.DemoEmit) error {
	return demoDays(w, DemoDays*len(w.Staff), emit)
}

// demoDays makes n slots of staff and day, the latest day first.
func demoDays(w *app.DemoWorld, n int, emit app.DemoEmit) error {
	if len(w.Staff) == 0 {
		return nil
	}
	end := w.End.UTC()
	for k := 0; k < n; k++ {
		back, i := k/len(w.Staff), k%len(w.Staff)
		if (back+i)%7 >= 5 { // a day off
			continue
		}
		staff := w.Staff[i]
		day := time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, -back)
		if day.Before(w.Start) {
			return nil
		}
		if err := emit(demoDay(w, staff, i, day)...); err != nil {
			return err
		}
	}
	return nil
}

// demoDay is staff's work day at day's shift, as much of it as happened
// before the end of the history.
func demoDay(w *app.DemoWorld, staff string, i int, day time.Time) []wire.Event {
	r := w.Rand
	plan := demoPlan(w.Shifts[staff], day)
	if plan == nil {
		return nil
	}
	in := plan.Start.Add(time.Duration(-15+r.IntN(18)) * time.Minute)
	if r.IntN(8) == 0 {
		in = plan.Start.Add(time.Duration(6+r.IntN(40)) * time.Minute) // late
	}
	if !in.Before(w.End) {
		return nil
	}
	desk := w.Desks[i%len(w.Desks)]
	date := workDate(plan, in, time.UTC)
	q := &app.DemoSeq{At: in, End: w.End, Actor: staff, Ref: app.Ref(KindAttendance, dayID(date, staff))}
	q.Add(TypeClockedIn, ClockedIn{At: in, Desk: desk, How: demoHow(r.IntN(3)), Staff: staff, Name: w.Names[staff], Date: date, Plan: plan})
	out := plan.End.Add(time.Duration(r.IntN(25)) * time.Minute)
	if r.IntN(12) == 0 {
		out = plan.End.Add(-time.Duration(10+r.IntN(90)) * time.Minute) // early
	}
	if r.IntN(30) == 0 { // forgot: a supervisor closes it next morning
		return demoForgotten(w, q, in, plan.End, desk)
	}
	if q.Wait(out.Sub(in)) {
		q.Add(TypeClockedOut, ClockedOut{At: q.At, Desk: desk, How: demoHow(r.IntN(3))})
	}
	return q.Events
}

func demoForgotten(w *app.DemoWorld, q *app.DemoSeq, in, left time.Time, desk string) []wire.Event {
	if !q.Wait(MaxOnDuty + time.Duration(w.Rand.IntN(60))*time.Minute) {
		return q.Events
	}
	q.Actor = "S02"
	q.Add(TypeClosed, Closed{At: q.At, Desk: desk, In: in, Out: left, Note: "忘记签退,按排班下班时间补记"})
	return q.Events
}

// demoPlan is sh on day (UTC, as the demo's other history), or nil.
func demoPlan(sh app.Shift, day time.Time) *Plan {
	start, err := time.Parse("15:04", sh.Start)
	if err != nil {
		return nil
	}
	return planFor(sh, day.Add(time.Duration(start.Hour())*time.Hour+time.Duration(start.Minute())*time.Minute), time.UTC)
}

// demoHow: most scan their badge.
func demoHow(n int) How {
	if n == 0 {
		return HowPIN
	}
	return HowBadge
}
