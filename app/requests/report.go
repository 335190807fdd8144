package requests

import (
	"cmp"
	"slices"
	"time"

	"floordesk/app"
)

// The supervisor's report of a period (app/reports): requests per day by
// kind, response and completion times per department against the time
// promised to the guest, complaints, compensation and satisfaction. The
// requests are read from the opened-date index, so a week's report reads
// that week's requests, however long the history.

// Report is what the requests opened in [From, To) come to.
type Report struct {
	From, To    time.Time
	Opened      int
	Days        []DayKinds        // one per day of the period, on the hotel's clock
	Departments []DepartmentTimes // most requests first; "" is the desk itself
	Complaints  ComplaintFigures
	// Scores counts the guests' satisfaction (1..5) of the requests
	// confirmed with them: Scores[0] is the number of 1s.
	Scores [5]int
}

// DayKinds is one day's requests by kind.
type DayKinds struct {
	Day                         time.Time
	Service, Inquiry, Complaint int
}

// DepartmentTimes is how quickly one department answered and finished
// its requests. Times run from the request's start (opened, or due for a
// scheduled one): response until the department was told (or the desk
// finished it itself), completion until it was done. Promised is the
// median time promised to the guest; OnTime counts those done by it.
type DepartmentTimes struct {
	Department                      string
	Requests                        int
	Responded, Completed, OnTime    int
	ResponseMedian, ResponseP90     time.Duration
	CompletionMedian, CompletionP90 time.Duration
	Promised                        time.Duration
}

// deptTimes gathers one department's times before they are ranked.
type deptTimes struct {
	DepartmentTimes
	responses, completions, promises []time.Duration
}

// ComplaintFigures counts the period's complaints.
type ComplaintFigures struct {
	Total             int
	ByCategory        []Count // in ComplaintCategories' order
	BySeverity        []Count // in ComplaintSeverities' order
	Compensated       int     // complaints where something was given
	CompensationCents int64   // what it came to
}

// Count is how many of one category or severity.
type Count struct {
	Key string
	N   int
}

// ComplaintCategories lists the complaint categories in the order forms
// and reports show them.
func ComplaintCategories() []ComplaintCategory { return slices.Clone(complaintCategories) }

// ComplaintSeverities lists the severities, mildest first.
func ComplaintSeverities() []ComplaintSeverity { return slices.Clone(complaintSeverities) }

// Rated is how many guests gave a satisfaction score.
func (r *Report) Rated() int {
	n := 0
	for _, c := range r.Scores {
		n += c
	}
	return n
}

// Satisfaction is the guests' average score, 0 when none was given.
func (r *Report) Satisfaction() float64 {
	n, sum := 0, 0
	for i, c := range r.Scores {
		n, sum = n+c, sum+c*(i+1)
	}
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
}

// PeriodReport reports the requests opened in [from, to); days are cut
// at midnight in loc.
func (s *RequestRegister) PeriodReport(from, to time.Time, loc *time.Location) (Report, error) {
	rs, err := s.openedBetween(from, to)
	if err != nil {
		return Report{}, err
	}
	return report(rs, from, to, loc), nil
}

// openedBetween reads the requests opened in [from, to) from the
// opened-date index (the UTC dates the period spans).
func (s *RequestRegister) openedBetween(from, to time.Time) ([]Request, error) {
	first, next := []byte(from.UTC().Format(time.DateOnly)), []byte(to.UTC().AddDate(0, 0, 1).Format(time.DateOnly))
	return app.RangeViews(s.Service, openedIndexName, first, next, func(r *Request) bool {
		return !r.OpenedAt.Before(from) && r.OpenedAt.Before(to)
	})
}

func report(rs []Request, from, to time.Time, loc *time.Location) Report {
	rep := Report{From: from, To: to, Opened: len(rs), Days: periodDays(from, to, loc)}
	depts := map[string]*deptTimes{}
	cats, sevs := map[ComplaintCategory]int{}, map[ComplaintSeverity]int{}
	for i := range rs {
		r := &rs[i]
		countDay(rep.Days, r, loc)
		timeRequest(depts, r)
		if r.Confirmation != nil && r.Confirmation.Satisfaction >= 1 && r.Confirmation.Satisfaction <= 5 {
			rep.Scores[r.Confirmation.Satisfaction-1]++
		}
		if r.Kind == RequestComplaint && r.Complaint != nil {
			countComplaint(&rep.Complaints, cats, sevs, r)
		}
	}
	rep.Departments = departmentTimes(depts)
	for _, c := range complaintCategories {
		rep.Complaints.ByCategory = append(rep.Complaints.ByCategory, Count{string(c), cats[c]})
	}
	for _, v := range complaintSeverities {
		rep.Complaints.BySeverity = append(rep.Complaints.BySeverity, Count{string(v), sevs[v]})
	}
	return rep
}

// periodDays lists the local days [from, to) starts on, each at midnight.
func periodDays(from, to time.Time, loc *time.Location) []DayKinds {
	var out []DayKinds
	for d := dayOf(from.In(loc)); d.Before(to); d = d.AddDate(0, 0, 1) {
		out = append(out, DayKinds{Day: d})
	}
	return out
}

func countDay(days []DayKinds, r *Request, loc *time.Location) {
	day := dayOf(r.OpenedAt.In(loc))
	i, ok := slices.BinarySearchFunc(days, day, func(d DayKinds, t time.Time) int { return d.Day.Compare(t) })
	if !ok {
		return
	}
	switch r.Kind {
	case RequestService:
		days[i].Service++
	case RequestInquiry:
		days[i].Inquiry++
	case RequestComplaint:
		days[i].Complaint++
	}
}

// timeRequest adds a request's times to its department's.
func timeRequest(depts map[string]*deptTimes, r *Request) {
	d := depts[r.Department]
	if d == nil {
		d = &deptTimes{DepartmentTimes: DepartmentTimes{Department: r.Department}}
		depts[r.Department] = d
	}
	d.Requests++
	start := later(r.OpenedAt, r.DueAt)
	if !r.PromisedAt.IsZero() {
		d.promises = append(d.promises, max(r.PromisedAt.Sub(start), 0))
	}
	if at, ok := respondedAt(r); ok {
		d.Responded++
		d.responses = append(d.responses, max(at.Sub(start), 0))
	}
	if r.Resolution != nil {
		d.Completed++
		d.completions = append(d.completions, max(r.Resolution.At.Sub(start), 0))
		if !r.PromisedAt.IsZero() && !r.Resolution.At.After(r.PromisedAt) {
			d.OnTime++
		}
	}
}

// respondedAt is when the hotel acted: the first dispatch, or the result
// when the desk did it itself.
func respondedAt(r *Request) (time.Time, bool) {
	switch {
	case len(r.Dispatches) > 0:
		return r.Dispatches[0].At, true
	case r.Resolution != nil:
		return r.Resolution.At, true
	}
	return time.Time{}, false
}

func departmentTimes(depts map[string]*deptTimes) []DepartmentTimes {
	out := make([]DepartmentTimes, 0, len(depts))
	for _, d := range depts {
		d.ResponseMedian, d.ResponseP90 = app.Quantile(d.responses, 0.5), app.Quantile(d.responses, 0.9)
		d.CompletionMedian, d.CompletionP90 = app.Quantile(d.completions, 0.5), app.Quantile(d.completions, 0.9)
		d.Promised = app.Quantile(d.promises, 0.5)
		out = append(out, d.DepartmentTimes)
	}
	slices.SortFunc(out, func(a, b DepartmentTimes) int {
		return cmp.Or(cmp.Compare(b.Requests, a.Requests), cmp.Compare(a.Department, b.Department))
	})
	return out
}

func countComplaint(c *ComplaintFigures, cats map[ComplaintCategory]int, sevs map[ComplaintSeverity]int, r *Request) {
	c.Total++
	cats[r.Complaint.Category]++
	sevs[r.Complaint.Severity]++
	if len(r.Compensation) > 0 {
		c.Compensated++
	}
	for _, g := range r.Compensation {
		c.CompensationCents += g.Amount
	}
}
