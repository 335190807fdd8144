package requests

import (
	"time"

	"fyne.io/fyne/v2/lang"

	apprequests "floordesk/app/requests"
)

// filter is which requests the list shows.
type filter string

// The list's filters: the unfinished ones (the default), those whose
// follow-up is due, the late, the escalated, the scheduled ones still
// open (wake-up calls and timed tasks, due soonest first by urgency), and
// every request opened today, or in the last 30 days (the history a desk
// browses: closed ones too), whatever its state.
const (
	filterOpen      filter = "open"
	filterFollowUp  filter = "follow_up"
	filterLate      filter = "late"
	filterEscalated filter = "escalated"
	filterToday     filter = "today"
	filterScheduled filter = "scheduled"
	filterRecent    filter = "recent"
	// filterHistory searches every request ever taken, in the period
	// picked, for what is typed (history.go).
	filterHistory filter = "history"
)

// recentDays is how far back the "last 30 days" filter reads.
const recentDays = 30

var filters = []filter{filterOpen, filterFollowUp, filterLate, filterEscalated, filterScheduled, filterToday, filterRecent, filterHistory}

func (f filter) name() string { return lang.L("requests.filter." + string(f)) }

func filterChoices() choices {
	codes := make([]string, len(filters))
	for i, f := range filters {
		codes[i] = string(f)
	}
	return newChoices(codes, func(c string) string { return filter(c).name() })
}

// kindFilterChoices are "every kind" (code "") then the kinds.
func kindFilterChoices() choices {
	return newChoices(append([]string{""}, kindCodes...), func(c string) string {
		if c == "" {
			return lang.L("requests.filter.all_kinds")
		}
		return kindName(apprequests.RequestKind(c))
	})
}

// keeps reports whether row r (derived at now) passes the filter and the
// kind ("" = any).
func keeps(f filter, kind string, r *apprequests.RequestRow, now time.Time) bool {
	if kind != "" && string(r.Kind) != kind {
		return false
	}
	switch f {
	case filterFollowUp:
		return r.FollowUpDue
	case filterLate:
		return r.Late
	case filterEscalated:
		return len(r.Escalated) > 0
	case filterToday:
		return sameDay(r.OpenedAt, now)
	case filterRecent, filterHistory:
		return true // the days read, or the search, are the filter
	case filterScheduled:
		return r.Open() && r.Scheduled()
	}
	return !r.Finished()
}

func sameDay(a, b time.Time) bool {
	a = a.In(b.Location())
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
