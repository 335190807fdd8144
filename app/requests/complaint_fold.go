package requests

import (
	"floordesk/app"
	"floordesk/data/wire"
)

// applyCase folds the events of a complaint's case into r.Case; other
// types leave r unchanged. Findings, attachments, actions, checks and
// call-backs made at two desks add up; the later root cause wins.
func applyCase(r *Request, ev wire.Event) error {
	apply, ok := caseAppliers[ev.Type]
	if !ok {
		return nil
	}
	if r.Case == nil {
		r.Case = &Case{}
	}
	return apply(r, ev)
}

var caseAppliers = map[string]func(*Request, wire.Event) error{
	TypeComplaintInvestigated:   applyInvestigated,
	TypeComplaintAttached:       applyAttached,
	TypeComplaintCauseFound:     applyCauseFound,
	TypeComplaintActionAdded:    applyActionAdded,
	TypeComplaintActionVerified: applyActionVerified,
	TypeComplaintCalledBack:     applyCalledBack,
	TypeComplaintClosedBySup:    applyClosedBySup,
}

func init() {
	for typ := range caseAppliers {
		if typ != TypeComplaintClosedBySup {
			requestCommutes[typ] = true
		}
	}
}

func applyInvestigated(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[ComplaintInvestigated](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.Case.Findings = append(r.Case.Findings, Finding{At: at, By: ev.Actor, Kind: b.Kind,
		Subject: b.Subject, Checker: b.Checker, From: b.From, To: b.To, Result: b.Result})
	r.touch(at)
	return nil
}

// applyAttached keeps the attachment's description, never its bytes.
func applyAttached(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[attachedHead](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.Case.Attachments = append(r.Case.Attachments, Attachment{Event: ev.ID, At: at, By: ev.Actor,
		Name: b.Name, Type: b.Type, Size: b.Size, SHA256: b.SHA256})
	r.touch(at)
	return nil
}

func applyCauseFound(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[ComplaintCauseFound](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.Case.Cause = &RootCause{At: at, By: ev.Actor, Cause: b.Cause, Note: b.Note}
	r.touch(at)
	return nil
}

func applyActionAdded(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[ComplaintActionAdded](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.Case.Actions = append(r.Case.Actions, CorrectiveAction{ID: b.Action, At: at, By: ev.Actor,
		What: b.What, Department: b.Department, Due: b.Due})
	r.touch(at)
	return nil
}

// applyActionVerified marks the action done; the first check stands.
func applyActionVerified(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[ComplaintActionVerified](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	for i := range r.Case.Actions {
		if a := &r.Case.Actions[i]; a.ID == b.Action && a.Verified == nil {
			a.Verified = &Verification{At: at, By: ev.Actor, Note: b.Note}
		}
	}
	r.touch(at)
	return nil
}

func applyCalledBack(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[ComplaintCalledBack](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.Case.CallBacks = append(r.Case.CallBacks, CallBack{At: at, By: ev.Actor, Channel: b.Channel,
		Satisfaction: b.Satisfaction, Wish: b.Wish})
	r.touch(at)
	return nil
}

// applyClosedBySup closes the complaint as a supervisor decided.
func applyClosedBySup(r *Request, ev wire.Event) error {
	b, err := app.DecodeBody[ComplaintClosedBySup](ev)
	if err != nil {
		return err
	}
	at := app.ActionTime(b.At, ev)
	r.Case.Override = &Override{At: at, By: ev.Actor, Reason: b.Reason}
	r.Status = StatusClosed
	r.touch(at)
	return nil
}
