package attendance

import (
	"time"

	"floordesk/app"
	appattendance "floordesk/app/attendance"
)

// Service is what the attendance screen needs of the desk: its
// register's commands and queries and the core's it reads beside them.
// main gives the register itself (it embeds the core service).
type Service interface {
	ClockIn(staffID, pin string) (appattendance.Day, error)
	ClockOut(staffID, pin string) (appattendance.Day, error)
	Badge(badge string) (appattendance.Punch, error)
	CloseForgotten(actorID string, in appattendance.CloseInput) (appattendance.Day, error)
	EnterMissed(actorID string, in appattendance.EnterInput) (appattendance.Day, error)
	WorkDay(id string) (appattendance.Day, error)
	OpenDays() ([]appattendance.Day, error)
	DaysIn(from, to time.Time) ([]appattendance.Day, error)
	AttendanceMonth(month time.Time) ([]appattendance.DayRow, error)
	Grace() time.Duration
	StaffList(withDisabled bool) ([]app.Staff, error)
}

var _ Service = (*appattendance.AttendanceRegister)(nil)
