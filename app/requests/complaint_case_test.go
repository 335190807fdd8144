package requests

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/data/wire"
)

// jpeg is a file of n bytes that reads as a JPEG photo.
func jpeg(n int) []byte {
	b := bytes.Repeat([]byte{0x42}, n)
	copy(b, []byte{0xFF, 0xD8, 0xFF, 0xE0})
	return b
}

// complaintCodes lists the codes of the refusals err joins.
func complaintCodes(err error) []string {
	var out []string
	for _, r := range app.RefusalsOf(err) {
		out = append(out, r.Code)
	}
	slices.Sort(out)
	return out
}

func cctv(f *fixture) FindingInput {
	now := f.Clock.Now()
	return FindingInput{Kind: FindingCCTV, Subject: "8楼走廊 corridor, floor 8", Checker: "Guard Liu",
		From: now.Add(-3 * time.Hour), To: now.Add(-time.Hour), Result: "No one entered 0802 after 23:00; music from 0803."}
}

func TestComplaintWalkedToTheEnd(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	c := openReq(f, noiseComplaint(SeverityModerate))
	f.Clock.Advance(time.Hour)
	f.Must(f.Svc.Investigate(apptest.AttID, c.ID, cctv(f)))
	f.Must(f.Svc.Investigate(apptest.AttID, c.ID, FindingInput{Kind: FindingAccount, Subject: "security", Checker: "Guard Liu", Result: "Asked 0803 twice to lower the music."}))
	r, err := f.Svc.Investigate(apptest.AttID, c.ID, FindingInput{Kind: FindingItem, Subject: "0803 speaker", Result: "A portable speaker at full volume."})
	if err != nil || len(r.Case.Findings) != 3 || r.Case.Findings[0].Checker != "Guard Liu" || r.Case.Findings[2].Subject != "0803 speaker" {
		t.Fatalf("findings: %+v, %v", r.Case, err)
	}

	photo := jpeg(MaxAttachmentBytes)
	r, err = f.Svc.Attach(apptest.AttID, c.ID, AttachInput{Name: "corridor.jpg", Data: photo})
	if err != nil {
		t.Fatalf("a photo of exactly %d bytes: %v", MaxAttachmentBytes, err)
	}
	a := r.Case.Attachments[0]
	if a.Name != "corridor.jpg" || a.Type != "image/jpeg" || a.Size != MaxAttachmentBytes || len(a.SHA256) != 64 {
		t.Fatalf("attachment as kept: %+v", a)
	}
	view, _ := f.Store.View(app.Ref(KindRequest, c.ID))
	if len(view) > 8<<10 {
		t.Errorf("the request's view is %d bytes: the photo's bytes went into it", len(view))
	}
	file, err := f.Svc.ComplaintAttachment(c.ID, a.Event)
	if err != nil || !bytes.Equal(file.Data, photo) || file.Name != "corridor.jpg" {
		t.Fatalf("attachment read back: %d bytes, %v", len(file.Data), err)
	}
	ev, _ := f.Store.Get(a.Event)
	if len(ev.Body) > wire.MaxBodyBytes {
		t.Errorf("the photo's event body is %d bytes, over wire.MaxBodyBytes", len(ev.Body))
	}
	_, err = f.Svc.Attach(apptest.AttID, c.ID, AttachInput{Name: "big.jpg", Data: jpeg(MaxAttachmentBytes + 1)})
	apptest.WantRefusal(t, err, app.ErrInvalid, "complaint.attachment_too_large")

	f.Must(f.Svc.FindCause(apptest.AttID, c.ID, CauseProcess, "Late-night noise checks were not done."))
	r, err = f.Svc.AddAction(apptest.AttID, c.ID, ActionInput{What: "Noise round at 23:00 every night", Department: "security", Due: f.Clock.Now().Add(48 * time.Hour)})
	if err != nil || len(r.Case.Actions) != 1 || r.Case.Cause.Cause != CauseProcess {
		t.Fatalf("action: %+v, %v", r.Case, err)
	}
	action := r.Case.Actions[0]

	_, err = f.Svc.CloseComplaint(apptest.AttID, c.ID)
	if got := complaintCodes(err); !slices.Equal(got, []string{"complaint.actions_open", "complaint.no_call_back", "request.not_resolved"}) {
		t.Fatalf("closing a complaint with nothing done: refusals %v (%v)", got, err)
	}
	if !strings.Contains(err.Error(), "Noise round at 23:00") {
		t.Errorf("the refusal does not name the open action: %v", err)
	}

	f.Must(f.Svc.ResolveRequest(apptest.AttID, c.ID, "", "Guest in 0803 warned; music stopped."))
	f.Clock.Advance(24 * time.Hour)
	r, err = f.Svc.VerifyAction(apptest.Att2ID, c.ID, action.ID, "Round log signed for last night.")
	if err != nil || r.Case.Actions[0].Verified == nil || r.Case.Actions[0].Verified.By != apptest.Att2ID || !r.Case.Actions[0].Verified.At.Equal(f.Clock.Now()) {
		t.Fatalf("verified: %+v, %v", r.Case.Actions[0], err)
	}
	_, err = f.Svc.VerifyAction(apptest.AttID, c.ID, action.ID, "")
	apptest.WantRefusal(t, err, app.ErrConflict, "complaint.action_checked")
	r, err = f.Svc.CallBack(apptest.AttID, c.ID, CallBackInput{Channel: CallBackPhone, Satisfaction: 4, Wish: "A quieter room next time"})
	if err != nil || r.Status != StatusResolved {
		t.Fatalf("a call-back closed the complaint or failed: %s, %v", r.Status, err)
	}
	r, err = f.Svc.CloseComplaint(apptest.AttID, c.ID)
	if err != nil || r.Status != StatusClosed || r.Confirmation.Satisfaction != 4 || r.Confirmation.Comment != "A quieter room next time" {
		t.Fatalf("closed: %s %+v, %v", r.Status, r.Confirmation, err)
	}
	_, err = f.Svc.Investigate(apptest.AttID, c.ID, cctv(f))
	apptest.WantRefusal(t, err, app.ErrConflict, "request.not_open")
}

// TestCloseRefusedUntilActionsCheckedAndGuestCalledBack: a resolved
// complaint is refused, naming what is missing, while an action is not
// checked, while the guest is not called back, and through ConfirmRequest
// as through CloseComplaint.
func TestCloseRefusedUntilActionsCheckedAndGuestCalledBack(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	c := openReq(f, noiseComplaint(SeverityMinor))
	f.Must(f.Svc.ResolveRequest(apptest.AttID, c.ID, "", "music stopped"))
	r, _ := f.Svc.AddAction(apptest.AttID, c.ID, ActionInput{What: "Brief night staff", Department: "security", Due: f.Clock.Now().Add(time.Hour)})
	f.Must(f.Svc.CallBack(apptest.AttID, c.ID, CallBackInput{Channel: CallBackMessage, Satisfaction: 3}))

	_, err := f.Svc.CloseComplaint(apptest.AttID, c.ID)
	if got := complaintCodes(err); !slices.Equal(got, []string{"complaint.actions_open"}) || !errors.Is(err, app.ErrConflict) {
		t.Fatalf("action not checked: %v", got)
	}
	_, err = f.Svc.ConfirmRequest(apptest.AttID, c.ID, 5, "")
	if got := complaintCodes(err); !slices.Equal(got, []string{"complaint.actions_open"}) {
		t.Fatalf("confirm with an action not checked: %v", got)
	}

	d := openReq(f, noiseComplaint(SeverityMinor))
	f.Must(f.Svc.ResolveRequest(apptest.AttID, d.ID, "", "music stopped"))
	_, err = f.Svc.CloseComplaint(apptest.AttID, d.ID)
	if got := complaintCodes(err); !slices.Equal(got, []string{"complaint.no_call_back"}) {
		t.Fatalf("no call-back: %v", got)
	}
	f.Must(f.Svc.VerifyAction(apptest.AttID, c.ID, r.Case.Actions[0].ID, ""))
	if r, err := f.Svc.CloseComplaint(apptest.AttID, c.ID); err != nil || r.Status != StatusClosed {
		t.Fatalf("every step done, closing: %v", err)
	}
}

func TestSupervisorClosesWithReason(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	c := openReq(f, noiseComplaint(SeveritySerious))
	_, err := f.Svc.CloseBySupervisor(apptest.AttID, c.ID, "guest left")
	apptest.WantRefusal(t, err, app.ErrForbidden, "")
	_, err = f.Svc.CloseBySupervisor(apptest.SupID, c.ID, "  ")
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.required")
	_, err = f.Svc.CloseBySupervisor(apptest.SupID, c.ID, strings.Repeat("长", MaxReasonRunes+1))
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.too_long")
	r, err := f.Svc.CloseBySupervisor(apptest.SupID, c.ID, "Guest checked out and asked not to be called.")
	if err != nil || r.Status != StatusClosed || r.Case.Override.By != apptest.SupID || r.Case.Override.Reason == "" {
		t.Fatalf("closed by supervisor: %s %+v, %v", r.Status, r.Case, err)
	}
	if rows, _ := f.Svc.EscalatedRequests(); len(rows) != 0 {
		t.Errorf("a serious complaint closed by a supervisor still shows escalated")
	}
}

func TestInvestigationLimits(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	c := openReq(f, noiseComplaint(SeverityMinor)).ID
	svc := openReq(f, towels()).ID
	now := f.Clock.Now()
	long := strings.Repeat("查", MaxFindingRunes)
	if _, err := f.Svc.Investigate(apptest.AttID, c, FindingInput{Kind: FindingOther, Result: long}); err != nil {
		t.Fatalf("a finding of exactly %d characters: %v", MaxFindingRunes, err)
	}
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...)
	cases := []struct {
		name string
		do   func() error
		want error
		code string
	}{
		{"finding too long", func() error {
			_, err := f.Svc.Investigate(apptest.AttID, c, FindingInput{Kind: FindingOther, Result: long + "查"})
			return err
		}, app.ErrInvalid, "field.too_long"},
		{"cctv without who", func() error {
			in := cctv(f)
			in.Checker = ""
			_, err := f.Svc.Investigate(apptest.AttID, c, in)
			return err
		}, app.ErrInvalid, "field.required"},
		{"cctv window backwards", func() error {
			in := cctv(f)
			in.From, in.To = in.To, in.From
			_, err := f.Svc.Investigate(apptest.AttID, c, in)
			return err
		}, app.ErrInvalid, "complaint.window_order"},
		{"cctv window too long", func() error {
			in := cctv(f)
			in.From = in.To.Add(-MaxCCTVWindow - time.Minute)
			_, err := f.Svc.Investigate(apptest.AttID, c, in)
			return err
		}, app.ErrInvalid, "complaint.window_long"},
		{"cctv window in the future", func() error {
			in := cctv(f)
			in.To = now.Add(time.Hour)
			_, err := f.Svc.Investigate(apptest.AttID, c, in)
			return err
		}, app.ErrInvalid, "complaint.window_future"},
		{"account from no department", func() error {
			_, err := f.Svc.Investigate(apptest.AttID, c, FindingInput{Kind: FindingAccount, Subject: "spa", Checker: "x", Result: "y"})
			return err
		}, app.ErrInvalid, "field.bad_value"},
		{"finding on a service request", func() error {
			_, err := f.Svc.Investigate(apptest.AttID, svc, FindingInput{Kind: FindingOther, Result: "x"})
			return err
		}, app.ErrConflict, "complaint.not_complaint"},
		{"a text file", func() error {
			_, err := f.Svc.Attach(apptest.AttID, c, AttachInput{Name: "notes.txt", Data: []byte("hello")})
			return err
		}, app.ErrInvalid, "complaint.attachment_type"},
		{"an empty file", func() error {
			_, err := f.Svc.Attach(apptest.AttID, c, AttachInput{Name: "a.png"})
			return err
		}, app.ErrInvalid, "complaint.attachment_empty"},
		{"cause other without note", func() error { _, err := f.Svc.FindCause(apptest.AttID, c, CauseOther, ""); return err }, app.ErrInvalid, "field.required"},
		{"unknown cause", func() error { _, err := f.Svc.FindCause(apptest.AttID, c, "weather", ""); return err }, app.ErrInvalid, "field.bad_value"},
		{"action due in the past", func() error {
			_, err := f.Svc.AddAction(apptest.AttID, c, ActionInput{What: "x", Department: "security", Due: now.Add(-time.Minute)})
			return err
		}, app.ErrInvalid, "field.bad_time"},
		{"action due too far", func() error {
			_, err := f.Svc.AddAction(apptest.AttID, c, ActionInput{What: "x", Department: "security", Due: now.AddDate(0, 0, MaxActionDays+1)})
			return err
		}, app.ErrInvalid, "complaint.due_far"},
		{"verify no such action", func() error { _, err := f.Svc.VerifyAction(apptest.AttID, c, "nope", ""); return err }, app.ErrNotFound, ""},
		{"call-back satisfaction 6", func() error {
			_, err := f.Svc.CallBack(apptest.AttID, c, CallBackInput{Channel: CallBackPhone, Satisfaction: 6})
			return err
		}, app.ErrInvalid, "field.bad_number"},
		{"call-back by fax", func() error {
			_, err := f.Svc.CallBack(apptest.AttID, c, CallBackInput{Channel: "fax", Satisfaction: 3})
			return err
		}, app.ErrInvalid, "field.bad_value"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { apptest.WantRefusal(t, tc.do(), tc.want, tc.code) })
	}
	for i := range MaxAttachments {
		if _, err := f.Svc.Attach(apptest.AttID, c, AttachInput{Name: "p.png", Data: png}); err != nil {
			t.Fatalf("attachment %d of %d: %v", i+1, MaxAttachments, err)
		}
	}
	_, err := f.Svc.Attach(apptest.AttID, c, AttachInput{Name: "p.png", Data: png})
	apptest.WantRefusal(t, err, app.ErrConflict, "complaint.too_many_attachments")
}

// TestAttachmentSyncsToTheOtherDesk: a photo attached at one desk reads,
// whole, at the other after a sync; findings made at both desks add up.
func TestAttachmentSyncsToTheOtherDesk(t *testing.T) {
	a, b := apptest.Pair(t, New)
	importRooms(a)
	apptest.ExchangeDesks(t, a, b)
	c := openReq(a, noiseComplaint(SeverityMinor))
	apptest.ExchangeDesks(t, a, b)
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("x"), 2000)...)
	r := must(t)(a.Svc.Attach(apptest.AttID, c.ID, AttachInput{Name: "statement.pdf", Data: pdf}))
	must(t)(b.Svc.Investigate(apptest.AttID, c.ID, FindingInput{Kind: FindingOther, Result: "Neighbour says the music was loud."}))
	must(t)(a.Svc.Investigate(apptest.AttID, c.ID, FindingInput{Kind: FindingOther, Result: "Night manager heard it too."}))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(KindRequest, c.ID))
	file, err := b.Svc.ComplaintAttachment(c.ID, r.Case.Attachments[0].Event)
	if err != nil || !bytes.Equal(file.Data, pdf) || file.Type != "application/pdf" {
		t.Fatalf("the other desk reads %d bytes, %v", len(file.Data), err)
	}
	got, _ := b.Svc.Request(c.ID)
	if len(got.Case.Findings) != 2 || got.HasConflict() {
		t.Fatalf("findings at two desks: %d, conflict %v", len(got.Case.Findings), got.HasConflict())
	}
}

func must(t *testing.T) func(Request, error) Request {
	return func(r Request, err error) Request {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
}

// TestOverdueActionsForTheSupervisor: an action not checked by its due
// time is overdue; one checked is not; a closed complaint's are gone.
func TestOverdueActionsForTheSupervisor(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	c := openReq(f, noiseComplaint(SeveritySerious))
	now := f.Clock.Now()
	r := must(t)(f.Svc.AddAction(apptest.AttID, c.ID, ActionInput{What: "Replace door seal", Department: "engineering", Due: now.Add(2 * time.Hour)}))
	must(t)(f.Svc.AddAction(apptest.AttID, c.ID, ActionInput{What: "Brief night staff", Department: "security", Due: now.Add(48 * time.Hour)}))
	due, err := f.Svc.ActionsDue()
	if err != nil || len(due) != 2 || due[0].What != "Replace door seal" || due[0].Where != "0801" {
		t.Fatalf("actions due: %+v, %v", due, err)
	}
	if late := Overdue(due, now.Add(time.Hour)); len(late) != 0 {
		t.Fatalf("overdue before the due time: %+v", late)
	}
	if late := Overdue(due, now.Add(3*time.Hour)); len(late) != 1 || late[0].What != "Replace door seal" {
		t.Fatalf("overdue after the due time: %+v", late)
	}
	must(t)(f.Svc.VerifyAction(apptest.SupID, c.ID, r.Case.Actions[0].ID, "seal replaced"))
	due, _ = f.Svc.ActionsDue()
	if late := Overdue(due, now.Add(3*time.Hour)); len(late) != 0 {
		t.Fatalf("a checked action still overdue: %+v", late)
	}
	must(t)(f.Svc.CloseBySupervisor(apptest.SupID, c.ID, "handled in the weekly meeting"))
	if due, _ = f.Svc.ActionsDue(); len(due) != 0 {
		t.Fatalf("a closed complaint's actions still due: %+v", due)
	}
}

// TestRepeatComplaints: a complaint from a room or a guest that complained
// within RepeatWindow is a repeat; one longer ago is not.
func TestRepeatComplaints(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	first := openReq(f, noiseComplaint(SeverityMinor)) // 0801, 李娜
	f.Clock.Advance(RepeatWindow + time.Hour)
	second := openReq(f, noiseComplaint(SeverityMinor))
	if p, _ := f.Svc.ComplaintRepeats(&second); p.Any() {
		t.Fatalf("a complaint %v after the last is a repeat: %+v", RepeatWindow+time.Hour, p)
	}
	f.Clock.Advance(10 * 24 * time.Hour)
	third := openReq(f, noiseComplaint(SeverityModerate))
	p, err := f.Svc.ComplaintRepeats(&third)
	if err != nil || len(p.Room) != 1 || p.Room[0].ID != second.ID || len(p.Guest) != 1 {
		t.Fatalf("repeat of %s: %+v, %v", second.ID, p, err)
	}
	other := noiseComplaint(SeverityMinor)
	other.Room, other.Guest = "1203", " 李娜 "
	f.Clock.Advance(time.Hour)
	moved := openReq(f, other)
	p, _ = f.Svc.ComplaintRepeats(&moved)
	if len(p.Room) != 0 || len(p.Guest) != 2 {
		t.Fatalf("the same guest in another room: %+v", p)
	}
	svc := openReq(f, towels())
	if p, _ := f.Svc.ComplaintRepeats(&svc); p.Any() {
		t.Fatalf("a service request flagged as a repeat complaint")
	}
	rows := []RequestRow{{Request: first}, {Request: second}, {Request: third}, {Request: moved}, {Request: svc}}
	counts, err := f.Svc.RepeatsOf(rows)
	want := map[string]RepeatCount{third.ID: {Room: 1, Guest: 1}, moved.ID: {Guest: 2}}
	if err != nil || len(counts) != len(want) || counts[third.ID] != want[third.ID] || counts[moved.ID] != want[moved.ID] {
		t.Fatalf("the list's flags %+v, want %+v (%v)", counts, want, err)
	}
}

// TestComplaintLog: the open complaints, gravest first then oldest,
// with their open and overdue actions and repeats; closed ones left out.
func TestComplaintLog(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	old := openReq(f, noiseComplaint(SeverityMinor))
	f.Clock.Advance(time.Hour)
	grave := openReq(f, noiseComplaint(SeverityUrgent))
	must(t)(f.Svc.AddAction(apptest.AttID, grave.ID, ActionInput{What: "Move guest", Department: "front_office", Due: f.Clock.Now().Add(time.Hour)}))
	f.Clock.Advance(time.Hour)
	closed := openReq(f, noiseComplaint(SeverityUrgent))
	must(t)(f.Svc.CloseBySupervisor(apptest.SupID, closed.ID, "duplicate"))
	openReq(f, towels())
	now := f.Clock.Now().Add(2 * time.Hour)
	log, err := f.Svc.ComplaintLog(now)
	if err != nil || len(log) != 2 || log[0].ID != grave.ID || log[1].ID != old.ID {
		t.Fatalf("log: %+v, %v", log, err)
	}
	if log[0].OpenActions != 1 || log[0].OverdueActions != 1 || !log[0].Repeats.Any() || log[1].Repeats.Any() {
		t.Fatalf("log entry: %+v", log[0])
	}
	if log[1].Age != 4*time.Hour {
		t.Errorf("age %v", log[1].Age)
	}
}

// BenchmarkRepeatsOf: the repeat flags of a list of 200 complaints from
// 20 rooms over 200 days (the list's cost on each read).
func BenchmarkRepeatsOf(b *testing.B) {
	f := apptest.New(b, New)
	f.Must(f.Svc.ImportRooms(apptest.SupID, "rooms.csv", strings.NewReader(bigRooms())))
	var rows []RequestRow
	for i := range 200 {
		in := noiseComplaint(SeverityMinor)
		in.Room, in.Guest = strconv.Itoa(1001+i%20), "Guest "+strconv.Itoa(i%37)
		r, err := f.Svc.OpenRequest(apptest.AttID, in)
		if err != nil {
			b.Fatal(err)
		}
		rows = append(rows, RequestRow{Request: r})
		f.Clock.Advance(24 * time.Hour)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := f.Svc.RepeatsOf(rows); err != nil {
			b.Fatal(err)
		}
	}
}

func bigRooms() string {
	var sb strings.Builder
	sb.WriteString("floor,room,type\n")
	for i := range 20 {
		sb.WriteString("10," + strconv.Itoa(1001+i) + ",king\n")
	}
	return sb.String()
}

// TestTwoComplaintsAtOnceOneRepeat: two complaints from a room taken in
// the same millisecond: the second (by ID) is the repeat, not both.
func TestTwoComplaintsAtOnceOneRepeat(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	a, b := openReq(f, noiseComplaint(SeverityMinor)), openReq(f, noiseComplaint(SeverityMinor))
	counts, err := f.Svc.RepeatsOf([]RequestRow{{Request: a}, {Request: b}})
	first, second := a, b
	if b.ID < a.ID {
		first, second = b, a
	}
	if err != nil || counts[first.ID].Any() || counts[second.ID] != (RepeatCount{Room: 1, Guest: 1}) {
		t.Fatalf("flags %+v (%v)", counts, err)
	}
	if p, _ := f.Svc.ComplaintRepeats(&first); p.Any() {
		t.Fatalf("the first of the two is a repeat: %+v", p)
	}
}
