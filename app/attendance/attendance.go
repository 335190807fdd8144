package attendance

import (
	"time"

	"floordesk/app"
)

// Attendance: this file holds a work day's state and the bodies of its
// events; the fold is in fold.go, commands in commands.go, queries in
// queries.go.

// KindAttendance is the entity kind of a staff member's work day.
const KindAttendance = "attendance"

// Event types of a work day.
const (
	TypeClockedIn  = "attendance.in"
	TypeClockedOut = "attendance.out"
	// TypeClosed is a forgotten clock-out a supervisor closed, with the
	// time the person left and a note.
	TypeClosed = "attendance.closed"
)

// How is how a clock-in or clock-out was made.
type How string

// Ways of clocking.
const (
	HowPIN        How = "pin"        // staff number and PIN at the desk
	HowBadge      How = "badge"      // the badge (the staff number) scanned
	HowSupervisor How = "supervisor" // a forgotten clock-out closed, or a missed clock-in entered, by a supervisor
)

// Status says whether a work day has a stint without a clock-out.
type Status string

// Statuses of a work day.
const (
	StatusOpen   Status = "open"   // someone clocked in and not out (on duty, or forgot)
	StatusClosed Status = "closed" // every clock-in has its clock-out
)

// Day is the folded state of one staff member's work day.
type Day struct {
	app.Meta `json:"meta"`
	ID       string    `json:"id"`
	Staff    string    `json:"staff"`
	Name     string    `json:"name"` // the staff member's name when they clocked in
	Date     string    `json:"date"` // the work day, 2026-03-03, in the hotel's zone
	Plan     *Plan     `json:"plan,omitempty"`
	Stints   []Stint   `json:"stints"`
	Status   Status    `json:"status"`
	Changed  time.Time `json:"changed"`
}

// Plan is the shift a work day is held against: its name and its start
// and end that day.
type Plan struct {
	Shift string    `json:"shift"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Stint is one clock-in and its clock-out (nil while on duty). Also
// holds further clock-ins of the same person while it was open (at
// another desk, offline), kept for the supervisor.
type Stint struct {
	In   Clocking   `json:"in"`
	Out  *Clocking  `json:"out,omitempty"`
	Also []Clocking `json:"also,omitempty"`
}

// Clocking is one clock-in or clock-out: when, at which desk, how, and
// for one a supervisor closed or entered who did it and why.
type Clocking struct {
	At   time.Time `json:"at"`
	Desk string    `json:"desk"`
	How  How       `json:"how"`
	By   string    `json:"by,omitempty"`
	Note string    `json:"note,omitempty"`
}

// Open reports whether a stint of the day has no clock-out.
func (d *Day) Open() bool { return d.Status == StatusOpen }

// OpenStint is the day's last stint without a clock-out, or nil.
func (d *Day) OpenStint() *Stint {
	for i := len(d.Stints) - 1; i >= 0; i-- {
		if d.Stints[i].Out == nil {
			return &d.Stints[i]
		}
	}
	return nil
}

// ClockedIn is the body of attendance.in.
type ClockedIn struct {
	At    time.Time `json:"at"`
	Desk  string    `json:"desk"`
	How   How       `json:"how"`
	Staff string    `json:"staff"`
	Name  string    `json:"name"`
	Date  string    `json:"date"`
	Plan  *Plan     `json:"plan,omitempty"`
}

// ClockedOut is the body of attendance.out.
type ClockedOut struct {
	At   time.Time `json:"at"`
	Desk string    `json:"desk"`
	How  How       `json:"how"`
}

// Closed is the body of attendance.closed: the stint that began at In
// ended at Out, as a supervisor says, with a note.
type Closed struct {
	At   time.Time `json:"at"`
	Desk string    `json:"desk"`
	In   time.Time `json:"in"`
	Out  time.Time `json:"out"`
	Note string    `json:"note"`
}

// HandoverClocking is a clock-in or clock-out of the shift as the
// handover lists it: who, when they came (late by LateMin minutes past
// the grace) and when they went (early), or that they are still on duty.
type HandoverClocking struct {
	Staff    string     `json:"staff"`
	Name     string     `json:"name"`
	In       time.Time  `json:"in"`
	Out      *time.Time `json:"out,omitempty"`
	Late     int        `json:"late_min,omitempty"`
	Early    int        `json:"early_min,omitempty"`
	Shift    string     `json:"shift,omitempty"`
	ClosedBy string     `json:"closed_by,omitempty"` // a supervisor closed the clock-out
	// EnteredBy: a supervisor entered the missed clock-in (and its
	// clock-out, when given); its lateness was not measured.
	EnteredBy string `json:"entered_by,omitempty"`
}
