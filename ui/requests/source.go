package requests

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"time"

	"floordesk/app"
	apprequests "floordesk/app/requests"
)

// loadRows reads the requests that pass filter f and kind at now, with
// what the clock derives from them, the most pressing first. It decodes
// only the views that can pass (unfinished ones, or those opened today),
// found by a byte search as the domain's own lists do.
func loadRows(svc *app.Service, f filter, kind string, now time.Time) ([]apprequests.RequestRow, error) {
	marks := viewMarks(f, now)
	every := svc.FollowUpInterval()
	var out []apprequests.RequestRow
	err := svc.Store().Views(apprequests.KindRequest, func(_ string, b []byte) error {
		if !slices.ContainsFunc(marks, func(m []byte) bool { return bytes.Contains(b, m) }) {
			return nil
		}
		var r apprequests.Request
		if json.Unmarshal(b, &r) != nil {
			return nil // a view this version cannot read is left out, not fatal
		}
		row := deriveRow(r, now, every)
		if keeps(f, kind, &row, now) {
			out = append(out, row)
		}
		return nil
	})
	slices.SortFunc(out, byUrgency)
	return out, err
}

// viewMarks are byte strings one of which a view must contain to be
// decoded: the unfinished statuses, or for today's list the UTC dates the
// local day spans.
func viewMarks(f filter, now time.Time) [][]byte {
	if f == filterToday {
		y, m, d := now.Date()
		start := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
		return [][]byte{dateMark(start), dateMark(start.Add(24*time.Hour - time.Nanosecond))}
	}
	var marks [][]byte
	for _, st := range []apprequests.RequestStatus{apprequests.StatusOpen, apprequests.StatusDispatched, apprequests.StatusResolved} {
		marks = append(marks, []byte(`"status":"`+string(st)+`"`))
	}
	return marks
}

func dateMark(t time.Time) []byte {
	return []byte(`"opened_at":"` + t.UTC().Format("2006-01-02"))
}

// deriveRow is the domain's RequestRow of r at now; every is the hotel's
// follow-up interval.
func deriveRow(r apprequests.Request, now time.Time, every time.Duration) apprequests.RequestRow {
	next := apprequests.NextFollowUp(&r, every)
	return apprequests.RequestRow{
		Request: r, Escalated: apprequests.EscalationReasons(&r, now), Late: apprequests.Late(&r, now),
		NextFollowUp: next, FollowUpDue: !next.IsZero() && !next.After(now),
	}
}

// byUrgency orders late first, then follow-ups due, then escalated,
// then the rest by next follow-up (or, when finished, newest first).
func byUrgency(a, b apprequests.RequestRow) int {
	return cmp.Or(
		cmp.Compare(urgency(&a), urgency(&b)),
		a.NextFollowUp.Compare(b.NextFollowUp),
		b.OpenedAt.Compare(a.OpenedAt),
		cmp.Compare(a.ID, b.ID))
}

func urgency(r *apprequests.RequestRow) int {
	switch {
	case r.Late:
		return 0
	case r.FollowUpDue:
		return 1
	case len(r.Escalated) > 0:
		return 2
	case r.Open():
		return 3
	case r.Status == apprequests.StatusResolved:
		return 4
	}
	return 5
}
