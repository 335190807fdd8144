package attendance

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// A missed clock-in: someone worked but never clocked in (the desk was
// busy, the badge forgotten). A supervisor enters the time they came,
// and the time they left when they have gone, with a note; the stint is
// marked as entered (HowSupervisor), so its lateness reads as entered,
// not measured.

// TypeEntered is a missed clock-in a supervisor entered, with the time
// the person left when known.
const TypeEntered = "attendance.entered"

// MaxEnterBackDays is how many days back a supervisor may enter a missed
// clock-in: the month's sheet is checked in the days after it ends.
const MaxEnterBackDays = 31

// Entered is the body of attendance.entered: staff worked from In to
// Out (nil: still at work) on the work day Date, as a supervisor says.
type Entered struct {
	At    time.Time  `json:"at"`
	Desk  string     `json:"desk"`
	Staff string     `json:"staff"`
	Name  string     `json:"name"`
	Date  string     `json:"date"`
	Plan  *Plan      `json:"plan,omitempty"`
	In    time.Time  `json:"in"`
	Out   *time.Time `json:"out,omitempty"`
	Note  string     `json:"note"`
}

// EnterInput is a missed clock-in as a supervisor enters it: whose, when
// they came, when they left (nil while still at work) and why it is
// entered by hand. The work day is the one a clock-in at In counts for
// (a night shift's is the day it starts).
type EnterInput struct {
	Staff string
	In    time.Time
	Out   *time.Time
	Note  string
}

// EnterMissed enters a clock-in someone missed; supervisors only.
// Refusals: ErrInvalid "staff" (empty, past MaxStaffRunes, no such staff
// member), "note" (empty, past MaxNoteRunes), "in" (in the future, or
// its work day more than MaxEnterBackDays back), "out" (not after the
// clock-in, in the future, MaxOnDuty or more after it, or missing when
// the clock-in is MaxOnDuty or more ago); ErrConflict
// "attendance.overlap" when the time overlaps one the person was
// already at work.
func (s *AttendanceRegister) EnterMissed(actorID string, in EnterInput) (Day, error) {
	in.Staff, in.Note = strings.TrimSpace(in.Staff), strings.TrimSpace(in.Note)
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleSupervisor)
	if err != nil {
		return Day{}, err
	}
	if err := app.FirstErr(app.Required("staff", in.Staff), app.MaxLen("staff", in.Staff, MaxStaffRunes),
		app.Required("note", in.Note), app.MaxLen("note", in.Note, MaxNoteRunes), s.checkEnteredTimes(in)); err != nil {
		return Day{}, err
	}
	st, err := s.enteredStaff(in.Staff)
	if err != nil {
		return Day{}, err
	}
	plan, err := s.planOf(st, in.In)
	if err != nil {
		return Day{}, err
	}
	date := workDate(plan, in.In, s.Loc())
	if err := s.checkEnteredDate(date); err != nil {
		return Day{}, err
	}
	if err := s.checkOverlap(st, date, in); err != nil {
		return Day{}, err
	}
	body := Entered{At: s.Now(), Desk: s.Desk(), Staff: st.ID, Name: st.Name, Date: date, Plan: plan,
		In: in.In.UTC(), Out: utcPtr(in.Out), Note: in.Note}
	return app.EmitView[Day](s.Service, actor, app.Ref(KindAttendance, dayID(date, st.ID)), TypeEntered, body)
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// enteredStaff is the staff member a clock-in is entered for; one no
// longer active still counts (the day they worked before they left).
func (s *AttendanceRegister) enteredStaff(id string) (app.Staff, error) {
	st, err := app.LoadView[app.Staff](s.Service, app.KindStaff, id)
	if errors.Is(err, app.ErrNotFound) {
		return app.Staff{}, app.Invalid("staff", "attendance.no_staff", "staff", id)
	}
	return st, err
}

// checkEnteredTimes: the clock-in is not in the future; the time the
// person left lies after it, before now and within MaxOnDuty of it, and
// is given when the clock-in is MaxOnDuty or more ago.
func (s *AttendanceRegister) checkEnteredTimes(in EnterInput) error {
	now := s.Now()
	if in.In.After(now) {
		return app.Invalid("in", "attendance.in_future")
	}
	if in.Out == nil {
		if now.Sub(in.In) >= MaxOnDuty {
			return app.Invalid("out", "attendance.out_needed", "hours", strconv.Itoa(int(MaxOnDuty/time.Hour)))
		}
		return nil
	}
	return s.checkOut(CloseInput{In: in.In, Out: *in.Out})
}

// checkEnteredDate: the work day is not after today and at most
// MaxEnterBackDays before it, in the hotel's zone.
func (s *AttendanceRegister) checkEnteredDate(date string) error {
	today := s.Now().In(s.Loc())
	oldest := time.Date(today.Year(), today.Month(), today.Day()-MaxEnterBackDays, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	switch {
	case date > today.Format(time.DateOnly):
		return app.Invalid("in", "attendance.in_future")
	case date < oldest:
		return app.Invalid("in", "attendance.in_too_old", "days", strconv.Itoa(MaxEnterBackDays), "date", oldest)
	}
	return nil
}

// checkOverlap refuses a stint that overlaps one st already has: on the
// work day, the days either side, or one still open. An open stint runs
// until now, or MaxOnDuty after its clock-in when its clock-out was
// forgotten.
func (s *AttendanceRegister) checkOverlap(st app.Staff, date string, in EnterInput) error {
	days, err := s.daysAround(st.ID, date)
	if err != nil {
		return err
	}
	now := s.Now()
	from, to := in.In, now
	if in.Out != nil {
		to = *in.Out
	}
	for _, d := range days {
		for _, sti := range d.Stints {
			end := sti.End(now)
			if from.Before(end) && sti.In.At.Before(to) {
				return app.Conflicting("attendance.overlap", "staff", st.Name, "in", s.ClockText(sti.In.At), "out", s.ClockText(end))
			}
		}
	}
	return nil
}

// daysAround lists staff's work days on date, the days either side, and
// their open days.
func (s *AttendanceRegister) daysAround(staff, date string) ([]Day, error) {
	days, err := s.openDaysOf(staff)
	if err != nil {
		return nil, err
	}
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return nil, err
	}
	for _, off := range []int{-1, 0, 1} {
		id := dayID(t.AddDate(0, 0, off).Format(time.DateOnly), staff)
		d, err := s.WorkDay(id)
		if errors.Is(err, app.ErrNotFound) || slices.ContainsFunc(days, func(o Day) bool { return o.ID == id }) {
			continue
		}
		if err != nil {
			return nil, err
		}
		days = append(days, d)
	}
	return days, nil
}

// End is when the stint ended: its clock-out, else now, or MaxOnDuty
// after its clock-in when that is earlier (a forgotten clock-out).
func (st Stint) End(now time.Time) time.Time {
	if st.Out != nil {
		return st.Out.At
	}
	if limit := st.In.At.Add(MaxOnDuty); limit.Before(now) {
		return limit
	}
	return now
}

// Entered reports whether a supervisor entered the stint's clock-in (it
// was missed), so its time was not measured.
func (st Stint) Entered() bool { return st.In.How == HowSupervisor }

// LateEntered reports whether the day's lateness counts from a clock-in
// a supervisor entered, not one measured at the desk.
func (d *Day) LateEntered() bool { return len(d.Stints) > 0 && d.Stints[0].Entered() }

// applyEntered puts the entered stint among the day's, in the order of
// their clock-ins.
func applyEntered(d *Day, ev wire.Event) error {
	b, err := app.DecodeBody[Entered](ev)
	if err != nil {
		return err
	}
	if d.ID == "" {
		d.ID, d.Staff, d.Name, d.Date, d.Plan = ev.Entity.ID, b.Staff, b.Name, b.Date, b.Plan
	}
	c := Clocking{At: b.In.UTC(), Desk: b.Desk, How: HowSupervisor, By: ev.Actor, Note: b.Note}
	st := Stint{In: c}
	if b.Out != nil {
		out := c
		out.At = b.Out.UTC()
		st.Out = &out
	}
	i := slices.IndexFunc(d.Stints, func(o Stint) bool { return o.In.At.After(c.At) })
	if i < 0 {
		i = len(d.Stints)
	}
	d.Stints = slices.Insert(d.Stints, i, st)
	d.settle(app.ActionTime(b.At, ev))
	return nil
}

func init() {
	app.RegisterMessages(map[string]string{
		"attendance.no_staff":   "No staff member has the number {staff} — pick them from the list.",
		"attendance.in_future":  "The time they came cannot be later than now.",
		"attendance.in_too_old": "A missed clock-in can be entered up to {days} days back (from {date}) — an older one is settled outside the desk.",
		"attendance.out_needed": "They came {hours} hours or more ago — enter the time they left too.",
		"attendance.overlap":    "{staff} was already at work from {in} to {out} — the time entered overlaps it. Check the times.",
	})
}
