package requests

import "time"

// A complaint carried to the end (manual 002): after it is taken, the
// hotel investigates (CCTV reviewed, accounts taken, items examined,
// photos and files attached), names the root cause, sets corrective
// actions that someone checks were done, calls the guest back, and only
// then closes it; or a supervisor closes it with a reason. Each step is
// an event on the request; the fold keeps them in Request.Case. A
// complaint taken before these steps existed has no Case and folds as
// before.

// Event types of a complaint's case.
const (
	TypeComplaintInvestigated   = "request.investigated"
	TypeComplaintAttached       = "request.attached"
	TypeComplaintCauseFound     = "request.cause_found"
	TypeComplaintActionAdded    = "request.action_added"
	TypeComplaintActionVerified = "request.action_verified"
	TypeComplaintCalledBack     = "request.called_back"
	TypeComplaintClosedBySup    = "request.closed_by_supervisor"
)

// Case is what the hotel found and did about a complaint.
type Case struct {
	Findings    []Finding          `json:"findings,omitempty"`
	Attachments []Attachment       `json:"attachments,omitempty"`
	Cause       *RootCause         `json:"cause,omitempty"`
	Actions     []CorrectiveAction `json:"actions,omitempty"`
	CallBacks   []CallBack         `json:"call_backs,omitempty"`
	Override    *Override          `json:"override,omitempty"` // closed by a supervisor
}

// FindingKind says what was checked.
type FindingKind string

// Finding kinds.
const (
	FindingCCTV    FindingKind = "cctv"    // CCTV of an area and time window reviewed
	FindingAccount FindingKind = "account" // an account taken from a department
	FindingItem    FindingKind = "item"    // an item examined
	FindingOther   FindingKind = "other"
)

// FindingKinds lists the finding kinds in the order the desk offers them.
var FindingKinds = []FindingKind{FindingCCTV, FindingAccount, FindingItem, FindingOther}

// Finding is one thing checked and what was found. Subject is the area
// or camera for CCTV, the department's code for an account, the item
// examined; Checker who reviewed the CCTV or gave the account; From and
// To the CCTV's time window.
type Finding struct {
	At      time.Time   `json:"at"`
	By      string      `json:"by"`
	Kind    FindingKind `json:"kind"`
	Subject string      `json:"subject,omitempty"`
	Checker string      `json:"checker,omitempty"`
	From    time.Time   `json:"from,omitzero"`
	To      time.Time   `json:"to,omitzero"`
	Result  string      `json:"result"`
}

// Attachment is a photo or file attached to a complaint, as the request
// keeps it: its name, type, size and digest, and the event that holds its
// bytes (ComplaintAttachment reads them), so a list of requests never
// carries them.
type Attachment struct {
	Event  string    `json:"event"`
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Name   string    `json:"name"`
	Type   string    `json:"type"` // MIME type: image/jpeg, image/png, application/pdf
	Size   int       `json:"size"`
	SHA256 string    `json:"sha256"`
}

// CauseKind is a root cause from the hotel's kept list.
type CauseKind string

// Root causes.
const (
	CauseStaffAttitude CauseKind = "staff_attitude"
	CauseProcess       CauseKind = "process"
	CauseEquipment     CauseKind = "equipment"
	CauseSupplier      CauseKind = "supplier"
	CauseMisunderstood CauseKind = "guest_misunderstanding"
	CauseOther         CauseKind = "other"
)

// CauseKinds lists the root causes in the order the desk offers them.
var CauseKinds = []CauseKind{CauseStaffAttitude, CauseProcess, CauseEquipment, CauseSupplier, CauseMisunderstood, CauseOther}

// RootCause is why the complaint happened, as found.
type RootCause struct {
	At    time.Time `json:"at"`
	By    string    `json:"by"`
	Cause CauseKind `json:"cause"`
	Note  string    `json:"note,omitempty"`
}

// CorrectiveAction is one thing a department is to do so the complaint
// does not happen again, due by Due, and the check that it was done.
type CorrectiveAction struct {
	ID         string        `json:"id"`
	At         time.Time     `json:"at"`
	By         string        `json:"by"`
	What       string        `json:"what"`
	Department string        `json:"department"`
	Due        time.Time     `json:"due"`
	Verified   *Verification `json:"verified,omitempty"`
}

// Verification is someone checking that an action was done.
type Verification struct {
	At   time.Time `json:"at"`
	By   string    `json:"by"`
	Note string    `json:"note,omitempty"`
}

// Overdue reports whether the action is past its due time and not yet
// checked as done.
func (a *CorrectiveAction) Overdue(now time.Time) bool {
	return a.Verified == nil && now.After(a.Due)
}

// CallBackChannel is how the guest was called back.
type CallBackChannel string

// Call-back channels.
const (
	CallBackPhone    CallBackChannel = "phone"
	CallBackMessage  CallBackChannel = "message"
	CallBackInPerson CallBackChannel = "in_person"
)

// CallBackChannels lists the channels in the order the desk offers them.
var CallBackChannels = []CallBackChannel{CallBackPhone, CallBackMessage, CallBackInPerson}

// CallBack is the guest called back after the fix: how, how satisfied
// (1..5), and any further wish.
type CallBack struct {
	At           time.Time       `json:"at"`
	By           string          `json:"by"`
	Channel      CallBackChannel `json:"channel"`
	Satisfaction int             `json:"satisfaction"`
	Wish         string          `json:"wish,omitempty"`
}

// Override is a supervisor closing a complaint that was not ready to
// close, with the reason.
type Override struct {
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Reason string    `json:"reason"`
}

// LastCallBack is the latest call-back, or nil.
func (c *Case) LastCallBack() *CallBack {
	if c == nil || len(c.CallBacks) == 0 {
		return nil
	}
	return &c.CallBacks[len(c.CallBacks)-1]
}

// OpenActions lists the actions not yet checked as done.
func (c *Case) OpenActions() []CorrectiveAction {
	if c == nil {
		return nil
	}
	var out []CorrectiveAction
	for _, a := range c.Actions {
		if a.Verified == nil {
			out = append(out, a)
		}
	}
	return out
}

// ComplaintInvestigated is the body of request.investigated.
type ComplaintInvestigated struct {
	At      time.Time   `json:"at"`
	Kind    FindingKind `json:"kind"`
	Subject string      `json:"subject,omitempty"`
	Checker string      `json:"checker,omitempty"`
	From    time.Time   `json:"from,omitzero"`
	To      time.Time   `json:"to,omitzero"`
	Result  string      `json:"result"`
}

// ComplaintAttached is the body of request.attached: the file's bytes
// (base64 in the JSON) with its name, type, size and SHA-256.
type ComplaintAttached struct {
	attachedHead
	Data []byte `json:"data"`
}

// attachedHead is request.attached without the bytes: what the fold
// decodes.
type attachedHead struct {
	At     time.Time `json:"at"`
	Name   string    `json:"name"`
	Type   string    `json:"type"`
	Size   int       `json:"size"`
	SHA256 string    `json:"sha256"`
}

// ComplaintCauseFound is the body of request.cause_found.
type ComplaintCauseFound struct {
	At    time.Time `json:"at"`
	Cause CauseKind `json:"cause"`
	Note  string    `json:"note,omitempty"`
}

// ComplaintActionAdded is the body of request.action_added.
type ComplaintActionAdded struct {
	At         time.Time `json:"at"`
	Action     string    `json:"action"` // the action's ID
	What       string    `json:"what"`
	Department string    `json:"department"`
	Due        time.Time `json:"due"`
}

// ComplaintActionVerified is the body of request.action_verified.
type ComplaintActionVerified struct {
	At     time.Time `json:"at"`
	Action string    `json:"action"`
	Note   string    `json:"note,omitempty"`
}

// ComplaintCalledBack is the body of request.called_back.
type ComplaintCalledBack struct {
	At           time.Time       `json:"at"`
	Channel      CallBackChannel `json:"channel"`
	Satisfaction int             `json:"satisfaction"`
	Wish         string          `json:"wish,omitempty"`
}

// ComplaintClosedBySup is the body of request.closed_by_supervisor.
type ComplaintClosedBySup struct {
	At     time.Time `json:"at"`
	Reason string    `json:"reason"`
}
