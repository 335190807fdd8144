package requests

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data/wire"
)

// scheduleRequest opens a request due at in.DueAt: one record, or one per
// day until in.RepeatUntil, appended together (see schedule.go for why).
// It returns the first occurrence. The caller holds the lock and has
// checked the input.
func (s *RequestRegister) scheduleRequest(actor app.Staff, in NewRequest, now time.Time) (Request, error) {
	dues := occurrences(in.DueAt, in.RepeatUntil)
	first := s.NewID()
	var series *Series
	if len(dues) > 1 {
		series = &Series{ID: first, Of: len(dues), Until: dues[len(dues)-1].UTC()}
	}
	evs := make([]wire.Event, 0, 2*len(dues))
	for i, due := range dues {
		id := first
		if i > 0 {
			id = s.NewID()
		}
		body := RequestScheduled{RequestOpened: s.openedBody(in, now), DueAt: due.UTC(), Series: nthOf(series, i)}
		body.PromisedAt = due.UTC()
		if !in.PromisedAt.IsZero() { // the same time after each occurrence's due time
			body.PromisedAt = due.Add(in.PromisedAt.Sub(in.DueAt)).UTC()
		}
		// Each occurrence is a record of its own, purged on its own: its
		// guest's data is sealed under a key of its own (personal.go).
		sealed, err := personal.SealedEvent(s.Service, actor.ID, app.Ref(KindRequest, id), TypeRequestScheduled, body, personalFields...)
		if err != nil {
			return Request{}, err
		}
		evs = append(evs, sealed...)
	}
	if _, err := s.Store().AppendAll(evs); err != nil {
		return Request{}, fmt.Errorf("save %s: %w", TypeRequestScheduled, app.StoreRefusal(err))
	}
	return s.Request(first)
}

func nthOf(series *Series, i int) *Series {
	if series == nil {
		return nil
	}
	n := *series
	n.N = i + 1
	return &n
}

// occurrences lists the due times of a request due at due, repeated daily
// at the same clock time (in due's zone) through the day of until; just
// due when until is zero.
func occurrences(due, until time.Time) []time.Time {
	out := []time.Time{due}
	if until.IsZero() {
		return out
	}
	last := dayOf(until.In(due.Location()))
	for i := 1; ; i++ {
		next := due.AddDate(0, 0, i)
		if dayOf(next).After(last) || i > MaxOccurrences {
			return out
		}
		out = append(out, next)
	}
}

// dayOf is t's midnight in its own zone.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// checkSchedule checks a request's due time and recurrence against the
// named limits: due no more than MaxDueInPast ago, no occurrence more than
// MaxScheduleAhead ahead, at most MaxOccurrences, and a wake-up call
// always has a due time.
func (s *RequestRegister) checkSchedule(in NewRequest, now time.Time) error {
	switch {
	case in.DueAt.IsZero() && in.Kind == RequestWakeUp:
		return app.Invalid("due_at", "request.due_required")
	case in.DueAt.IsZero() && !in.RepeatUntil.IsZero():
		return app.Invalid("repeat_until", "request.repeat_without_due")
	case in.DueAt.IsZero():
		return nil
	case in.DueAt.Before(now.Add(-MaxDueInPast)):
		return app.Invalid("due_at", "request.due_past", "time", s.ClockText(now),
			"minutes", strconv.Itoa(int(MaxDueInPast/time.Minute)))
	case in.DueAt.After(now.Add(MaxScheduleAhead)):
		return app.Invalid("due_at", "request.due_too_far", "days", days(MaxScheduleAhead))
	}
	if !in.PromisedAt.IsZero() && in.PromisedAt.Before(in.DueAt) {
		return app.Invalid("promised_at", "request.promise_before_due")
	}
	return checkRepeat(in, now)
}

func checkRepeat(in NewRequest, now time.Time) error {
	if in.RepeatUntil.IsZero() {
		return nil
	}
	if dayOf(in.RepeatUntil.In(in.DueAt.Location())).Before(dayOf(in.DueAt)) {
		return app.Invalid("repeat_until", "request.repeat_before_due")
	}
	dues := occurrences(in.DueAt, in.RepeatUntil)
	if len(dues) > MaxOccurrences {
		return app.Invalid("repeat_until", "request.repeat_too_many", "max", strconv.Itoa(MaxOccurrences))
	}
	if dues[len(dues)-1].After(now.Add(MaxScheduleAhead)) {
		return app.Invalid("repeat_until", "request.due_too_far", "days", days(MaxScheduleAhead))
	}
	return nil
}

func days(d time.Duration) string { return strconv.Itoa(int(d / (24 * time.Hour))) }

// CallInput is one wake-up call: its outcome and a note (who went to the
// room, what the guest said).
type CallInput struct {
	Outcome CallOutcome
	Note    string
}

// LogCall records a wake-up call and its outcome, by the signed-in
// attendant, now. Answered, or the guest woken at the door, finishes the
// call; no answer makes the second call due WakeUpRetry later, and a
// second no answer sends someone to the room (see WakeUpStep). Refusals:
// ErrInvalid for a bad outcome or note; ErrConflict for a request that is
// not an open wake-up call, or one not yet on show (before its lead time).
func (s *RequestRegister) LogCall(actorID, id string, in CallInput) (Request, error) {
	in.Note = strings.TrimSpace(in.Note)
	if err := app.FirstErr(
		app.Choice("outcome", string(in.Outcome), string(CallAnswered), string(CallNoAnswer), string(CallAtDoor)),
		app.MaxLen("note", in.Note, 300),
	); err != nil {
		return Request{}, err
	}
	now, lead := s.Now(), s.ScheduleLead()
	check := func(r *Request) error {
		if err := requireOpen(r); err != nil {
			return err
		}
		if r.Kind != RequestWakeUp {
			return app.Conflicting("request.not_wake_up", "request", r.ID, "room", r.Where())
		}
		if Quiet(r, now, lead) {
			return app.Conflicting("request.call_too_early", "request", r.ID, "room", r.Where(), "time", s.ClockText(r.DueAt))
		}
		return nil
	}
	body := RequestCalled{At: now, Outcome: in.Outcome, Note: in.Note}
	return s.requestCommand(actorID, id, check, TypeRequestCalled, body)
}

// CancelSeries cancels every occurrence of a recurring request still
// open and not yet due (the guest leaves early), with a reason, and
// returns how many it cancelled. Occurrences already due stay for the
// desk to finish or cancel one by one.
func (s *RequestRegister) CancelSeries(actorID, seriesID, reason string) (int, error) {
	reason = strings.TrimSpace(reason)
	if err := app.FirstErr(app.Required("reason", reason), app.MaxLen("reason", reason, 300)); err != nil {
		return 0, err
	}
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return 0, err
	}
	now := s.Now()
	rs, err := app.ScanViews(s.Service, KindRequest, unfinished[:2], func(r *Request) bool {
		return r.Series != nil && r.Series.ID == seriesID && NotYetDue(r, now)
	})
	if err != nil || len(rs) == 0 {
		return 0, err
	}
	evs := make([]wire.Event, len(rs))
	for i := range rs {
		ev, err := app.NewEvent(actor.ID, app.Ref(KindRequest, rs[i].ID), TypeRequestCancelled, RequestCancelled{At: now, Reason: reason})
		if err != nil {
			return 0, err
		}
		evs[i] = ev
	}
	if _, err := s.Store().AppendAll(evs); err != nil {
		return 0, fmt.Errorf("save %s: %w", TypeRequestCancelled, app.StoreRefusal(err))
	}
	return len(evs), nil
}

func init() {
	app.RegisterMessages(map[string]string{
		"request.due_required":       "A wake-up call needs the time to call — type it like 06:30 or 明天 06:30.",
		"request.repeat_without_due": "Give the first due time before saying until when it repeats.",
		"request.due_past":           "The due time has passed (it is {time}) — type a time no more than {minutes} minutes ago, or a later one.",
		"request.due_too_far":        "That is more than {days} days ahead — write it down nearer the time.",
		"request.promise_before_due": "The promised time cannot be before the due time — leave it empty or give a later time.",
		"request.repeat_before_due":  "The last day is before the first due time — give a day on or after it.",
		"request.repeat_too_many":    "A repeating request can have at most {max} days — write the rest down later.",
		"request.not_wake_up":        "The request for room {room} is not a wake-up call — use follow-up or resolve instead.",
		"request.call_too_early":     "The wake-up call for room {room} is due at {time} — record the call when it is made.",
	})
}
