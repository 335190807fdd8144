package requests

import (
	"cmp"
	"slices"
	"time"

	"floordesk/app"
)

// RowQuery chooses requests for a list: the unfinished ones, or with
// OpenedOn set, those opened on that local day (in OpenedOn's zone),
// whatever their status; Keep (nil keeps all) then picks rows by their
// state at Now.
type RowQuery struct {
	Now      time.Time
	OpenedOn time.Time
	Keep     func(*RequestRow) bool
}

// Rows lists the requests q chooses with their state at q.Now, the most
// pressing first (see ByUrgency). The unfinished ones come from the status
// index, so their cost follows the answer; a day's are found by a byte
// search of every request (a view this build cannot read is left out).
func (s *RequestRegister) Rows(q RowQuery) ([]RequestRow, error) {
	every := s.FollowUpInterval()
	var out []RequestRow
	pick := func(r *Request) bool {
		row := row(*r, q.Now, every)
		if q.Keep == nil || q.Keep(&row) {
			out = append(out, row)
		}
		return false
	}
	var err error
	if q.OpenedOn.IsZero() {
		_, err = app.ScanViews(s.Service, KindRequest, unfinished, pick)
	} else {
		_, err = app.ScanMarked(s.Service, KindRequest, dayMarks(q.OpenedOn), pick)
	}
	slices.SortFunc(out, ByUrgency)
	return out, err
}

// dayMarks are byte strings one of which a request opened on the local
// day of t contains: the UTC dates the day spans.
func dayMarks(t time.Time) [][]byte {
	y, m, d := t.Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	return [][]byte{openedMark(start), openedMark(start.Add(24*time.Hour - time.Nanosecond))}
}

func openedMark(t time.Time) []byte {
	return []byte(`"opened_at":"` + t.UTC().Format("2006-01-02"))
}

// ByUrgency orders late first, then follow-ups due, then escalated, then
// the rest by next follow-up (or, when finished, newest first).
func ByUrgency(a, b RequestRow) int {
	return cmp.Or(
		cmp.Compare(urgency(&a), urgency(&b)),
		a.NextFollowUp.Compare(b.NextFollowUp),
		b.OpenedAt.Compare(a.OpenedAt),
		cmp.Compare(a.ID, b.ID))
}

func urgency(r *RequestRow) int {
	switch {
	case r.Late:
		return 0
	case r.FollowUpDue:
		return 1
	case len(r.Escalated) > 0:
		return 2
	case r.Open():
		return 3
	case r.Status == StatusResolved:
		return 4
	}
	return 5
}
