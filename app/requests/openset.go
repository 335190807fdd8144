package requests

import (
	"cmp"
	"slices"
	"time"

	"floordesk/app"
)

// OpenSet is the open requests as read at one moment. At derives their
// state at any later time without reading the store again, so a screen
// can move what is late and due with the clock.
type OpenSet struct {
	reqs  []Request
	rules rules // the hotel's settings when read
}

// OpenSet reads the open requests of desk ("" = every desk) from the
// status index: the cost follows how many are open, not the history.
func (s *RequestRegister) OpenSet(desk string) (OpenSet, error) {
	rs, err := app.ScanViews(s.Service, KindRequest, unfinished[:2], func(r *Request) bool {
		return r.Open() && (desk == "" || r.Desk == desk)
	})
	return OpenSet{reqs: rs, rules: s.rules()}, err
}

// Len is how many requests the set holds.
func (o OpenSet) Len() int { return len(o.reqs) }

// At is every request of the set with its state at now, the follow-up due
// soonest first.
func (o OpenSet) At(now time.Time) []RequestRow {
	rows := make([]RequestRow, len(o.reqs))
	for i := range o.reqs {
		rows[i] = row(o.reqs[i], now, o.rules)
	}
	slices.SortFunc(rows, func(a, b RequestRow) int {
		return cmp.Or(a.NextFollowUp.Compare(b.NextFollowUp), cmp.Compare(a.ID, b.ID))
	})
	return rows
}

// DueForFollowUp keeps the rows whose follow-up is due, in their order.
func DueForFollowUp(rows []RequestRow) []RequestRow {
	return slices.DeleteFunc(slices.Clone(rows), func(r RequestRow) bool { return !r.FollowUpDue })
}

// LateRows keeps the rows past their promised time, most late first.
func LateRows(rows []RequestRow) []RequestRow {
	late := slices.DeleteFunc(slices.Clone(rows), func(r RequestRow) bool { return !r.Late })
	slices.SortFunc(late, func(a, b RequestRow) int {
		return cmp.Or(a.PromisedAt.Compare(b.PromisedAt), cmp.Compare(a.ID, b.ID))
	})
	return late
}

// CallDue reports whether a wake-up call needs a call or a visit now.
func (r *RequestRow) CallDue() bool {
	return r.Call == CallNow || r.Call == CallAgain || r.Call == CallGoToRoom
}

// OnShow keeps the scheduled rows the dashboard shows: within their lead
// time or past their due time, still open, in due-time order. A quiet
// one shows from its lead time without the store being read again.
func OnShow(rows []RequestRow) []RequestRow {
	out := slices.DeleteFunc(slices.Clone(rows), func(r RequestRow) bool {
		return !r.Scheduled() || r.Quiet || !r.Open()
	})
	slices.SortFunc(out, func(a, b RequestRow) int {
		return cmp.Or(a.DueAt.Compare(b.DueAt), cmp.Compare(a.ID, b.ID))
	})
	return out
}
