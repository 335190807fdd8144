package requests

import (
	"cmp"
	"slices"
	"time"

	"floordesk/app"
)

// The duty manager's complaint log: every complaint not yet closed, the
// gravest first and, within a severity, the oldest first, with what it
// still lacks and whether it is a repeat.

// LogEntry is one complaint in the log at a moment.
type LogEntry struct {
	Request
	Age            time.Duration // since it was opened
	Repeats        Repeats
	OpenActions    int // corrective actions not yet checked
	OverdueActions int // of them, past due
	CalledBack     bool
}

// ComplaintLog lists the complaints not yet closed or cancelled at every
// desk, at now: by severity, urgent first, then oldest first.
func (s *RequestRegister) ComplaintLog(now time.Time) ([]LogEntry, error) {
	rs, err := app.ScanViews(s.Service, KindRequest, unfinished, func(r *Request) bool { return r.Kind == RequestComplaint })
	if err != nil {
		return nil, err
	}
	out := make([]LogEntry, len(rs))
	for i := range rs {
		if out[i], err = s.logEntry(rs[i], now); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b LogEntry) int {
		return cmp.Or(cmp.Compare(severityRank(b.Complaint), severityRank(a.Complaint)),
			a.OpenedAt.Compare(b.OpenedAt), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

func (s *RequestRegister) logEntry(r Request, now time.Time) (LogEntry, error) {
	p, err := s.ComplaintRepeats(&r)
	e := LogEntry{Request: r, Age: now.Sub(r.OpenedAt), Repeats: p, CalledBack: r.Case.LastCallBack() != nil}
	for _, a := range r.Case.OpenActions() {
		e.OpenActions++
		if a.Overdue(now) {
			e.OverdueActions++
		}
	}
	return e, err
}

// severityRank orders severities, minor lowest; a complaint without one
// below all.
func severityRank(c *Complaint) int {
	if c == nil {
		return -1
	}
	return slices.Index(complaintSeverities, c.Severity)
}
