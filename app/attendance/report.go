package attendance

import (
	"slices"
	"strings"
	"time"
)

// DayRow is a staff member's work day as the month's attendance sheet
// shows it: first in, last out, hours worked, and the flags a
// supervisor checks.
type DayRow struct {
	Date      string
	Staff     string
	Name      string
	Shift     string
	In        time.Time
	Out       time.Time // zero while on duty or forgotten
	Worked    time.Duration
	LateMin   int
	EarlyMin  int
	Forgotten bool // a clock-out forgotten (open past MaxOnDuty)
	OnDuty    bool
	Closed    bool // a clock-out closed by a supervisor
	Entered   bool // a missed clock-in entered by a supervisor
	// LateEntered: the lateness counts from an entered clock-in, a time
	// a supervisor gave, not one measured at the desk.
	LateEntered bool
	Notes       string // the supervisors' notes
}

// RowOf is d as a DayRow at now with the hotel's grace.
func RowOf(d Day, grace time.Duration, now time.Time) DayRow {
	r := DayRow{Date: d.Date, Staff: d.Staff, Name: d.Name, In: d.FirstIn(), Worked: d.Worked(),
		LateMin: int(d.LateBy(grace) / time.Minute), EarlyMin: int(d.EarlyBy(grace) / time.Minute),
		Forgotten: d.Forgotten(now) != nil, OnDuty: d.OnDuty(now) != nil, LateEntered: d.LateEntered()}
	if d.Plan != nil {
		r.Shift = d.Plan.Shift
	}
	if out := d.LastOut(); out != nil {
		r.Out = out.At
	}
	var notes []string
	for _, st := range d.Stints {
		switch {
		case st.Entered():
			r.Entered = true
			notes = append(notes, st.In.Note)
		case st.Out != nil && st.Out.How == HowSupervisor:
			r.Closed = true
			notes = append(notes, st.Out.Note)
		}
	}
	r.Notes = strings.Join(notes, "; ")
	return r
}

// AttendanceMonth lists the work days whose first clock-in lies in the month of
// month (in the hotel's zone), as rows, by date then staff number.
func (s *AttendanceRegister) AttendanceMonth(month time.Time) ([]DayRow, error) {
	lt := month.In(s.Loc())
	from := time.Date(lt.Year(), lt.Month(), 1, 0, 0, 0, 0, s.Loc())
	days, err := s.DaysIn(from, from.AddDate(0, 1, 0))
	if err != nil {
		return nil, err
	}
	grace, now := s.Grace(), s.Now()
	rows := make([]DayRow, len(days))
	for i, d := range days {
		rows[i] = RowOf(d, grace, now)
	}
	sortRows(rows)
	return rows, nil
}

func sortRows(rows []DayRow) {
	slices.SortFunc(rows, func(a, b DayRow) int {
		if c := strings.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Staff, b.Staff)
	})
}
