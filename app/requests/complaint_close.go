package requests

import (
	"errors"
	"strings"

	"floordesk/app"
)

// Follow-up care and closing: the guest called back (how, how satisfied,
// any further wish), and the complaint closed only when every corrective
// action is checked as done and the guest has been called back; or a
// supervisor closes it with a reason.

// Limits of a call-back and a supervisor's close.
const (
	MaxWishRunes   = 500
	MaxReasonRunes = 300
)

// CallBackInput is a call-back to the guest.
type CallBackInput struct {
	Channel      CallBackChannel
	Satisfaction int // 1..5
	Wish         string
}

// CallBack records that the guest was called back about the complaint:
// by phone, message or in person, with their satisfaction (1 to 5) and
// any further wish. It does not close the complaint (CloseComplaint does).
func (s *RequestRegister) CallBack(actorID, id string, in CallBackInput) (Request, error) {
	in.Wish = strings.TrimSpace(in.Wish)
	if err := app.FirstErr(
		enumField("channel", in.Channel, CallBackChannels),
		app.Between("satisfaction", in.Satisfaction, 1, 5), app.MaxLen("wish", in.Wish, MaxWishRunes),
	); err != nil {
		return Request{}, err
	}
	body := ComplaintCalledBack{At: s.Now(), Channel: in.Channel, Satisfaction: in.Satisfaction, Wish: in.Wish}
	return s.caseCommand(actorID, id, app.RoleAttendant, noCheck, TypeComplaintCalledBack, body)
}

// CloseComplaint closes a complaint with the guest's last call-back as its
// confirmation (request.confirmed, as any request's). Refused, with every
// missing step named, until the department's result is recorded, every
// corrective action is checked as done and the guest has been called back.
func (s *RequestRegister) CloseComplaint(actorID, id string) (Request, error) {
	ready := func(r *Request) error {
		if err := requireCaseOpen(r); err != nil {
			return err
		}
		return readyToClose(r)
	}
	confirmation := func(r *Request) any {
		cb := r.Case.LastCallBack()
		return RequestConfirmed{At: s.Now(), Satisfaction: cb.Satisfaction, Comment: cb.Wish}
	}
	return s.requestStep(actorID, id, app.RoleAttendant, ready, TypeRequestConfirmed, confirmation)
}

// requireConfirmable is ConfirmRequest's check: resolved, and for a
// complaint, ready to close.
func requireConfirmable(r *Request) error {
	if err := requireResolved(r); err != nil {
		return err
	}
	if r.Kind == RequestComplaint {
		return readyToClose(r)
	}
	return nil
}

// readyToClose names every step a complaint lacks before it can close:
// the result, the corrective actions not checked, the call-back.
func readyToClose(r *Request) error {
	var missing []error
	if r.Status != StatusResolved {
		missing = append(missing, app.Conflicting("request.not_resolved", "request", r.ID, "room", r.Where()))
	}
	if open := caseOf(r).OpenActions(); len(open) > 0 {
		names := make([]string, len(open))
		for i, a := range open {
			names[i] = a.What
		}
		missing = append(missing, app.Conflicting("complaint.actions_open", "room", r.Where(), "actions", strings.Join(names, "; ")))
	}
	if caseOf(r).LastCallBack() == nil {
		missing = append(missing, app.Conflicting("complaint.no_call_back", "room", r.Where()))
	}
	return errors.Join(missing...)
}

// CloseBySupervisor closes a complaint that is not ready to close (see
// CloseComplaint), with the reason; supervisors only.
func (s *RequestRegister) CloseBySupervisor(actorID, id, reason string) (Request, error) {
	reason = strings.TrimSpace(reason)
	if err := app.FirstErr(app.Required("reason", reason), app.MaxLen("reason", reason, MaxReasonRunes)); err != nil {
		return Request{}, err
	}
	body := ComplaintClosedBySup{At: s.Now(), Reason: reason}
	return s.caseCommand(actorID, id, app.RoleSupervisor, noCheck, TypeComplaintClosedBySup, body)
}
