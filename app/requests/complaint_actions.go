package requests

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"floordesk/app"
)

// The root cause of a complaint and the corrective actions that keep it
// from happening again, each checked as done by someone.

// Limits of a cause and its actions.
const (
	MaxCauseNoteRunes  = 500
	MaxActions         = 20 // corrective actions on one complaint
	MaxActionRunes     = 300
	MaxVerifyNoteRunes = 300
	MaxActionDays      = 366 // how far ahead an action may be due
)

// FindCause records the complaint's root cause from the kept list, with a
// note (required for "other"). A later cause replaces it.
func (s *RequestRegister) FindCause(actorID, id string, cause CauseKind, note string) (Request, error) {
	note = strings.TrimSpace(note)
	if err := checkCause(cause, note); err != nil {
		return Request{}, err
	}
	body := ComplaintCauseFound{At: s.Now(), Cause: cause, Note: note}
	return s.caseCommand(actorID, id, app.RoleAttendant, noCheck, TypeComplaintCauseFound, body)
}

func checkCause(cause CauseKind, note string) error {
	errs := []error{enumField("cause", cause, CauseKinds), app.MaxLen("note", note, MaxCauseNoteRunes)}
	if cause == CauseOther {
		errs = append(errs, app.Required("note", note))
	}
	return app.FirstErr(errs...)
}

func noCheck(*Request) error { return nil }

// ActionInput is a corrective action to set: what, by which department,
// due when.
type ActionInput struct {
	What       string
	Department string
	Due        time.Time
}

// AddAction sets a corrective action on a complaint, owned by a
// department of the hotel and due after now (within MaxActionDays).
// Refused beyond MaxActions.
func (s *RequestRegister) AddAction(actorID, id string, in ActionInput) (Request, error) {
	now := s.Now()
	in.What, in.Department = strings.TrimSpace(in.What), strings.TrimSpace(in.Department)
	if err := app.FirstErr(
		app.Required("what", in.What), app.MaxLen("what", in.What, MaxActionRunes),
		s.checkRequestDepartment("department", in.Department, true), checkDue(in.Due, now, s.ClockText(now)),
	); err != nil {
		return Request{}, err
	}
	body := ComplaintActionAdded{At: now, Action: s.NewID(), What: in.What, Department: in.Department, Due: in.Due.UTC()}
	return s.caseCommand(actorID, id, app.RoleAttendant, actionsFull, TypeComplaintActionAdded, body)
}

func checkDue(due, now time.Time, nowText string) error {
	if due.IsZero() {
		return app.Required("due", "")
	}
	if err := app.After("due", due, now, nowText); err != nil {
		return err
	}
	if due.After(now.AddDate(0, 0, MaxActionDays)) {
		return app.Invalid("due", "complaint.due_far", "days", strconv.Itoa(MaxActionDays))
	}
	return nil
}

func actionsFull(r *Request) error {
	if r.Case != nil && len(r.Case.Actions) >= MaxActions {
		return app.Conflicting("complaint.too_many_actions", "room", r.Where(), "max", strconv.Itoa(MaxActions))
	}
	return nil
}

// VerifyAction records that someone checked a corrective action was done:
// the actor and the time are kept with it. Refused for an action the
// complaint does not have or one already checked.
func (s *RequestRegister) VerifyAction(actorID, id, actionID, note string) (Request, error) {
	note = strings.TrimSpace(note)
	if err := app.MaxLen("note", note, MaxVerifyNoteRunes); err != nil {
		return Request{}, err
	}
	body := ComplaintActionVerified{At: s.Now(), Action: actionID, Note: note}
	return s.caseCommand(actorID, id, app.RoleAttendant, func(r *Request) error { return actionToVerify(r, actionID) },
		TypeComplaintActionVerified, body)
}

func actionToVerify(r *Request, actionID string) error {
	for _, a := range caseOf(r).Actions {
		if a.ID != actionID {
			continue
		}
		if a.Verified != nil {
			return app.Conflicting("complaint.action_checked", "room", r.Where(), "action", a.What)
		}
		return nil
	}
	return app.NotFound("action", actionID)
}

// caseOf is r's case, empty when it has none.
func caseOf(r *Request) *Case {
	if r.Case == nil {
		return &Case{}
	}
	return r.Case
}

// ActionDue is a corrective action not yet checked, with its complaint.
type ActionDue struct {
	CorrectiveAction
	Request     string            `json:"request"`
	Where       string            `json:"where"`
	Description string            `json:"description"`
	Severity    ComplaintSeverity `json:"severity"`
}

// ActionsDue lists the corrective actions not yet checked on complaints
// not yet closed, at every desk, the soonest due first: the supervisor's.
// Overdue picks those past due at a moment.
func (s *RequestRegister) ActionsDue() ([]ActionDue, error) {
	rs, err := app.ScanViews(s.Service, KindRequest, unfinished, func(r *Request) bool {
		return r.Kind == RequestComplaint && len(r.Case.OpenActions()) > 0
	})
	var out []ActionDue
	for _, r := range rs {
		for _, a := range r.Case.OpenActions() {
			sev := ComplaintSeverity("")
			if r.Complaint != nil {
				sev = r.Complaint.Severity
			}
			out = append(out, ActionDue{CorrectiveAction: a, Request: r.ID, Where: r.Where(), Description: r.Description, Severity: sev})
		}
	}
	slices.SortFunc(out, func(a, b ActionDue) int { return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.ID, b.ID)) })
	return out, err
}

// Overdue keeps the actions past due at now, in their order.
func Overdue(actions []ActionDue, now time.Time) []ActionDue {
	return slices.DeleteFunc(slices.Clone(actions), func(a ActionDue) bool { return !a.Overdue(now) })
}
