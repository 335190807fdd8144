package found

import (
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// The lost-and-found part of the supervisor's report (app/reports): items
// logged in a period, items claimed and disposed of in it, the claim rate
// and the time to claim. Items are filed by the time they were logged and
// by the time their holding ended (claimed or disposed of), so a period's
// report reads that period's items, however long the history.
const (
	loggedIndex = "found.logged"
	endedIndex  = "found.ended"
)

func init() {
	app.RegisterIndex(KindFound, reportIndex)
	// 1: the report's indexes; 2: the word index in spans of eight weeks.
	app.RegisterIndexVersion(KindFound, "3") // 3: filed for the personal-data housekeeping
}

func reportIndex(f *FoundItem) []wire.IndexEntry {
	var out []wire.IndexEntry
	if !f.LoggedAt.IsZero() {
		out = append(out, wire.IndexEntry{Name: loggedIndex, Key: app.TimeKey(f.LoggedAt)})
	}
	if at := endedAt(f); !at.IsZero() {
		out = append(out, wire.IndexEntry{Name: endedIndex, Key: app.TimeKey(at)})
	}
	return out
}

// endedAt is when the item left the hotel's hands: its claim or its
// disposal; zero while held.
func endedAt(f *FoundItem) time.Time {
	switch {
	case f.Status == FoundClaimed && len(f.Claims) > 0:
		return f.Claims[len(f.Claims)-1].At
	case f.Status == FoundDisposed && f.Disposal != nil:
		return f.Disposal.At
	}
	return time.Time{}
}

// Report is what the lost and found came to in a period.
type Report struct {
	Logged int // items logged in the period
	// LoggedClaimed counts the items logged in the period that have been
	// claimed since: the claim rate is LoggedClaimed / Logged.
	LoggedClaimed int
	Claimed       int // items claimed in the period (logged whenever)
	Shipped       int // of those, sent to the owner
	Disposed      int // items disposed of in the period
	// ClaimMedian and ClaimP90 are the times from finding to claim of the
	// items claimed in the period.
	ClaimMedian, ClaimP90 time.Duration
}

// ClaimRate is the share of the period's items claimed so far (0..1).
func (r Report) ClaimRate() float64 {
	if r.Logged == 0 {
		return 0
	}
	return float64(r.LoggedClaimed) / float64(r.Logged)
}

// PeriodReport reports the items logged, claimed and disposed of in
// [from, to).
func (s *FoundRegister) PeriodReport(from, to time.Time) (Report, error) {
	in := func(t time.Time) bool { return !t.Before(from) && t.Before(to) }
	logged, err := app.TimeViews(s.Service, loggedIndex, from, to, func(f *FoundItem) bool { return in(f.LoggedAt) })
	if err != nil {
		return Report{}, err
	}
	ended, err := app.TimeViews(s.Service, endedIndex, from, to, func(f *FoundItem) bool { return in(endedAt(f)) })
	if err != nil {
		return Report{}, err
	}
	rep := Report{Logged: len(logged)}
	for i := range logged {
		if logged[i].Status == FoundClaimed {
			rep.LoggedClaimed++
		}
	}
	var waits []time.Duration
	for i := range ended {
		f := &ended[i]
		if f.Status == FoundDisposed {
			rep.Disposed++
			continue
		}
		c := f.Claims[len(f.Claims)-1]
		rep.Claimed++
		if c.Shipped() {
			rep.Shipped++
		}
		waits = append(waits, max(c.At.Sub(f.FoundAt), 0))
	}
	rep.ClaimMedian, rep.ClaimP90 = app.Quantile(waits, 0.5), app.Quantile(waits, 0.9)
	return rep, nil
}
