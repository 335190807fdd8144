package requests

import "time"

// The rules in this file are pure functions of a folded request and the
// clock: every desk holding the same events shows the same escalations and
// the same follow-ups due, without any desk writing them down.

// DefaultFollowUpInterval is how often the desk checks a request again
// when the hotel set-up does not say.
const DefaultFollowUpInterval = 10 * time.Minute

// promiseByPriority is the time to completion promised to the guest when
// the desk does not give one.
var promiseByPriority = map[RequestPriority]time.Duration{
	PriorityUrgent: 15 * time.Minute,
	PriorityHigh:   30 * time.Minute,
	PriorityNormal: 60 * time.Minute,
}

// DefaultPromise is the promised time for a request opened at with
// priority p.
func DefaultPromise(p RequestPriority, at time.Time) time.Time {
	d, ok := promiseByPriority[p]
	if !ok {
		d = promiseByPriority[PriorityNormal]
	}
	return at.Add(d)
}

// EscalationReason says why a request shows as escalated.
type EscalationReason string

// Escalation reasons.
const (
	EscalatedByHand         EscalationReason = "by_hand"        // a person escalated it
	EscalatedNotDispatched  EscalationReason = "not_dispatched" // promised time passed, nobody told
	EscalatedNotDone        EscalationReason = "not_done"       // promised time passed, not done
	EscalatedGraveComplaint EscalationReason = "grave_complaint"
	EscalatedNoAnswer       EscalationReason = "no_answer" // wake-up call unanswered twice
)

// EscalationReasons lists why the request shows as escalated at now, or nil.
// Lateness and manual escalation hold until the request is done; a serious
// or urgent complaint stays escalated until it is closed or cancelled.
func EscalationReasons(r *Request, now time.Time) []EscalationReason {
	var out []EscalationReason
	if r.Open() && len(r.Escalations) > 0 {
		out = append(out, EscalatedByHand)
	}
	if late := lateReason(r, now); late != "" {
		out = append(out, late)
	}
	if step, _ := WakeUpStep(r, now); step == CallGoToRoom {
		out = append(out, EscalatedNoAnswer)
	}
	if r.Complaint != nil && r.Complaint.Severity.Grave() && !r.Finished() {
		out = append(out, EscalatedGraveComplaint)
	}
	return out
}

// lateReason is the lateness rule: past the promised time (for a
// scheduled request, its due time and its kind's grace) and still open.
func lateReason(r *Request, now time.Time) EscalationReason {
	if !r.Open() || r.PromisedAt.IsZero() || !now.After(lateAfter(r)) {
		return ""
	}
	if r.Department != "" && len(r.Dispatches) == 0 {
		return EscalatedNotDispatched
	}
	return EscalatedNotDone
}

// Late reports whether an open request is past its promised time.
func Late(r *Request, now time.Time) bool { return lateReason(r, now) != "" }

// NextFollowUp is when the desk should check an open request again: the
// interval after the latest of opening (for a scheduled request, its due
// time), dispatch, follow-up and wake-up call. It is zero
// for a request that is done or cancelled. every is the set-up interval
// (zero means the default); a request's own interval wins.
func NextFollowUp(r *Request, every time.Duration) time.Time {
	if !r.Open() {
		return time.Time{}
	}
	if r.FollowEvery > 0 {
		every = r.FollowEvery
	}
	if every <= 0 {
		every = DefaultFollowUpInterval
	}
	return lastContact(r).Add(every)
}

// lastContact is the latest time the desk dealt with the request.
func lastContact(r *Request) time.Time {
	t := later(r.OpenedAt, r.DueAt)
	for _, c := range r.Calls {
		t = later(t, c.At)
	}
	if d := r.LastDispatch(); d != nil && d.At.After(t) {
		t = d.At
	}
	for _, f := range r.FollowUps {
		if f.At.After(t) {
			t = f.At
		}
	}
	return t
}

// ResponseTime is how long the guest waited for the hotel to act: until
// the first dispatch, or until the result if the desk handled it itself.
// ok is false while nothing has happened yet.
func ResponseTime(r *Request) (d time.Duration, ok bool) {
	switch {
	case len(r.Dispatches) > 0:
		return r.Dispatches[0].At.Sub(r.OpenedAt), true
	case r.Resolution != nil:
		return r.Resolution.At.Sub(r.OpenedAt), true
	}
	return 0, false
}

// CompletionTime is how long the request took until it was done.
func CompletionTime(r *Request) (d time.Duration, ok bool) {
	if r.Resolution == nil {
		return 0, false
	}
	return r.Resolution.At.Sub(r.OpenedAt), true
}
