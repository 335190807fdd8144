package requests

import (
	"time"

	apprequests "floordesk/app/requests"
)

// rowSource is what the list needs of the request register.
type rowSource interface {
	Rows(q apprequests.RowQuery) ([]apprequests.RequestRow, error)
}

// loadRows reads the requests that pass filter f and kind at now, with
// what the clock derives from them, the most pressing first: the
// register's unfinished requests, or for today's list those opened today.
func loadRows(svc rowSource, f filter, kind string, now time.Time) ([]apprequests.RequestRow, error) {
	q := apprequests.RowQuery{Now: now, Keep: func(r *apprequests.RequestRow) bool { return keeps(f, kind, r, now) }}
	switch f {
	case filterToday:
		q.OpenedOn = now
	case filterRecent:
		q.OpenedOn, q.Days = now, recentDays
	}
	return svc.Rows(q)
}
