package requests

import (
	"strings"
	"time"

	"floordesk/app"
)

// NewRequest is the input for opening a guest request. Zero Channel means
// in person, zero Priority normal, zero PromisedAt the default promise for
// the priority (see DefaultPromise), or the due time when DueAt is set.
// Complaint is required for, and only for, a complaint. DueAt schedules
// the request (required for a wake-up call); RepeatUntil repeats it daily
// at the same time through that day (see schedule.go).
type NewRequest struct {
	Room        string
	Area        string // a public area (Service.HotelAreas) instead of a room
	Guest       string
	Contact     string // how to reach a guest not in a room: a phone number
	Channel     RequestChannel
	Kind        RequestKind
	Topic       string // one of the hotel's call topics, or "" (topics.go)
	Description string
	Department  string // "" = the desk handles it itself
	Priority    RequestPriority
	PromisedAt  time.Time
	FollowEvery time.Duration // 0 = the hotel's follow-up interval
	Complaint   *Complaint
	DueAt       time.Time // zero: due at once
	RepeatUntil time.Time // zero: once
}

// DispatchInput is the input for dispatching a request to a department.
// Zero NotifiedAt means now; zero PromisedAt keeps the promise given.
type DispatchInput struct {
	Department string
	Notified   string
	NotifiedAt time.Time
	PromisedAt time.Time
}

// OpenRequest records a guest's request, inquiry or complaint at this desk.
// Refusals: ErrInvalid naming the field (room not in the set-up, unknown
// department, bad kind or complaint fields, promised time in the past);
// ErrForbidden for an unknown or disabled actor. A request with a due
// time is refused beyond the limits of checkSchedule.
func (s *RequestRegister) OpenRequest(actorID string, in NewRequest) (Request, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, app.RoleAttendant)
	if err != nil {
		return Request{}, err
	}
	now := s.Now()
	in = requestDefaults(in, now)
	in.Room = s.ListedRoom(in.Room)
	if err := s.checkNewRequest(in, now); err != nil {
		return Request{}, err
	}
	if !in.DueAt.IsZero() {
		return s.scheduleRequest(actor, in, now)
	}
	return s.openSealed(actor, s.NewID(), s.openedBody(in, now))
}

func (s *RequestRegister) openedBody(in NewRequest, now time.Time) RequestOpened {
	return RequestOpened{
		At: now, Desk: s.Desk(), Room: in.Room, Area: in.Area, Guest: in.Guest, Contact: in.Contact,
		Channel: in.Channel, Kind: in.Kind, Topic: in.Topic, Description: in.Description,
		Department: in.Department, Priority: in.Priority, PromisedAt: in.PromisedAt.UTC(),
		FollowEvery: in.FollowEvery, Complaint: in.Complaint,
	}
}

func requestDefaults(in NewRequest, now time.Time) NewRequest {
	in.Room, in.Guest = strings.TrimSpace(in.Room), strings.TrimSpace(in.Guest)
	in.Area, in.Contact, in.Topic = strings.TrimSpace(in.Area), strings.TrimSpace(in.Contact), strings.TrimSpace(in.Topic)
	in.Description, in.Department = strings.TrimSpace(in.Description), strings.TrimSpace(in.Department)
	if in.Channel == "" {
		in.Channel = ChannelInPerson
	}
	if in.Priority == "" {
		in.Priority = PriorityNormal
	}
	if in.PromisedAt.IsZero() && in.DueAt.IsZero() {
		in.PromisedAt = DefaultPromise(in.Priority, now)
	}
	if in.Complaint != nil && in.Complaint.Responsible == "" {
		c := *in.Complaint
		c.Responsible = in.Department
		in.Complaint = &c
	}
	return in
}

func (s *RequestRegister) checkNewRequest(in NewRequest, now time.Time) error {
	if err := app.FirstErr(
		checkWhere(in), app.MaxLen("guest", in.Guest, 60), app.MaxLen("contact", in.Contact, MaxContactRunes),
		app.Required("description", in.Description), app.MaxLen("description", in.Description, 500),
		app.Choice("kind", string(in.Kind), "service", "inquiry", "complaint", "wake_up"),
		app.Choice("channel", string(in.Channel), "in_person", "phone", "room"),
		app.Choice("priority", string(in.Priority), "normal", "high", "urgent"),
		s.checkSchedule(in, now), s.checkPromised(in, now),
		checkFollowEvery(in.FollowEvery), checkComplaintInput(in),
	); err != nil {
		return err
	}
	return app.FirstErr(s.checkPlace(in), s.checkRequestDepartment("department", in.Department, false),
		s.CheckTopic("topic", in.Topic))
}

// MaxContactRunes bounds a guest's contact details (a phone number, a
// name card's line).
const MaxContactRunes = 60

// checkWhere: a request is for a room or for a public area, not both; a
// wake-up call is for a room.
func checkWhere(in NewRequest) error {
	switch {
	case in.Room != "" && in.Area != "":
		return app.Invalid("area", "request.room_or_area")
	case in.Room == "" && in.Area == "" || in.Kind == RequestWakeUp && in.Room == "":
		return app.Required("room", "")
	}
	return nil
}

// checkPlace checks the room against the room list, or the area against
// the hotel's areas.
func (s *RequestRegister) checkPlace(in NewRequest) error {
	if in.Area != "" {
		return s.CheckArea("area", in.Area)
	}
	return s.CheckRoom("room", in.Room)
}

// checkPromised: a promise is after now; a scheduled request's, when
// given, is checked against its due time by checkSchedule.
func (s *RequestRegister) checkPromised(in NewRequest, now time.Time) error {
	if !in.DueAt.IsZero() {
		return nil
	}
	return app.After("promised_at", in.PromisedAt, now, s.ClockText(now))
}

func checkFollowEvery(d time.Duration) error {
	if d != 0 && (d < time.Minute || d > 24*time.Hour) {
		return app.Invalid("follow_every", "field.bad_number", "min", "1", "max", "1440")
	}
	return nil
}

func checkComplaintInput(in NewRequest) error {
	if in.Kind != RequestComplaint {
		if in.Complaint != nil {
			return app.Invalid("complaint", "request.complaint_only")
		}
		return nil
	}
	if in.Complaint == nil {
		return app.Invalid("complaint.category", "field.required")
	}
	return checkComplaint(in.Complaint)
}

// DispatchRequest records that a department was told about an open request:
// who was notified, when, and the time promised to the guest. Dispatching
// again (to the same or another department) is allowed while it is open.
func (s *RequestRegister) DispatchRequest(actorID, id string, in DispatchInput) (Request, error) {
	now := s.Now()
	in.Department, in.Notified = strings.TrimSpace(in.Department), strings.TrimSpace(in.Notified)
	if err := app.FirstErr(
		app.Required("notified", in.Notified), app.MaxLen("notified", in.Notified, 60),
		s.checkRequestDepartment("department", in.Department, true),
		checkPromise(in.PromisedAt, now, s.ClockText(now)),
	); err != nil {
		return Request{}, err
	}
	body := RequestDispatched{At: now, Department: in.Department, Notified: in.Notified,
		NotifiedAt: orNow(in.NotifiedAt, now), PromisedAt: in.PromisedAt.UTC()}
	return s.requestCommand(actorID, id, requireOpen, TypeRequestDispatched, body)
}

func checkPromise(t, now time.Time, nowText string) error {
	if t.IsZero() {
		return nil
	}
	return app.After("promised_at", t, now, nowText)
}

func orNow(t, now time.Time) time.Time {
	if t.IsZero() {
		return now
	}
	return t.UTC()
}

// FollowUpRequest logs one check with the department. Follow-ups made at two
// desks at once simply add up.
func (s *RequestRegister) FollowUpRequest(actorID, id, note string) (Request, error) {
	note = strings.TrimSpace(note)
	if err := app.FirstErr(app.Required("note", note), app.MaxLen("note", note, 500)); err != nil {
		return Request{}, err
	}
	body := RequestFollowedUp{At: s.Now(), Note: note}
	return s.requestCommand(actorID, id, requireOpen, TypeRequestFollowedUp, body)
}

// EscalateRequest escalates an open request by hand to a supervisor, by
// staff ID (to may be empty: the supervisors on duty).
func (s *RequestRegister) EscalateRequest(actorID, id, to, reason string) (Request, error) {
	reason, to = strings.TrimSpace(reason), strings.TrimSpace(to)
	if err := app.FirstErr(app.Required("reason", reason), app.MaxLen("reason", reason, 300), s.checkEscalateTo(to)); err != nil {
		return Request{}, err
	}
	body := RequestEscalated{At: s.Now(), To: to, Reason: reason}
	return s.requestCommand(actorID, id, requireOpen, TypeRequestEscalated, body)
}

// checkEscalateTo accepts "" or an active supervisor.
func (s *RequestRegister) checkEscalateTo(to string) error {
	if to == "" {
		return nil
	}
	st, err := app.LoadView[app.Staff](s.Service, app.KindStaff, to)
	if err == nil && st.Role == app.RoleSupervisor && !st.Disabled {
		return nil
	}
	return app.Invalid("to", "request.escalate_to", "staff", to)
}

// CompensateComplaint records the apology or compensation given to a
// complaining guest; amount is in cents. Refused for a request that is not
// a complaint, or that was cancelled.
func (s *RequestRegister) CompensateComplaint(actorID, id, given string, amount int64) (Request, error) {
	given = strings.TrimSpace(given)
	if err := app.FirstErr(app.Required("given", given), app.MaxLen("given", given, 300), app.NonNegative("amount", amount, "request.amount_negative")); err != nil {
		return Request{}, err
	}
	body := RequestCompensated{At: s.Now(), Given: given, Amount: amount}
	return s.requestCommand(actorID, id, requireComplaint, TypeRequestCompensated, body)
}

// ResolveRequest records that the department (or the desk) has done the
// request. department "" means the request's own department.
func (s *RequestRegister) ResolveRequest(actorID, id, department, result string) (Request, error) {
	result, department = strings.TrimSpace(result), strings.TrimSpace(department)
	if err := app.FirstErr(
		app.Required("result", result), app.MaxLen("result", result, 500),
		s.checkRequestDepartment("department", department, false),
	); err != nil {
		return Request{}, err
	}
	body := RequestResolved{At: s.Now(), Department: department, Result: result}
	return s.requestCommand(actorID, id, requireOpen, TypeRequestResolved, body)
}

// ConfirmRequest records the result confirmed with the guest (for a
// complaint, the call-back) with a satisfaction from 1 to 5, and closes the
// request. Refused until the request is resolved; a complaint, until it
// is ready to close (see CloseComplaint).
func (s *RequestRegister) ConfirmRequest(actorID, id string, satisfaction int, comment string) (Request, error) {
	comment = strings.TrimSpace(comment)
	if err := app.FirstErr(app.Between("satisfaction", satisfaction, 1, 5), app.MaxLen("comment", comment, 500)); err != nil {
		return Request{}, err
	}
	body := RequestConfirmed{At: s.Now(), Satisfaction: satisfaction, Comment: comment}
	return s.requestCommand(actorID, id, requireConfirmable, TypeRequestConfirmed, body)
}

// CancelRequest closes a request that will not be done, with a reason.
func (s *RequestRegister) CancelRequest(actorID, id, reason string) (Request, error) {
	reason = strings.TrimSpace(reason)
	if err := app.FirstErr(app.Required("reason", reason), app.MaxLen("reason", reason, 300)); err != nil {
		return Request{}, err
	}
	body := RequestCancelled{At: s.Now(), Reason: reason}
	return s.requestCommand(actorID, id, requireOpen, TypeRequestCancelled, body)
}

// requestCommand runs the steps every attendant's command on an existing
// request shares: role check, load, state check, append, reload.
func (s *RequestRegister) requestCommand(actorID, id string, check func(*Request) error, typ string, body any) (Request, error) {
	return s.requestStep(actorID, id, app.RoleAttendant, check, typ, func(*Request) any { return body })
}

// requestStep is requestCommand for actors of role and up, with the body
// made from the request as loaded (a complaint's close carries its last
// call-back).
func (s *RequestRegister) requestStep(actorID, id string, role app.Role, check func(*Request) error, typ string, body func(*Request) any) (Request, error) {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, role)
	if err != nil {
		return Request{}, err
	}
	r, err := app.LoadView[Request](s.Service, KindRequest, id)
	if err != nil {
		return Request{}, err
	}
	if err := check(&r); err != nil {
		return Request{}, err
	}
	return app.EmitView[Request](s.Service, actor, app.Ref(KindRequest, id), typ, body(&r))
}

func requireOpen(r *Request) error {
	if r.Open() {
		return nil
	}
	return app.Conflicting("request.not_open", "request", r.ID, "room", r.Where(), "status", string(r.Status))
}

func requireResolved(r *Request) error {
	switch r.Status {
	case StatusResolved:
		return nil
	case StatusOpen, StatusDispatched:
		return app.Conflicting("request.not_resolved", "request", r.ID, "room", r.Where())
	}
	return requireOpen(r)
}

func requireComplaint(r *Request) error {
	if r.Kind != RequestComplaint {
		return app.Conflicting("request.not_complaint", "request", r.ID, "room", r.Where())
	}
	if r.Status == StatusCancelled {
		return requireOpen(r)
	}
	return nil
}

func init() {
	app.RegisterMessages(map[string]string{
		"request.room_or_area":     "A request is for a room or for a public area, not both — clear one.",
		"request.not_open":         "The request for room {room} is already {status} — nothing more can be done to it; open a new one if the guest asks again.",
		"request.not_resolved":     "The request for room {room} is not done yet — record the department's result before confirming with the guest.",
		"request.not_complaint":    "The request for room {room} is not a complaint — compensation is recorded on complaints only.",
		"request.complaint_only":   "Category and severity are for complaints only — choose the kind \"complaint\" or leave them out.",
		"request.cancel_clash":     "The request for room {room} was cancelled at one desk and acted on at another — check with the guest, then resolve the conflict.",
		"request.confirmed_twice":  "The result for room {room} was confirmed with the guest at two desks — keep the right call-back, then resolve the conflict.",
		"request.dispatched_twice": "The request for room {room} was sent to {department} at one desk and to {other} at another — tell one of them to stand down, then resolve the conflict.",
		"request.escalate_to":      "{staff} is not an active supervisor — escalate to a supervisor, or leave it to the supervisor on duty.",
		"request.amount_negative":  "The amount cannot be negative — enter 0 if nothing was paid.",
	})
}
