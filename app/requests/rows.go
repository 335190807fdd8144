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
// pressing first (see ByUrgency). It decodes only the views that can be
// chosen, found by a byte search, so its cost follows the unfinished
// requests (or the day's), not the whole history's decoding. A view this
// build cannot read is left out.
func (s *RequestRegister) Rows(q RowQuery) ([]RequestRow, error) {
	every := s.FollowUpInterval()
	var out []RequestRow
	_, err := app.ScanMarked(s.Service, KindRequest, rowMarks(q), func(r *Request) bool {
		row := row(*r, q.Now, every)
		if q.Keep == nil || q.Keep(&row) {
			out = append(out, row)
		}
		return false
	})
	slices.SortFunc(out, ByUrgency)
	return out, err
}

// rowMarks are byte strings one of which a view must contain to be
// decoded: the unfinished statuses, or the UTC dates a local day spans.
func rowMarks(q RowQuery) [][]byte {
	if !q.OpenedOn.IsZero() {
		y, m, d := q.OpenedOn.Date()
		start := time.Date(y, m, d, 0, 0, 0, 0, q.OpenedOn.Location())
		return [][]byte{openedMark(start), openedMark(start.Add(24*time.Hour - time.Nanosecond))}
	}
	marks := make([][]byte, len(unfinished))
	for i, st := range unfinished {
		marks[i] = []byte(`"status":"` + st + `"`)
	}
	return marks
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
