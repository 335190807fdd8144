package requests

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
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
// index and a day's from the opened-date index, so the cost follows the
// answer, not the history.
func (s *RequestRegister) Rows(q RowQuery) ([]RequestRow, error) {
	var rs []Request
	var err error
	if q.OpenedOn.IsZero() {
		rs, err = app.ScanViews(s.Service, KindRequest, unfinished, func(*Request) bool { return true })
	} else {
		rs, err = s.openedOn(q.OpenedOn)
	}
	out := s.rowsAt(rs, q.Now)
	if q.Keep != nil {
		out = slices.DeleteFunc(out, func(r RequestRow) bool { return !q.Keep(&r) })
	}
	slices.SortFunc(out, ByUrgency)
	return out, err
}

// openedIndexName files requests by the UTC date they were opened.
const openedIndexName = "requests/opened"

// openedIndex files a request under the UTC date it was opened.
func openedIndex(r *Request) []wire.IndexEntry {
	if r.OpenedAt.IsZero() {
		return nil
	}
	return []wire.IndexEntry{{Name: openedIndexName, Key: []byte(r.OpenedAt.UTC().Format(time.DateOnly))}}
}

// openedOn lists the requests opened on the local day of t, from the UTC
// dates the day spans.
func (s *RequestRegister) openedOn(t time.Time) ([]Request, error) {
	y, m, d := t.Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	end := start.AddDate(0, 0, 1)
	days := []string{start.UTC().Format(time.DateOnly)}
	if last := end.Add(-time.Nanosecond).UTC().Format(time.DateOnly); last != days[0] {
		days = append(days, last)
	}
	var out []Request
	for _, day := range days {
		err := s.Store().IndexedAt(openedIndexName, []byte(day), func(ref wire.EntityRef, b []byte) error {
			var r Request
			if err := json.Unmarshal(b, &r); err != nil {
				return fmt.Errorf("decode %s: %w", ref, err)
			}
			if !r.OpenedAt.Before(start) && r.OpenedAt.Before(end) {
				out = append(out, r)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ByUrgency orders late first, then follow-ups and wake-up calls due,
// then escalated, then the rest by next follow-up, scheduled requests not
// yet on show after the other open ones (and, when finished, newest
// first).
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
	case r.FollowUpDue || r.CallDue():
		return 1
	case len(r.Escalated) > 0:
		return 2
	case r.Quiet:
		return 4
	case r.Open():
		return 3
	case r.Status == StatusResolved:
		return 5
	}
	return 6
}
