package reports

import (
	"fmt"
	"time"

	"floordesk/app"
	"floordesk/app/attendance"
	"floordesk/app/found"
	"floordesk/app/keys"
	"floordesk/app/loans"
	"floordesk/app/requests"
)

func init() {
	app.RegisterMessages(map[string]string{
		"report.range_backwards": "The last day is before the first — pick the days again.",
		"report.range_too_long":  "A report covers at most {max} days — pick a shorter range.",
	})
}

// Reporter makes reports from the registers on one core.
type Reporter struct {
	core     *app.Service
	requests *requests.RequestRegister
	loans    *loans.LoanRegister
	keys     *keys.KeyRegister
	found    *found.FoundRegister
	attend   *attendance.AttendanceRegister
}

// New returns the reporter on core.
func New(core *app.Service) *Reporter {
	return &Reporter{core: core, requests: requests.New(core), loans: loans.New(core),
		keys: keys.New(core), found: found.New(core), attend: attendance.New(core)}
}

// Report is one period beside the period before it.
type Report struct {
	Made          time.Time
	Period, Prior Period
	Now, Before   Figures
	// ItemNames names the loanable item types by code.
	ItemNames map[string]string
}

// Figures are every register's figures for one period.
type Figures struct {
	Requests requests.Report
	Loans    loans.Report
	Keys     keys.Report
	Found    found.Report
	// Attendance is the staff's: days worked, hours, lateness, and the
	// clock-outs and clock-ins supervisors put right.
	Attendance attendance.Report
}

// Report reports p and the period of the same length before it, with
// days cut on the hotel's clock. Safe from any goroutine; it takes as
// long as reading the two periods' records.
func (r *Reporter) Report(p Period) (Report, error) {
	now := r.core.Now()
	rep := Report{Made: now, Period: p, Prior: p.Previous()}
	var err error
	if rep.Now, err = r.figures(rep.Period, now); err != nil {
		return Report{}, err
	}
	if rep.Before, err = r.figures(rep.Prior, now); err != nil {
		return Report{}, err
	}
	types, err := r.core.ItemTypes()
	if err != nil {
		return Report{}, fmt.Errorf("report item names: %w", err)
	}
	rep.ItemNames = map[string]string{}
	for _, it := range types {
		rep.ItemNames[it.Code] = it.Name
	}
	return rep, nil
}

// Loc is the hotel's time zone, which periods are cut in.
func (r *Reporter) Loc() *time.Location { return r.core.Loc() }

func (r *Reporter) figures(p Period, now time.Time) (Figures, error) {
	var f Figures
	var err error
	if f.Requests, err = r.requests.PeriodReport(p.From, p.To, p.From.Location()); err != nil {
		return Figures{}, fmt.Errorf("report requests: %w", err)
	}
	if f.Loans, err = r.loans.PeriodReport(p.From, p.To, now); err != nil {
		return Figures{}, fmt.Errorf("report loans: %w", err)
	}
	if f.Keys, err = r.keys.PeriodReport(p.From, p.To, now); err != nil {
		return Figures{}, fmt.Errorf("report keys: %w", err)
	}
	if f.Found, err = r.found.PeriodReport(p.From, p.To); err != nil {
		return Figures{}, fmt.Errorf("report found: %w", err)
	}
	if f.Attendance, err = r.attend.PeriodReport(p.From, p.To); err != nil {
		return Figures{}, fmt.Errorf("report attendance: %w", err)
	}
	return f, nil
}
