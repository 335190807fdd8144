package requests

import (
	"time"

	"floordesk/app"
	"floordesk/app/personal"
)

// Guest requests (客人需求): a service request, an inquiry or a complaint,
// tracked from the moment the guest asks until the guest confirms the result.
// This file holds the request's state and the bodies of its events; the fold
// is in fold.go, the derived rules (escalation, follow-up, timings)
// in rules.go and the commands in commands.go.

// KindRequest is the entity kind of a guest request.
const KindRequest = "request"

// Event types of a guest request.
const (
	TypeRequestOpened      = "request.opened"
	TypeRequestDispatched  = "request.dispatched"
	TypeRequestFollowedUp  = "request.followed_up"
	TypeRequestEscalated   = "request.escalated"
	TypeRequestCompensated = "request.compensated"
	TypeRequestResolved    = "request.resolved"
	TypeRequestConfirmed   = "request.confirmed"
	TypeRequestCancelled   = "request.cancelled"
)

// RequestKind says what the guest asked for.
type RequestKind string

// Request kinds.
const (
	RequestService   RequestKind = "service"   // 服务
	RequestInquiry   RequestKind = "inquiry"   // 咨询
	RequestComplaint RequestKind = "complaint" // 投诉
)

// RequestChannel says how the request reached the desk.
type RequestChannel string

// Request channels.
const (
	ChannelInPerson RequestChannel = "in_person"
	ChannelPhone    RequestChannel = "phone"
	ChannelRoom     RequestChannel = "room" // from the room (room phone, TV, app)
)

// RequestPriority orders the desk's work.
type RequestPriority string

// Request priorities.
const (
	PriorityNormal RequestPriority = "normal"
	PriorityHigh   RequestPriority = "high"
	PriorityUrgent RequestPriority = "urgent"
)

// RequestStatus is where a request stands. A request is open until the
// department (or the desk) has done it, resolved until the guest confirms,
// then closed; or cancelled.
type RequestStatus string

// Request statuses.
const (
	StatusOpen       RequestStatus = "open"
	StatusDispatched RequestStatus = "dispatched"
	StatusResolved   RequestStatus = "resolved"
	StatusClosed     RequestStatus = "closed"
	StatusCancelled  RequestStatus = "cancelled"
)

// Where is where the request is for: its room, or its public area.
func (r *Request) Where() string {
	if r.Room != "" {
		return r.Room
	}
	return r.Area
}

// Request is the folded state of one guest request.
type Request struct {
	app.Meta    `json:"meta"`
	ID          string          `json:"id"`
	Desk        string          `json:"desk"`
	Room        string          `json:"room"`
	Area        string          `json:"area,omitempty"` // a public area, when Room is ""
	Guest       string          `json:"guest,omitempty"`
	Contact     string          `json:"contact,omitempty"` // a guest not in a room: how to reach them
	Channel     RequestChannel  `json:"channel"`
	Kind        RequestKind     `json:"kind"`
	Topic       string          `json:"topic,omitempty"` // from the hotel's call topics (topics.go)
	Description string          `json:"description"`
	Department  string          `json:"department,omitempty"` // "" = the desk handles it
	Priority    RequestPriority `json:"priority"`
	Status      RequestStatus   `json:"status"`
	OpenedAt    time.Time       `json:"opened_at"`
	OpenedBy    string          `json:"opened_by"`
	PromisedAt  time.Time       `json:"promised_at,omitzero"`
	FollowEvery time.Duration   `json:"follow_every,omitempty"`
	DueAt       time.Time       `json:"due_at,omitzero"`  // zero: due at once (see schedule.go)
	Series      *Series         `json:"series,omitempty"` // the occurrence of a recurring request
	Calls       []CallAttempt   `json:"calls,omitempty"`  // wake-up calls made

	Complaint    *Complaint     `json:"complaint,omitempty"`
	Dispatches   []Dispatch     `json:"dispatches,omitempty"`
	FollowUps    []FollowUp     `json:"follow_ups,omitempty"`
	Escalations  []Escalation   `json:"escalations,omitempty"`
	Resolution   *Resolution    `json:"resolution,omitempty"`
	Confirmation *Confirmation  `json:"confirmation,omitempty"`
	Cancellation *Cancellation  `json:"cancellation,omitempty"`
	Touched      time.Time      `json:"touched"`
	Compensation []Compensation `json:"compensation,omitempty"`
	Case         *Case          `json:"case,omitempty"` // a complaint's investigation to close (complaint_case.go)
	// Personal is the guest's name's and contact's key, and their removal.
	Personal personal.State `json:"personal,omitzero"`
}

// Dispatch records that a department was notified.
type Dispatch struct {
	At         time.Time `json:"at"`
	By         string    `json:"by"`
	Department string    `json:"department"`
	Notified   string    `json:"notified"`    // the person told
	NotifiedAt time.Time `json:"notified_at"` // when they were told
	PromisedAt time.Time `json:"promised_at,omitzero"`
}

// FollowUp is one check with the department, logged by the desk.
type FollowUp struct {
	At   time.Time `json:"at"`
	By   string    `json:"by"`
	Note string    `json:"note"`
}

// Escalation is a person escalating by hand (rule-based escalation is
// derived, see Escalated).
type Escalation struct {
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	To     string    `json:"to,omitempty"`
	Reason string    `json:"reason"`
}

// Resolution is the department (or desk) reporting the request done.
type Resolution struct {
	At         time.Time `json:"at"`
	By         string    `json:"by"`
	Department string    `json:"department,omitempty"`
	Result     string    `json:"result"`
}

// Confirmation is the result confirmed with the guest (for a complaint, the
// call-back).
type Confirmation struct {
	At           time.Time `json:"at"`
	By           string    `json:"by"`
	Satisfaction int       `json:"satisfaction"` // 1..5
	Comment      string    `json:"comment,omitempty"`
}

// Cancellation closes a request that will not be done.
type Cancellation struct {
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Reason string    `json:"reason"`
}

// Open reports whether the request still needs work from the hotel
// (not yet done, not cancelled).
func (r *Request) Open() bool {
	return r.Status == StatusOpen || r.Status == StatusDispatched
}

// Finished reports whether nothing more is expected: confirmed or cancelled.
func (r *Request) Finished() bool {
	return r.Status == StatusClosed || r.Status == StatusCancelled
}

// LastDispatch is the latest dispatch, or nil.
func (r *Request) LastDispatch() *Dispatch {
	if len(r.Dispatches) == 0 {
		return nil
	}
	return &r.Dispatches[len(r.Dispatches)-1]
}

// RequestOpened is the body of request.opened.
type RequestOpened struct {
	At          time.Time       `json:"at"`
	Desk        string          `json:"desk"`
	Room        string          `json:"room"`
	Area        string          `json:"area,omitempty"`
	Guest       string          `json:"guest,omitempty"`
	Contact     string          `json:"contact,omitempty"`
	Channel     RequestChannel  `json:"channel"`
	Kind        RequestKind     `json:"kind"`
	Topic       string          `json:"topic,omitempty"`
	Description string          `json:"description"`
	Department  string          `json:"department,omitempty"`
	Priority    RequestPriority `json:"priority"`
	PromisedAt  time.Time       `json:"promised_at,omitzero"`
	FollowEvery time.Duration   `json:"follow_every,omitempty"`
	Complaint   *Complaint      `json:"complaint,omitempty"`
}

// RequestDispatched is the body of request.dispatched.
type RequestDispatched struct {
	At         time.Time `json:"at"`
	Department string    `json:"department"`
	Notified   string    `json:"notified"`
	NotifiedAt time.Time `json:"notified_at,omitzero"`
	PromisedAt time.Time `json:"promised_at,omitzero"`
}

// RequestFollowedUp is the body of request.followed_up.
type RequestFollowedUp struct {
	At   time.Time `json:"at"`
	Note string    `json:"note"`
}

// RequestEscalated is the body of request.escalated.
type RequestEscalated struct {
	At     time.Time `json:"at"`
	To     string    `json:"to,omitempty"`
	Reason string    `json:"reason"`
}

// RequestResolved is the body of request.resolved.
type RequestResolved struct {
	At         time.Time `json:"at"`
	Department string    `json:"department,omitempty"`
	Result     string    `json:"result"`
}

// RequestConfirmed is the body of request.confirmed.
type RequestConfirmed struct {
	At           time.Time `json:"at"`
	Satisfaction int       `json:"satisfaction"`
	Comment      string    `json:"comment,omitempty"`
}

// RequestCancelled is the body of request.cancelled.
type RequestCancelled struct {
	At     time.Time `json:"at"`
	Reason string    `json:"reason"`
}

// HandoverRequest is an unfinished guest request: still open, or done
// and waiting to be confirmed with the guest; or, with Scheduled, one not
// yet due that falls due in the next shift (not open work).
type HandoverRequest struct {
	ID           string        `json:"id"`
	Room         string        `json:"room"`
	Kind         RequestKind   `json:"kind"`
	Description  string        `json:"description"`
	Status       RequestStatus `json:"status"`
	Department   string        `json:"department,omitempty"`
	PromisedAt   time.Time     `json:"promised_at,omitzero"`
	NextFollowUp time.Time     `json:"next_follow_up,omitzero"`
	Escalated    bool          `json:"escalated,omitempty"`
	DueAt        time.Time     `json:"due_at,omitzero"`
	Scheduled    bool          `json:"scheduled,omitempty"`
}
