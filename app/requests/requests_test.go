package requests

import (
	"slices"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
)

// roomsCSV is a small room list for tests.
const roomsCSV = "floor,room,type\n8,0801,king\n8,0802,twin\n12,1203,suite\n12,1208,king\n"

func importRooms(f *fixture) {
	f.T.Helper()
	f.Must(f.Svc.ImportRooms(apptest.SupID, "rooms-2026.csv", strings.NewReader(roomsCSV)))
}

// openReq opens a request that must succeed.
func openReq(f *fixture, in NewRequest) Request {
	f.T.Helper()
	r, err := f.Svc.OpenRequest(apptest.AttID, in)
	if err != nil {
		f.T.Fatalf("open request: %v", err)
	}
	return r
}

func towels() NewRequest {
	return NewRequest{Room: "1203", Guest: "张伟", Channel: ChannelPhone, Kind: RequestService,
		Description: "two more bath towels", Department: "housekeeping"}
}

func noiseComplaint(sev ComplaintSeverity) NewRequest {
	return NewRequest{Room: "0801", Guest: "李娜", Kind: RequestComplaint, Description: "loud music next door",
		Department: "security", Complaint: &Complaint{Category: ComplaintNoise, Severity: sev}}
}

func TestOpenRequest(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	r := openReq(f, towels())
	if r.Status != StatusOpen || r.Desk != "D1" || r.OpenedBy != apptest.AttID || r.Priority != PriorityNormal {
		t.Fatalf("request = %+v", r)
	}
	if !r.OpenedAt.Equal(apptest.Start) || !r.PromisedAt.Equal(apptest.Start.Add(time.Hour)) {
		t.Fatalf("times: opened %v promised %v", r.OpenedAt, r.PromisedAt)
	}
	c := openReq(f, noiseComplaint(SeverityModerate))
	if c.Complaint == nil || c.Complaint.Responsible != "security" || c.Channel != ChannelInPerson {
		t.Fatalf("complaint = %+v", c)
	}
	q := openReq(f, NewRequest{Room: "0802", Kind: RequestInquiry, Description: "when does the pool open?", FollowEvery: 5 * time.Minute})
	if row, _ := f.Svc.RequestRow(q.ID); q.Department != "" || q.Kind != RequestInquiry || !row.NextFollowUp.Equal(apptest.Start.Add(5*time.Minute)) {
		t.Fatalf("inquiry = %+v", q)
	}
}

func TestOpenRequestRefusals(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	tests := []struct {
		name     string
		actor    string
		edit     func(*NewRequest)
		sentinel error
		code     string
	}{
		{"no room", apptest.AttID, func(in *NewRequest) { in.Room = " " }, app.ErrInvalid, "field.required"},
		{"room not on list", apptest.AttID, func(in *NewRequest) { in.Room = "9999" }, app.ErrInvalid, "room.unknown"},
		{"no description", apptest.AttID, func(in *NewRequest) { in.Description = "" }, app.ErrInvalid, "field.required"},
		{"bad kind", apptest.AttID, func(in *NewRequest) { in.Kind = "wish" }, app.ErrInvalid, "field.bad_value"},
		{"bad channel", apptest.AttID, func(in *NewRequest) { in.Channel = "pigeon" }, app.ErrInvalid, "field.bad_value"},
		{"bad priority", apptest.AttID, func(in *NewRequest) { in.Priority = "asap" }, app.ErrInvalid, "field.bad_value"},
		{"promise in the past", apptest.AttID, func(in *NewRequest) { in.PromisedAt = apptest.Start.Add(-time.Minute) }, app.ErrInvalid, "field.bad_time"},
		{"follow-up every 10 seconds", apptest.AttID, func(in *NewRequest) { in.FollowEvery = 10 * time.Second }, app.ErrInvalid, "field.bad_number"},
		{"unknown department", apptest.AttID, func(in *NewRequest) { in.Department = "spa" }, app.ErrInvalid, "field.bad_value"},
		{"complaint fields on a service", apptest.AttID, func(in *NewRequest) { in.Complaint = &Complaint{Category: ComplaintNoise, Severity: SeverityMinor} }, app.ErrInvalid, "request.complaint_only"},
		{"complaint without category", apptest.AttID, func(in *NewRequest) { in.Kind = RequestComplaint }, app.ErrInvalid, "field.required"},
		{"complaint bad severity", apptest.AttID, func(in *NewRequest) {
			in.Kind, in.Complaint = RequestComplaint, &Complaint{Category: ComplaintNoise, Severity: "awful"}
		}, app.ErrInvalid, "field.bad_value"},
		{"complaint without severity", apptest.AttID, func(in *NewRequest) {
			in.Kind, in.Complaint = RequestComplaint, &Complaint{Category: ComplaintNoise}
		}, app.ErrInvalid, "field.required"},
		{"unknown actor", "X999", func(*NewRequest) {}, app.ErrForbidden, "staff.unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := towels()
			tt.edit(&in)
			_, err := f.Svc.OpenRequest(tt.actor, in)
			apptest.WantRefusal(t, err, tt.sentinel, tt.code)
		})
	}
}

func TestRequestLifecycle(t *testing.T) {
	f := newFixture(t)
	r := openReq(f, towels())
	f.Clock.Advance(3 * time.Minute)
	r, err := f.Svc.DispatchRequest(apptest.AttID, r.ID, DispatchInput{Department: "housekeeping", Notified: "Chen Jing",
		PromisedAt: apptest.Start.Add(30 * time.Minute)})
	if err != nil || r.Status != StatusDispatched || len(r.Dispatches) != 1 || !r.PromisedAt.Equal(apptest.Start.Add(30*time.Minute)) {
		t.Fatalf("dispatch: %+v, %v", r, err)
	}
	if !r.Dispatches[0].NotifiedAt.Equal(apptest.Start.Add(3 * time.Minute)) {
		t.Fatalf("notified at %v", r.Dispatches[0].NotifiedAt)
	}
	f.Clock.Advance(10 * time.Minute)
	row, _ := f.Svc.RequestRow(r.ID)
	if !row.FollowUpDue || !row.NextFollowUp.Equal(apptest.Start.Add(13*time.Minute)) {
		t.Fatalf("follow-up: %+v", row)
	}
	r, err = f.Svc.FollowUpRequest(apptest.Att2ID, r.ID, "housekeeping on the way")
	if err != nil || len(r.FollowUps) != 1 || r.FollowUps[0].By != apptest.Att2ID {
		t.Fatalf("follow-up: %+v, %v", r.FollowUps, err)
	}
	f.Clock.Advance(5 * time.Minute)
	r, err = f.Svc.ResolveRequest(apptest.AttID, r.ID, "", "towels delivered")
	if err != nil || r.Status != StatusResolved || r.Resolution.Result != "towels delivered" {
		t.Fatalf("resolve: %+v, %v", r, err)
	}
	r, err = f.Svc.ConfirmRequest(apptest.AttID, r.ID, 5, "thanks")
	if err != nil || r.Status != StatusClosed || r.Confirmation.Satisfaction != 5 {
		t.Fatalf("confirm: %+v, %v", r, err)
	}
	times, _ := f.Svc.RequestTimesBetween(apptest.Start, apptest.Start.Add(time.Hour), "")
	if times.AvgResponse != 3*time.Minute || times.AvgCompletion != 18*time.Minute || times.AvgSatisfaction != 5 {
		t.Fatalf("times = %+v", times)
	}
	hist, err := f.Svc.RequestHistory(r.ID)
	if err != nil || len(hist) != 5 || hist[2].Name != "Zhang Wei" || hist[4].Type != TypeRequestConfirmed {
		t.Fatalf("history = %+v, %v", hist, err)
	}
}

func TestRequestCommandRefusals(t *testing.T) {
	f := newFixture(t)
	open := openReq(f, towels()).ID
	cancelled := openReq(f, towels()).ID
	f.Must(f.Svc.CancelRequest(apptest.AttID, cancelled, "guest found them"))
	complaint := openReq(f, noiseComplaint(SeverityMinor)).ID
	tests := []struct {
		name     string
		run      func() error
		sentinel error
		code     string
	}{
		{"dispatch: nobody notified", func() error {
			_, err := f.Svc.DispatchRequest(apptest.AttID, open, DispatchInput{Department: "housekeeping"})
			return err
		}, app.ErrInvalid, "field.required"},
		{"dispatch: no department", func() error {
			_, err := f.Svc.DispatchRequest(apptest.AttID, open, DispatchInput{Notified: "Chen"})
			return err
		}, app.ErrInvalid, "field.required"},
		{"dispatch: promise in the past", func() error {
			_, err := f.Svc.DispatchRequest(apptest.AttID, open, DispatchInput{Department: "housekeeping", Notified: "Chen", PromisedAt: apptest.Start.Add(-time.Hour)})
			return err
		}, app.ErrInvalid, "field.bad_time"},
		{"dispatch: cancelled", func() error {
			_, err := f.Svc.DispatchRequest(apptest.AttID, cancelled, DispatchInput{Department: "housekeeping", Notified: "Chen"})
			return err
		}, app.ErrConflict, "request.not_open"},
		{"dispatch: unknown request", func() error {
			_, err := f.Svc.DispatchRequest(apptest.AttID, "nope", DispatchInput{Department: "housekeeping", Notified: "Chen"})
			return err
		}, app.ErrNotFound, "request.not_found"},
		{"follow-up: empty note", func() error { _, err := f.Svc.FollowUpRequest(apptest.AttID, open, " "); return err }, app.ErrInvalid, "field.required"},
		{"follow-up: cancelled", func() error { _, err := f.Svc.FollowUpRequest(apptest.AttID, cancelled, "x"); return err }, app.ErrConflict, "request.not_open"},
		{"escalate: no reason", func() error { _, err := f.Svc.EscalateRequest(apptest.AttID, open, "", ""); return err }, app.ErrInvalid, "field.required"},
		{"escalate: to an attendant", func() error { _, err := f.Svc.EscalateRequest(apptest.AttID, open, apptest.Att2ID, "VIP"); return err }, app.ErrInvalid, "request.escalate_to"},
		{"escalate: cancelled", func() error { _, err := f.Svc.EscalateRequest(apptest.AttID, cancelled, "", "VIP"); return err }, app.ErrConflict, "request.not_open"},
		{"resolve: no result", func() error { _, err := f.Svc.ResolveRequest(apptest.AttID, open, "", ""); return err }, app.ErrInvalid, "field.required"},
		{"resolve: unknown department", func() error { _, err := f.Svc.ResolveRequest(apptest.AttID, open, "spa", "done"); return err }, app.ErrInvalid, "field.bad_value"},
		{"resolve: cancelled", func() error { _, err := f.Svc.ResolveRequest(apptest.AttID, cancelled, "", "done"); return err }, app.ErrConflict, "request.not_open"},
		{"confirm: not resolved", func() error { _, err := f.Svc.ConfirmRequest(apptest.AttID, open, 4, ""); return err }, app.ErrConflict, "request.not_resolved"},
		{"confirm: satisfaction 0", func() error { _, err := f.Svc.ConfirmRequest(apptest.AttID, open, 0, ""); return err }, app.ErrInvalid, "field.bad_number"},
		{"confirm: satisfaction 6", func() error { _, err := f.Svc.ConfirmRequest(apptest.AttID, open, 6, ""); return err }, app.ErrInvalid, "field.bad_number"},
		{"confirm: cancelled", func() error { _, err := f.Svc.ConfirmRequest(apptest.AttID, cancelled, 3, ""); return err }, app.ErrConflict, "request.not_open"},
		{"cancel: no reason", func() error { _, err := f.Svc.CancelRequest(apptest.AttID, open, ""); return err }, app.ErrInvalid, "field.required"},
		{"cancel: twice", func() error { _, err := f.Svc.CancelRequest(apptest.AttID, cancelled, "again"); return err }, app.ErrConflict, "request.not_open"},
		{"compensate: not a complaint", func() error { _, err := f.Svc.CompensateComplaint(apptest.AttID, open, "fruit basket", 0); return err }, app.ErrConflict, "request.not_complaint"},
		{"compensate: negative", func() error { _, err := f.Svc.CompensateComplaint(apptest.AttID, complaint, "refund", -5); return err }, app.ErrInvalid, "request.amount_negative"},
		{"compensate: nothing given", func() error { _, err := f.Svc.CompensateComplaint(apptest.AttID, complaint, "", 0); return err }, app.ErrInvalid, "field.required"},
		{"unknown actor", func() error { _, err := f.Svc.FollowUpRequest("X999", open, "x"); return err }, app.ErrForbidden, "staff.unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { apptest.WantRefusal(t, tt.run(), tt.sentinel, tt.code) })
	}
}

func TestDisabledStaffCannotTakeRequests(t *testing.T) {
	f := newFixture(t)
	f.Must(nil, f.Svc.DisableStaff(apptest.SupID, apptest.Att2ID, "left the hotel"))
	_, err := f.Svc.OpenRequest(apptest.Att2ID, towels())
	apptest.WantRefusal(t, err, app.ErrForbidden, "staff.disabled")
}

func TestComplaintCompensationAndEscalation(t *testing.T) {
	f := newFixture(t)
	c := openReq(f, noiseComplaint(SeveritySerious))
	c, err := f.Svc.CompensateComplaint(apptest.AttID, c.ID, "apology and fruit basket", 8800)
	if err != nil || len(c.Compensation) != 1 || c.Compensation[0].Amount != 8800 {
		t.Fatalf("compensate: %+v, %v", c.Compensation, err)
	}
	esc, _ := f.Svc.EscalatedRequests()
	if len(esc) != 1 || esc[0].ID != c.ID || esc[0].Escalated[0] != EscalatedGraveComplaint {
		t.Fatalf("escalated = %+v", esc)
	}
	s := openReq(f, towels())
	f.Must(f.Svc.EscalateRequest(apptest.AttID, s.ID, apptest.SupID, "VIP guest"))
	esc, _ = f.Svc.EscalatedRequests()
	if len(esc) != 2 {
		t.Fatalf("escalated = %d, want 2", len(esc))
	}
	if on, _ := f.Svc.SupervisorsOnDuty(); len(on) != 1 || on[0].ID != apptest.SupID {
		t.Fatalf("supervisors on duty = %+v", on)
	}
}

func TestRequestQueries(t *testing.T) {
	f := newFixture(t)
	a := openReq(f, towels())
	f.Clock.Advance(time.Minute)
	in := towels()
	in.Priority, in.Room = PriorityUrgent, "0802"
	b := openReq(f, in)
	f.Clock.Advance(20 * time.Minute) // b is past its 15-minute promise
	open, _ := f.Svc.OpenRequests("D1")
	if len(open) != 2 || open[0].ID != a.ID {
		t.Fatalf("open = %+v", open)
	}
	late, _ := f.Svc.LateRequests("")
	if len(late) != 1 || late[0].ID != b.ID || late[0].Escalated[0] != EscalatedNotDispatched {
		t.Fatalf("late = %+v", late)
	}
	due, _ := f.Svc.FollowUpsDue("D1")
	if len(due) != 2 {
		t.Fatalf("follow-ups due = %d", len(due))
	}
	room, _ := f.Svc.RequestsForRoom("0802")
	if len(room) != 1 || room[0].ID != b.ID {
		t.Fatalf("room = %+v", room)
	}
	other, _ := f.Svc.OpenRequests("D9")
	if len(other) != 0 {
		t.Fatalf("desk D9 = %+v", other)
	}
}

func TestRequestMessagesRender(t *testing.T) {
	for _, code := range app.MessageCodes() {
		if !strings.HasPrefix(code, "request.") && !strings.HasPrefix(code, "loan.") && !strings.HasPrefix(code, "handover.") {
			continue
		}
		if msg := app.Message(code, nil); strings.HasPrefix(msg, code) {
			t.Errorf("code %s has no message", code)
		}
	}
}

func TestFollowUpIntervalFromSetUp(t *testing.T) {
	f := newFixture(t)
	every := 15 * time.Minute
	f.Must(f.Svc.ChangeSettings(apptest.SupID, app.HotelChange{FollowUp: &every}))
	r := openReq(f, towels())
	row, err := f.Svc.RequestRow(r.ID)
	if err != nil || !row.NextFollowUp.Equal(apptest.Start.Add(every)) || row.FollowUpDue {
		t.Fatalf("row = %+v, %v", row, err)
	}
	f.Clock.Advance(every)
	if due, _ := f.Svc.FollowUpsDue(""); len(due) != 1 {
		t.Fatalf("follow-ups due after 15 minutes = %d", len(due))
	}
}

func TestRowsUnfinishedAndOpenedOn(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	yesterday := openReq(f, towels())
	f.Clock.Advance(24 * time.Hour)
	done := openReq(f, towels())
	f.Must(f.Svc.ResolveRequest(apptest.AttID, done.ID, "", "delivered"))
	f.Must(f.Svc.ConfirmRequest(apptest.AttID, done.ID, 5, ""))
	open := openReq(f, noiseComplaint(SeverityMinor))
	now := f.Clock.Now()

	rows, err := f.Svc.Rows(RowQuery{Now: now})
	if err != nil || len(rows) != 2 || rows[0].ID != yesterday.ID || rows[1].ID != open.ID {
		t.Fatalf("unfinished rows = %v, %v (want yesterday's, late, first)", ids(rows), err)
	}
	rows, _ = f.Svc.Rows(RowQuery{Now: now, OpenedOn: now})
	if len(rows) != 2 || !slices.ContainsFunc(rows, func(r RequestRow) bool { return r.ID == done.ID }) {
		t.Fatalf("today's rows = %v, want the confirmed one and the complaint", ids(rows))
	}
	rows, _ = f.Svc.Rows(RowQuery{Now: now, Keep: func(r *RequestRow) bool { return r.Kind == RequestComplaint }})
	if len(rows) != 1 || rows[0].ID != open.ID {
		t.Fatalf("complaints = %v", ids(rows))
	}
}

func ids(rows []RequestRow) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.ID
	}
	return out
}
