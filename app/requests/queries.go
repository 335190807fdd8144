package requests

import (
	"cmp"
	"slices"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// RequestRow is a request with what the clock derives from it: the same
// on every desk that holds the same events.
type RequestRow struct {
	Request
	Escalated    []EscalationReason `json:"escalated,omitempty"`
	Late         bool               `json:"late,omitempty"`
	NextFollowUp time.Time          `json:"next_follow_up,omitzero"`
	FollowUpDue  bool               `json:"follow_up_due,omitempty"`
	// Quiet is a scheduled request before its lead time: not shown on the
	// dashboard, nothing due; DueSoon one within its lead time, not yet due.
	Quiet   bool `json:"quiet,omitempty"`
	DueSoon bool `json:"due_soon,omitempty"`
	// Call is what an open wake-up call needs next, from CallAt.
	Call   CallStep  `json:"call,omitempty"`
	CallAt time.Time `json:"call_at,omitzero"`
}

// Request returns one request; ErrNotFound when unknown.
func (s *RequestRegister) Request(id string) (Request, error) {
	return app.LoadView[Request](s.Service, KindRequest, id)
}

// RequestRow returns one request with its derived state at now.
func (s *RequestRegister) RequestRow(id string) (RequestRow, error) {
	r, err := s.Request(id)
	if err != nil {
		return RequestRow{}, err
	}
	return row(r, s.Now(), s.rules()), nil
}

// rules are the hotel's settings the derived state depends on.
type rules struct {
	every time.Duration // the follow-up interval
	lead  time.Duration // how long before its due time a request shows
}

func (s *RequestRegister) rules() rules {
	return rules{every: s.FollowUpInterval(), lead: s.ScheduleLead()}
}

// row derives a request's state at now under the hotel's rules.
func row(r Request, now time.Time, ru rules) RequestRow {
	next := NextFollowUp(&r, ru.every)
	call, callAt := WakeUpStep(&r, now)
	quiet := Quiet(&r, now, ru.lead)
	return RequestRow{
		Request: r, Escalated: EscalationReasons(&r, now), Late: Late(&r, now),
		NextFollowUp: next, FollowUpDue: !next.IsZero() && !next.After(now),
		Quiet: quiet, DueSoon: !quiet && NotYetDue(&r, now), Call: call, CallAt: callAt,
	}
}

// unfinished are the statuses of requests still needing something.
var unfinished = []string{string(StatusOpen), string(StatusDispatched), string(StatusResolved)}

// requestRows lists the requests in statuses that keep accepts, with
// their derived state, from the status index.
func (s *RequestRegister) requestRows(keep func(*Request) bool, statuses ...string) ([]RequestRow, error) {
	now := s.Now()
	rs, err := app.ScanViews(s.Service, KindRequest, statuses, keep)
	if err != nil {
		return nil, err
	}
	return s.rowsAt(rs, now), nil
}

// rowsAt derives each request's state at now.
func (s *RequestRegister) rowsAt(rs []Request, now time.Time) []RequestRow {
	ru := s.rules()
	out := make([]RequestRow, len(rs))
	for i := range rs {
		out[i] = row(rs[i], now, ru)
	}
	return out
}

// OpenRequests lists requests not yet done, the follow-up due soonest
// first. desk "" means every desk.
func (s *RequestRegister) OpenRequests(desk string) ([]RequestRow, error) {
	set, err := s.OpenSet(desk)
	return set.At(s.Now()), err
}

// UnfinishedRequests lists desk's requests not yet closed: the open ones,
// the follow-up due soonest first, then those done but not yet confirmed
// with the guest. They roll into the shift handover.
func (s *RequestRegister) UnfinishedRequests(desk string) ([]RequestRow, error) {
	rows, err := s.requestRows(func(r *Request) bool { return !r.Finished() && r.Desk == desk }, unfinished...)
	slices.SortFunc(rows, func(a, b RequestRow) int {
		return cmp.Or(cmp.Compare(app.BoolInt(!a.Open()), app.BoolInt(!b.Open())),
			a.NextFollowUp.Compare(b.NextFollowUp), a.OpenedAt.Compare(b.OpenedAt), cmp.Compare(a.ID, b.ID))
	})
	return rows, err
}

// FollowUpsDue lists open requests whose follow-up is due now.
func (s *RequestRegister) FollowUpsDue(desk string) ([]RequestRow, error) {
	rows, err := s.OpenRequests(desk)
	return DueForFollowUp(rows), err
}

// LateRequests lists open requests past their promised time, most late
// first.
func (s *RequestRegister) LateRequests(desk string) ([]RequestRow, error) {
	rows, err := s.OpenRequests(desk)
	return LateRows(rows), err
}

// EscalatedRequests lists requests that show as escalated now, for the
// supervisor on duty: late, escalated by hand, or serious complaints.
func (s *RequestRegister) EscalatedRequests() ([]RequestRow, error) {
	rows, err := s.requestRows(func(r *Request) bool { return !r.Finished() }, unfinished...)
	rows = filterRows(rows, func(r *RequestRow) bool { return len(r.Escalated) > 0 })
	slices.SortFunc(rows, func(a, b RequestRow) int {
		return cmp.Or(a.OpenedAt.Compare(b.OpenedAt), cmp.Compare(a.ID, b.ID))
	})
	return rows, err
}

// SupervisorsOnDuty lists the active supervisors whose shift is running
// now (or who have no shift): escalated requests are theirs. When none is
// on shift it lists every active supervisor.
func (s *RequestRegister) SupervisorsOnDuty() ([]app.Staff, error) {
	sups, err := app.ListViews(s.Service, app.KindStaff, func(st *app.Staff) bool { return st.Role == app.RoleSupervisor && !st.Disabled })
	if err != nil {
		return nil, err
	}
	sh, _ := s.ShiftAt(s.Now())
	on := slices.DeleteFunc(slices.Clone(sups), func(st app.Staff) bool { return st.Shift != "" && st.Shift != sh.Name })
	if len(on) == 0 {
		return sups, nil
	}
	return on, nil
}

// RequestsForRoom lists a room's requests, newest first.
func (s *RequestRegister) RequestsForRoom(room string) ([]RequestRow, error) {
	rs, err := app.IndexedViews[Request](s.Service, roomIndexName, []byte(room), nil)
	rows := s.rowsAt(rs, s.Now())
	slices.SortFunc(rows, func(a, b RequestRow) int {
		return cmp.Or(b.OpenedAt.Compare(a.OpenedAt), cmp.Compare(a.ID, b.ID))
	})
	return rows, err
}

// RequestsInConflict lists requests with an open sync conflict.
func (s *RequestRegister) RequestsInConflict() ([]RequestRow, error) {
	rs, err := app.ConflictViews[Request](s.Service, KindRequest)
	return s.rowsAt(rs, s.Now()), err
}

func filterRows(rows []RequestRow, keep func(*RequestRow) bool) []RequestRow {
	out := rows[:0]
	for i := range rows {
		if keep(&rows[i]) {
			out = append(out, rows[i])
		}
	}
	return out
}

// RequestTimes summarises the requests opened in [from, to): how many,
// how quickly the hotel responded and finished, how many were late and how
// satisfied the guests said they were.
type RequestTimes struct {
	Opened          int           `json:"opened"`
	Responded       int           `json:"responded"`
	AvgResponse     time.Duration `json:"avg_response"`
	Completed       int           `json:"completed"`
	AvgCompletion   time.Duration `json:"avg_completion"`
	CompletedLate   int           `json:"completed_late"` // done after the promised time
	Confirmed       int           `json:"confirmed"`
	AvgSatisfaction float64       `json:"avg_satisfaction"`
	Cancelled       int           `json:"cancelled"`
}

// RequestTimesBetween computes RequestTimes for requests opened in [from,
// to), of kind (or every kind when "").
func (s *RequestRegister) RequestTimesBetween(from, to time.Time, kind RequestKind) (RequestTimes, error) {
	first, next := []byte(from.UTC().Format(time.DateOnly)), []byte(to.UTC().AddDate(0, 0, 1).Format(time.DateOnly))
	rs, err := app.RangeViews(s.Service, openedIndexName, first, next, func(r *Request) bool {
		return !r.OpenedAt.Before(from) && r.OpenedAt.Before(to) && (kind == "" || r.Kind == kind)
	})
	return requestTimes(rs), err
}

func requestTimes(rs []Request) RequestTimes {
	var t RequestTimes
	var resp, done time.Duration
	sat := 0
	for i := range rs {
		r := &rs[i]
		t.Opened++
		if d, ok := ResponseTime(r); ok {
			t.Responded, resp = t.Responded+1, resp+d
		}
		if d, ok := CompletionTime(r); ok {
			t.Completed, done = t.Completed+1, done+d
			if !r.PromisedAt.IsZero() && r.Resolution.At.After(r.PromisedAt) {
				t.CompletedLate++
			}
		}
		if r.Confirmation != nil {
			t.Confirmed, sat = t.Confirmed+1, sat+r.Confirmation.Satisfaction
		}
		if r.Status == StatusCancelled {
			t.Cancelled++
		}
	}
	t.AvgResponse, t.AvgCompletion = average(resp, t.Responded), average(done, t.Completed)
	if t.Confirmed > 0 {
		t.AvgSatisfaction = float64(sat) / float64(t.Confirmed)
	}
	return t
}

func average(total time.Duration, n int) time.Duration {
	if n == 0 {
		return 0
	}
	return (total / time.Duration(n)).Round(time.Second)
}

// HistoryEntry is one time-stamped action in an entity's history.
type HistoryEntry struct {
	At    time.Time `json:"at"`
	Type  string    `json:"type"`
	Actor string    `json:"actor"`
	Name  string    `json:"name"`
	Desk  string    `json:"desk"`
	// Intake is the request as it was taken, on the action that opened
	// it: a later dispatch or escalation does not change it.
	Intake *Intake `json:"intake,omitempty"`
}

// Intake is how a request was taken: by which channel, how urgent, and
// for which department ("" = the desk).
type Intake struct {
	Channel    RequestChannel  `json:"channel"`
	Priority   RequestPriority `json:"priority"`
	Department string          `json:"department,omitempty"`
}

// RequestHistory lists every action on a request in fold order.
func (s *RequestRegister) RequestHistory(id string) ([]HistoryEntry, error) {
	evs, err := s.Store().Stream(app.Ref(KindRequest, id))
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, app.NotFound(KindRequest, id)
	}
	out := make([]HistoryEntry, len(evs))
	for i, ev := range evs {
		out[i] = HistoryEntry{At: ev.HLC.Time().UTC(), Type: ev.Type, Actor: ev.Actor,
			Name: s.StaffName(ev.Actor), Desk: ev.Desk, Intake: intakeOf(ev)}
	}
	return out, nil
}

// intakeOf is the intake an opening event recorded; nil for other events.
func intakeOf(ev wire.Event) *Intake {
	if ev.Type != TypeRequestOpened && ev.Type != TypeRequestScheduled {
		return nil
	}
	b, err := app.DecodeBody[RequestOpened](ev) // a schedule's body holds the opening's fields
	if err != nil {
		return nil
	}
	return &Intake{Channel: b.Channel, Priority: b.Priority, Department: b.Department}
}

// handoverRequests lists desk's unfinished requests for the handover at
// now: the open work first, then, marked Scheduled, those not yet due
// that fall due within the next shift (HandoverWindow). Those due later
// are left out: the shift after next will see them come up.
func (s *RequestRegister) handoverRequests(desk string, now time.Time) ([]HandoverRequest, error) {
	rows, err := s.UnfinishedRequests(desk)
	var work, later []HandoverRequest
	for _, r := range rows {
		h := HandoverRequest{ID: r.ID, Room: r.Where(), Kind: r.Kind, Description: r.Description,
			Status: r.Status, Department: r.Department, PromisedAt: r.PromisedAt,
			NextFollowUp: r.NextFollowUp, Escalated: len(r.Escalated) > 0, DueAt: r.DueAt}
		switch {
		case !NotYetDue(&r.Request, now):
			work = append(work, h)
		case !r.DueAt.After(now.Add(HandoverWindow)):
			h.Scheduled, h.NextFollowUp = true, time.Time{}
			later = append(later, h)
		}
	}
	slices.SortFunc(later, func(a, b HandoverRequest) int { return cmp.Or(a.DueAt.Compare(b.DueAt), cmp.Compare(a.ID, b.ID)) })
	return append(work, later...), err
}
