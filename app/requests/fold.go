package requests

import (
	"time"

	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data/wire"
)

// applyRequest folds one event into a request. It never refuses an event
// that does not fit (a desk that was offline may have resolved a request
// another desk cancelled): it records it, and requestClash marks the
// request in conflict. Unknown types leave the request unchanged.
func applyRequest(r *Request, ev wire.Event) error {
	switch ev.Type {
	case TypeRequestOpened:
		return applyRequestOpened(r, ev)
	case TypeRequestDispatched:
		return applyRequestDispatched(r, ev)
	case TypeRequestFollowedUp:
		return applyRequestFollowedUp(r, ev)
	case TypeRequestEscalated:
		return applyRequestEscalated(r, ev)
	case TypeRequestCompensated:
		return applyRequestCompensated(r, ev)
	case TypeRequestResolved:
		return applyRequestResolved(r, ev)
	case TypeRequestConfirmed:
		return applyRequestConfirmed(r, ev)
	case TypeRequestCancelled:
		return applyRequestCancelled(r, ev)
	case TypeRequestScheduled:
		return applyRequestScheduled(r, ev)
	case TypeRequestCalled:
		return applyRequestCalled(r, ev)
	case personal.TypePurged:
		return purgeRequest(r, ev)
	}
	return applyCase(r, ev)
}

func applyRequestOpened(r *Request, ev wire.Event) error {
	b, o, err := personal.DecodeBody[RequestOpened](ev)
	if err != nil {
		return err
	}
	r.Personal.Note(o)
	openRequest(r, ev, b)
	return nil
}

// openRequest sets what opening a request says, by either event that
// opens one.
func openRequest(r *Request, ev wire.Event, b RequestOpened) {
	at := app.ActionTime(b.At, ev)
	r.ID, r.Desk, r.Room, r.Guest = ev.Entity.ID, b.Desk, b.Room, b.Guest
	r.Area, r.Contact = b.Area, b.Contact
	r.Channel, r.Kind, r.Description, r.Topic = b.Channel, b.Kind, b.Description, b.Topic
	r.Department, r.Priority, r.Complaint = b.Department, b.Priority, b.Complaint
	r.OpenedAt, r.OpenedBy, r.FollowEvery = at, ev.Actor, b.FollowEvery
	if r.PromisedAt.IsZero() {
		r.PromisedAt = b.PromisedAt
	}
	if r.Status == "" {
		r.Status = StatusOpen
	}
	r.touch(at)
}

func applyRequestDispatched(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[RequestDispatched](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	d := Dispatch{At: at, By: ev.Actor, Department: b.Department,
		Notified: b.Notified, NotifiedAt: b.NotifiedAt, PromisedAt: b.PromisedAt}
	if d.NotifiedAt.IsZero() {
		d.NotifiedAt = at
	}
	r.Dispatches = append(r.Dispatches, d)
	r.Department = b.Department
	if !b.PromisedAt.IsZero() {
		r.PromisedAt = b.PromisedAt
	}
	if r.Open() {
		r.Status = StatusDispatched
	}
	r.touch(at)
	return nil
}

// Follow-ups, manual escalations and compensation commute: they never
// conflict with anything.
func applyRequestFollowedUp(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[RequestFollowedUp](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.FollowUps = append(r.FollowUps, FollowUp{At: at, By: ev.Actor, Note: b.Note})
	r.touch(at)
	return nil
}

func applyRequestEscalated(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[RequestEscalated](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.Escalations = append(r.Escalations, Escalation{At: at, By: ev.Actor, To: b.To, Reason: b.Reason})
	r.touch(at)
	return nil
}

func applyRequestCompensated(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[RequestCompensated](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.Compensation = append(r.Compensation, Compensation{At: at, By: ev.Actor, Given: b.Given, Amount: b.Amount})
	r.touch(at)
	return nil
}

func applyRequestResolved(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[RequestResolved](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	dept := b.Department
	if dept == "" {
		dept = r.Department
	}
	r.Resolution = &Resolution{At: at, By: ev.Actor, Department: dept, Result: b.Result}
	if r.Status != StatusClosed {
		r.Status = StatusResolved
	}
	r.touch(at)
	return nil
}

func applyRequestConfirmed(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[RequestConfirmed](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.Confirmation = &Confirmation{At: at, By: ev.Actor, Satisfaction: b.Satisfaction, Comment: b.Comment}
	r.Status = StatusClosed
	r.touch(at)
	return nil
}

func applyRequestCancelled(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[RequestCancelled](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.Cancellation = &Cancellation{At: at, By: ev.Actor, Reason: b.Reason}
	r.Status = StatusCancelled
	r.touch(at)
	return nil
}

func (r *Request) touch(at time.Time) {
	if at.After(r.Touched) {
		r.Touched = at
	}
}

func init() {
	app.IndexStatus(KindRequest, func(r *Request) string { return string(r.Status) })
	app.RegisterIndex(KindRequest, openedIndex)
	app.RegisterKind(KindRequest, app.FoldWith[Request](applyRequest, requestClash))
}

// requestCommutes lists event types that never clash: follow-up notes,
// escalations and compensation made at two desks simply add up.
var requestCommutes = map[string]bool{
	TypeRequestFollowedUp:  true,
	TypeRequestEscalated:   true,
	TypeRequestCompensated: true,
}

// requestClash decides whether ev clashes with an earlier event its author
// had not seen: a request cancelled at one desk and acted on at another, two
// different call-backs, or a dispatch to two different departments.
func requestClash(r *Request, earlier app.Step, ev wire.Event) (string, map[string]string) {
	if requestCommutes[ev.Type] || requestCommutes[earlier.Type] {
		return "", nil
	}
	params := map[string]string{"room": r.Room, "request": r.ID}
	switch a, b := earlier.Type, ev.Type; {
	case a == b && a == TypeRequestCancelled:
		return "", nil
	case a == TypeRequestCancelled || b == TypeRequestCancelled:
		return "request.cancel_clash", params
	case a == b && a == TypeRequestConfirmed:
		return "request.confirmed_twice", params
	case a == b && a == TypeRequestDispatched:
		return dispatchClash(r, ev, params)
	}
	return "", nil
}

// dispatchClash: two desks dispatching to the same department agree; to two
// departments they do not.
func dispatchClash(r *Request, ev wire.Event, params map[string]string) (string, map[string]string) {
	b, err := app.DecodeBody[RequestDispatched](ev)
	if err != nil || len(r.Dispatches) == 0 {
		return "", nil
	}
	prev := r.Dispatches[len(r.Dispatches)-1].Department
	if prev == b.Department {
		return "", nil
	}
	params["department"], params["other"] = prev, b.Department
	return "request.dispatched_twice", params
}
