package requests

import (
	"cmp"
	"slices"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// RowQuery chooses requests for a list: the unfinished ones, or with
// OpenedOn set, those opened on that local day (in OpenedOn's zone) and
// the Days-1 days before it, whatever their status (closed ones
// included: the history a desk browses); Keep (nil keeps all) then picks
// rows by their state at Now.
type RowQuery struct {
	Now      time.Time
	OpenedOn time.Time
	Days     int // days ending with OpenedOn's; 0 or 1: that day alone (at most MaxRowDays)
	Keep     func(*RequestRow) bool
}

// MaxRowDays bounds the days a RowQuery reads: a list, not an export.
const MaxRowDays = 366

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
		rs, err = s.openedDays(q.OpenedOn, min(max(q.Days, 1), MaxRowDays))
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

// openedDays lists the requests opened on the local day of t and the
// days-1 days before it, from the range of UTC dates those days span.
func (s *RequestRegister) openedDays(t time.Time, days int) ([]Request, error) {
	y, m, d := t.Date()
	end := time.Date(y, m, d, 0, 0, 0, 0, t.Location()).AddDate(0, 0, 1)
	start := end.AddDate(0, 0, -days)
	first := []byte(start.UTC().Format(time.DateOnly))
	after := []byte(end.Add(-time.Nanosecond).UTC().AddDate(0, 0, 1).Format(time.DateOnly))
	return app.RangeViews(s.Service, openedIndexName, first, after, func(r *Request) bool {
		return !r.OpenedAt.Before(start) && r.OpenedAt.Before(end)
	})
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
