package requests

import (
	"time"

	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data/wire"
)

// Scheduled requests (预约服务): a request due at a time — a wake-up call
// (叫醒服务) at 06:30, a cot brought at 19:00, the dishes picked up at
// 21:00 — rather than now. It stays quiet until the hotel's lead time
// before it is due (app.Service.ScheduleLead), is late after its due time
// plus its kind's grace, and the 10-minute follow-up of the one-stop
// service runs from the due time, not from when it was written down.
//
// A recurring request (a daily wake-up call during a stay) is written as
// one record per day, each opened by its own request.scheduled.v1 event
// carrying the series it belongs to, all appended together. We chose
// records over occurrence state inside one record because every
// occurrence has a life of its own — calls, dispatches, a result, a
// cancellation — and the desk that deals with Tuesday's call and the desk
// that deals with Wednesday's then write to different entities: their
// events never meet in one fold, need no clash rule, and every existing
// rule (status index, follow-up, lateness, handover, conflicts) applies
// to an occurrence as to any request. The cost is at most MaxOccurrences
// records written at once.
//
// The event types carry their version in the name. A desk of an older
// build folds an unknown type as nothing, so it neither shows a
// scheduled request nor nags about it; a later change of a body becomes
// a new type (".v2") that older desks ignore the same way instead of
// misreading. Events of older desks (request.opened and the rest) fold as
// before: a request without a due time is due at once.

// Event types of scheduled requests.
const (
	TypeRequestScheduled = "request.scheduled.v1"
	TypeRequestCalled    = "request.called.v1"
)

// RequestWakeUp is a wake-up call (叫醒服务): always scheduled, done by
// calling the room.
const RequestWakeUp RequestKind = "wake_up"

// The limits of a scheduled request, checked when it is written.
const (
	// MaxDueInPast is how far in the past a due time may be: a call
	// written down a few minutes late is still taken.
	MaxDueInPast = 5 * time.Minute
	// MaxScheduleAhead is how far ahead any occurrence may be due.
	MaxScheduleAhead = 30 * 24 * time.Hour
	// MaxOccurrences bounds the records a recurring request writes.
	MaxOccurrences = 30
)

// WakeUpRetry is how long after an unanswered wake-up call the second
// call is due; when that one is not answered either, someone goes to the
// room. The hotel manuals say nothing of wake-up calls: five minutes is
// the common front-office practice, kept here until the hotel sets one.
const WakeUpRetry = 5 * time.Minute

// WakeUpCalls is how many unanswered calls send someone to the room.
const WakeUpCalls = 2

// graceByKind is how long after its due time a scheduled request of a
// kind shows as late: a wake-up call is late the minute it is missed; a
// cot may come a few minutes after the hour.
var graceByKind = map[RequestKind]time.Duration{
	RequestWakeUp:  0,
	RequestService: 10 * time.Minute,
	RequestInquiry: 10 * time.Minute,
}

// Grace is how long after its due time a scheduled request of kind k
// becomes late.
func Grace(k RequestKind) time.Duration { return graceByKind[k] }

// Series says which occurrence of a recurring request a record is.
type Series struct {
	ID    string    `json:"id"`    // the first occurrence's request ID
	N     int       `json:"n"`     // 1-based
	Of    int       `json:"of"`    // how many the series has
	Until time.Time `json:"until"` // the last occurrence's due time
}

// CallOutcome is what came of one wake-up call.
type CallOutcome string

// Call outcomes.
const (
	CallAnswered CallOutcome = "answered"  // the guest answered: done
	CallNoAnswer CallOutcome = "no_answer" // nobody answered
	CallAtDoor   CallOutcome = "at_door"   // someone went to the room and woke the guest
)

// CallOutcomes are the outcomes in the order a desk offers them.
var CallOutcomes = []CallOutcome{CallAnswered, CallNoAnswer, CallAtDoor}

// Ends reports whether the outcome finishes the wake-up call.
func (o CallOutcome) Ends() bool { return o == CallAnswered || o == CallAtDoor }

// CallAttempt is one wake-up call as the desk recorded it.
type CallAttempt struct {
	At      time.Time   `json:"at"`
	By      string      `json:"by"`
	Outcome CallOutcome `json:"outcome"`
	Note    string      `json:"note,omitempty"` // who went to the room, what the guest said
}

// RequestScheduled is the body of request.scheduled.v1: a request opened
// to be done at DueAt, one occurrence of Series when it recurs.
type RequestScheduled struct {
	RequestOpened
	DueAt  time.Time `json:"due_at"`
	Series *Series   `json:"series,omitempty"`
}

// RequestCalled is the body of request.called.v1: one wake-up call and
// its outcome.
type RequestCalled struct {
	At      time.Time   `json:"at"`
	Outcome CallOutcome `json:"outcome"`
	Note    string      `json:"note,omitempty"`
}

func applyRequestScheduled(r *Request, ev wire.Event) error {
	b, o, err := personal.DecodeBody[RequestScheduled](ev)
	if err != nil {
		return err
	}
	r.Personal.Note(o)
	openRequest(r, ev, b.RequestOpened)
	r.DueAt, r.Series = b.DueAt, b.Series
	return nil
}

// applyRequestCalled records a call; an answered call, or the guest woken
// at the door, finishes an open wake-up call. Calls at two desks add up.
func applyRequestCalled(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[RequestCalled](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.Calls = append(r.Calls, CallAttempt{At: at, By: ev.Actor, Outcome: b.Outcome, Note: b.Note})
	if b.Outcome.Ends() && r.Open() {
		r.Resolution = &Resolution{At: at, By: ev.Actor, Department: r.Department, Result: string(b.Outcome)}
		r.Status = StatusClosed
	}
	r.touch(at)
	return nil
}

// Scheduled reports whether the request is due at a set time.
func (r *Request) Scheduled() bool { return !r.DueAt.IsZero() }

// ShowsFrom is when a scheduled request comes onto the dashboard: lead
// before its due time. Zero for a request due at once.
func ShowsFrom(r *Request, lead time.Duration) time.Time {
	if !r.Scheduled() {
		return time.Time{}
	}
	return r.DueAt.Add(-lead)
}

// Quiet reports whether an open scheduled request is still before its
// lead time at now: nothing to do, nothing to show on the dashboard.
func Quiet(r *Request, now time.Time, lead time.Duration) bool {
	return r.Open() && r.Scheduled() && now.Before(ShowsFrom(r, lead))
}

// NotYetDue reports whether an open scheduled request is due after now:
// work for later, not open work to hand over.
func NotYetDue(r *Request, now time.Time) bool {
	return r.Open() && r.Scheduled() && r.DueAt.After(now)
}

// lateAfter is when an open request becomes late: its promised time, plus
// its kind's grace when it was scheduled.
func lateAfter(r *Request) time.Time {
	if r.PromisedAt.IsZero() || !r.Scheduled() {
		return r.PromisedAt
	}
	return r.PromisedAt.Add(Grace(r.Kind))
}

// CallStep is what a wake-up call needs next.
type CallStep string

// Wake-up call steps, in the order they come.
const (
	CallSoon     CallStep = "soon"       // before the due time
	CallNow      CallStep = "call"       // due: make the first call
	CallWaiting  CallStep = "wait"       // no answer: the second call comes at At
	CallAgain    CallStep = "call_again" // the second call is due
	CallGoToRoom CallStep = "go_to_room" // no answer twice: someone goes to the room
	CallNone     CallStep = ""           // not an open wake-up call
)

// WakeUpStep says what an open wake-up call needs at now and from when:
// the first call at the due time, a second WakeUpRetry after an
// unanswered one, then someone to the room after WakeUpCalls unanswered.
func WakeUpStep(r *Request, now time.Time) (CallStep, time.Time) {
	if r.Kind != RequestWakeUp || !r.Open() || !r.Scheduled() {
		return CallNone, time.Time{}
	}
	missed, last := 0, time.Time{}
	for _, c := range r.Calls {
		if c.Outcome == CallNoAnswer {
			missed++
			last = later(last, c.At)
		}
	}
	switch {
	case missed >= WakeUpCalls:
		return CallGoToRoom, last
	case missed > 0 && now.Before(last.Add(WakeUpRetry)):
		return CallWaiting, last.Add(WakeUpRetry)
	case missed > 0:
		return CallAgain, last.Add(WakeUpRetry)
	case now.Before(r.DueAt):
		return CallSoon, r.DueAt
	}
	return CallNow, r.DueAt
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
