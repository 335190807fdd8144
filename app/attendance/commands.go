package attendance

import (
	"strings"
	"time"

	"floordesk/app"
)

// Limits of the register's inputs and rules.
const (
	// MaxNoteRunes is a supervisor's note on a forgotten clock-out.
	MaxNoteRunes = 200
	// MaxStaffRunes is a staff number as typed at the desk or scanned
	// from a badge (the staff list's limit).
	MaxStaffRunes = 20
	// MaxOnDuty is how long a clock-in stays open before it counts as a
	// forgotten clock-out: a double shift and its overtime, no more. The
	// person may then clock in again; a supervisor closes the old one.
	MaxOnDuty = 16 * time.Hour
	// MinBetween is how soon after clocking in or out a badge scan is
	// taken as a double scan and refused, not as clocking the other way.
	MinBetween = 2 * time.Minute
)

// ClockIn clocks staffID in at this desk after checking their PIN.
// Refusals: ErrInvalid "staff" (empty, past MaxStaffRunes); ErrForbidden for an unknown or disabled staff member or a
// wrong PIN (counted towards a lock-out, ErrLocked); ErrConflict
// "attendance.already_in" while they are on duty.
func (s *AttendanceRegister) ClockIn(staffID, pin string) (Day, error) {
	s.Lock()
	defer s.Unlock()
	st, err := s.withPIN(staffID, pin)
	if err != nil {
		return Day{}, err
	}
	return s.clockIn(st, HowPIN)
}

// ClockOut clocks staffID out at this desk after checking their PIN.
// Refusals as ClockIn's, and ErrConflict "attendance.not_in" when they
// are not on duty, "attendance.forgotten" when their only clock-in is
// older than MaxOnDuty (a supervisor closes it).
func (s *AttendanceRegister) ClockOut(staffID, pin string) (Day, error) {
	s.Lock()
	defer s.Unlock()
	st, err := s.withPIN(staffID, pin)
	if err != nil {
		return Day{}, err
	}
	return s.clockOut(st, HowPIN)
}

// withPIN checks the staff number typed and the PIN; the caller holds
// the lock.
func (s *AttendanceRegister) withPIN(staffID, pin string) (app.Staff, error) {
	staffID = strings.TrimSpace(staffID)
	if err := app.FirstErr(app.Required("staff", staffID), app.MaxLen("staff", staffID, MaxStaffRunes)); err != nil {
		return app.Staff{}, err
	}
	return s.CheckPIN(staffID, pin)
}

// Punch is what a badge scan did: the day it clocked, and whether in.
type Punch struct {
	Day Day
	In  bool
}

// Badge clocks the owner of a scanned badge (their staff number) in, or
// out when they are on duty. Refusals: ErrInvalid "badge" past
// MaxStaffRunes; ErrForbidden for a badge of no active staff member;
// ErrConflict "attendance.double_scan" within MinBetween of their last
// clock-in or clock-out, and "attendance.forgotten" as ClockOut.
func (s *AttendanceRegister) Badge(badge string) (Punch, error) {
	badge = strings.TrimSpace(badge)
	if err := app.FirstErr(app.Required("badge", badge), app.MaxLen("badge", badge, MaxStaffRunes)); err != nil {
		return Punch{}, err
	}
	s.Lock()
	defer s.Unlock()
	st, err := s.Authorize(badge, app.RoleAttendant)
	if err != nil {
		return Punch{}, err
	}
	now := s.Now()
	days, err := s.openDaysOf(st.ID)
	if err != nil {
		return Punch{}, err
	}
	if last, ok := lastClocking(days, s.recentDay(st, now)); ok && now.Sub(last.At) < MinBetween {
		return Punch{}, app.Conflicting("attendance.double_scan", "staff", st.Name, "time", s.ClockText(last.At))
	}
	if onDuty(days, now) == nil {
		d, err := s.clockIn(st, HowBadge)
		return Punch{Day: d, In: true}, err
	}
	d, err := s.clockOut(st, HowBadge)
	return Punch{Day: d}, err
}

// clockIn clocks st in; the caller holds the lock.
func (s *AttendanceRegister) clockIn(st app.Staff, how How) (Day, error) {
	now := s.Now()
	days, err := s.openDaysOf(st.ID)
	if err != nil {
		return Day{}, err
	}
	if on := onDuty(days, now); on != nil {
		return Day{}, app.Conflicting("attendance.already_in", "staff", st.Name, "time", s.ClockText(on.OpenStint().In.At))
	}
	plan, err := s.planOf(st, now)
	if err != nil {
		return Day{}, err
	}
	date := workDate(plan, now, s.Loc())
	body := ClockedIn{At: now, Desk: s.Desk(), How: how, Staff: st.ID, Name: st.Name, Date: date, Plan: plan}
	return app.EmitView[Day](s.Service, st, app.Ref(KindAttendance, dayID(date, st.ID)), TypeClockedIn, body)
}

// clockOut clocks st out of the day they are on duty in; the caller
// holds the lock.
func (s *AttendanceRegister) clockOut(st app.Staff, how How) (Day, error) {
	now := s.Now()
	days, err := s.openDaysOf(st.ID)
	if err != nil {
		return Day{}, err
	}
	on := onDuty(days, now)
	if on == nil {
		return Day{}, s.notOnDuty(st, days, now)
	}
	body := ClockedOut{At: now, Desk: s.Desk(), How: how}
	return app.EmitView[Day](s.Service, st, app.Ref(KindAttendance, on.ID), TypeClockedOut, body)
}

// notOnDuty says why st cannot clock out: a forgotten clock-in, or none.
func (s *AttendanceRegister) notOnDuty(st app.Staff, days []Day, now time.Time) error {
	for _, d := range days {
		if f := d.Forgotten(now); f != nil {
			return app.Conflicting("attendance.forgotten", "staff", st.Name, "time", s.ClockText(f.In.At))
		}
	}
	return app.Conflicting("attendance.not_in", "staff", st.Name)
}

// planOf is st's shift plan for a clock-in at now: none without a shift.
func (s *AttendanceRegister) planOf(st app.Staff, now time.Time) (*Plan, error) {
	if st.Shift == "" {
		return nil, nil
	}
	h, err := s.Settings()
	if err != nil {
		return nil, err
	}
	for _, sh := range h.Shifts {
		if sh.Name == st.Shift {
			return planFor(sh, now, s.Loc()), nil
		}
	}
	return nil, nil
}

// CloseInput is a forgotten clock-out as a supervisor closes it: the
// day, the stint's clock-in, when the person left, and why it is closed
// by hand.
type CloseInput struct {
	Day  string
	In   time.Time
	Out  time.Time
	Note string
}

// CloseForgotten ends a stint left open (a forgotten clock-out) at the time the
// person left; supervisors only. Refusals: ErrInvalid "note" (empty,
// past MaxNoteRunes), "out" (not after the clock-in, in the future, or
// MaxOnDuty or more after it); ErrConflict "attendance.not_open" when the
// stint already has its clock-out; ErrNotFound.
func (s *AttendanceRegister) CloseForgotten(actorID string, in CloseInput) (Day, error) {
	in.Note = strings.TrimSpace(in.Note)
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleSupervisor)
	if err != nil {
		return Day{}, err
	}
	d, err := s.WorkDay(in.Day)
	if err != nil {
		return Day{}, err
	}
	if err := s.checkClose(d, in); err != nil {
		return Day{}, err
	}
	body := Closed{At: s.Now(), Desk: s.Desk(), In: in.In, Out: in.Out.UTC(), Note: in.Note}
	return app.EmitView[Day](s.Service, actor, app.Ref(KindAttendance, d.ID), TypeClosed, body)
}

func (s *AttendanceRegister) checkClose(d Day, in CloseInput) error {
	if err := app.FirstErr(app.Required("note", in.Note), app.MaxLen("note", in.Note, MaxNoteRunes),
		s.checkOut(in)); err != nil {
		return err
	}
	for _, st := range d.Stints {
		if st.In.At.Equal(in.In) && st.Out == nil {
			return nil
		}
	}
	return app.Conflicting("attendance.not_open", "staff", d.Name, "time", s.ClockText(in.In))
}

// checkOut: the time the person left lies after the clock-in, before
// now, and within MaxOnDuty of it.
func (s *AttendanceRegister) checkOut(in CloseInput) error {
	switch {
	case !in.Out.After(in.In):
		return app.Invalid("out", "attendance.out_before_in", "time", s.ClockText(in.In))
	case in.Out.After(s.Now()):
		return app.Invalid("out", "attendance.out_future")
	case in.Out.Sub(in.In) >= MaxOnDuty:
		return app.Invalid("out", "attendance.out_too_late", "hours", "16")
	}
	return nil
}

func init() {
	app.RegisterMessages(map[string]string{
		"attendance.already_in":    "{staff} clocked in at {time} and has not clocked out — clock out first.",
		"attendance.not_in":        "{staff} has not clocked in — clock in first.",
		"attendance.forgotten":     "{staff}'s clock-in at {time} was never clocked out and is too old to close here — ask a supervisor to close it.",
		"attendance.double_scan":   "{staff} was clocked at {time} a moment ago — the second scan was not counted. Scan again later to clock the other way.",
		"attendance.not_open":      "{staff}'s clock-in at {time} already has its clock-out — nothing to close.",
		"attendance.out_before_in": "The time they left must be after the clock-in at {time}.",
		"attendance.out_future":    "The time they left cannot be later than now.",
		"attendance.out_too_late":  "A stint cannot last {hours} hours or more — check the time they left.",
	})
}
