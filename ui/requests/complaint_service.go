package requests

import (
	"time"

	apprequests "floordesk/app/requests"
)

// ComplaintService is what the screens need of a complaint's case, its
// repeats and the duty manager's log.
type ComplaintService interface {
	Investigate(actorID, id string, in apprequests.FindingInput) (apprequests.Request, error)
	Attach(actorID, id string, in apprequests.AttachInput) (apprequests.Request, error)
	ComplaintAttachment(id, eventID string) (apprequests.AttachmentFile, error)
	FindCause(actorID, id string, cause apprequests.CauseKind, note string) (apprequests.Request, error)
	AddAction(actorID, id string, in apprequests.ActionInput) (apprequests.Request, error)
	VerifyAction(actorID, id, actionID, note string) (apprequests.Request, error)
	CallBack(actorID, id string, in apprequests.CallBackInput) (apprequests.Request, error)
	CloseComplaint(actorID, id string) (apprequests.Request, error)
	CloseBySupervisor(actorID, id, reason string) (apprequests.Request, error)
	ActionsDue() ([]apprequests.ActionDue, error)
	ComplaintRepeats(r *apprequests.Request) (apprequests.Repeats, error)
	RepeatsOf(rows []apprequests.RequestRow) (map[string]apprequests.RepeatCount, error)
	ComplaintLog(now time.Time) ([]apprequests.LogEntry, error)
}
