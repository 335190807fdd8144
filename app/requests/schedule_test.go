package requests

import (
	"slices"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
)

// at is a time on the fixture's clock day (2026-03-03, UTC) plus days.
func at(days, h, m int) time.Time {
	return time.Date(2026, 3, 3+days, h, m, 0, 0, time.UTC)
}

func wakeUp(due time.Time) NewRequest {
	return NewRequest{Room: "1203", Guest: "张伟", Channel: ChannelPhone, Kind: RequestWakeUp,
		Description: "叫醒 wake-up call", DueAt: due}
}

// rowOf is request id's row as the dashboard derives it at now from the
// open set read once (no store read at now).
func rowOf(t *testing.T, set OpenSet, id string, now time.Time) RequestRow {
	t.Helper()
	for _, r := range set.At(now) {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("request %s not in the open set", id)
	return RequestRow{}
}

// A wake-up call for 06:30 tomorrow, written at 08:00 today, stays off
// the dashboard and is never late today; shows at 06:15 (the default 15
// minutes' lead); is late from 06:31; its follow-up is due at 06:40, ten
// minutes after the due time, not after the time it was written.
func TestWakeUpTomorrowMorning(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	w := openReq(f, wakeUp(at(1, 6, 30)))
	if w.Status != StatusOpen || !w.DueAt.Equal(at(1, 6, 30)) || !w.PromisedAt.Equal(at(1, 6, 30)) {
		t.Fatalf("wake-up = %+v", w)
	}
	set, err := f.Svc.OpenSet("D1")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                       string
		now                        time.Time
		onShow, late, followUp     bool
		call                       CallStep
		wantNextFollowUp, wantCall time.Time
	}{
		{"just written", at(0, 8, 0), false, false, false, CallSoon, at(1, 6, 40), at(1, 6, 30)},
		{"this afternoon", at(0, 15, 0), false, false, false, CallSoon, at(1, 6, 40), at(1, 6, 30)},
		{"midnight", at(1, 0, 0), false, false, false, CallSoon, at(1, 6, 40), at(1, 6, 30)},
		{"06:14", at(1, 6, 14), false, false, false, CallSoon, at(1, 6, 40), at(1, 6, 30)},
		{"06:15 lead time", at(1, 6, 15), true, false, false, CallSoon, at(1, 6, 40), at(1, 6, 30)},
		{"06:30 due", at(1, 6, 30), true, false, false, CallNow, at(1, 6, 40), at(1, 6, 30)},
		{"06:31 late", at(1, 6, 31), true, true, false, CallNow, at(1, 6, 40), at(1, 6, 30)},
		{"06:39", at(1, 6, 39), true, true, false, CallNow, at(1, 6, 40), at(1, 6, 30)},
		{"06:40 follow-up", at(1, 6, 40), true, true, true, CallNow, at(1, 6, 40), at(1, 6, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := set.At(tt.now)
			r := rowOf(t, set, w.ID, tt.now)
			if got := slices.Contains(ids(OnShow(rows)), w.ID); got != tt.onShow {
				t.Errorf("on the dashboard = %v, want %v", got, tt.onShow)
			}
			if r.Quiet == tt.onShow {
				t.Errorf("quiet = %v with on show %v", r.Quiet, tt.onShow)
			}
			if got := slices.Contains(ids(LateRows(rows)), w.ID); got != tt.late || r.Late != tt.late {
				t.Errorf("late = %v (row %v), want %v", got, r.Late, tt.late)
			}
			if got := slices.Contains(ids(DueForFollowUp(rows)), w.ID); got != tt.followUp {
				t.Errorf("follow-up due = %v, want %v", got, tt.followUp)
			}
			if !r.NextFollowUp.Equal(tt.wantNextFollowUp) || r.Call != tt.call || !r.CallAt.Equal(tt.wantCall) {
				t.Errorf("next follow-up %v, call %q at %v; want %v, %q at %v",
					r.NextFollowUp, r.Call, r.CallAt, tt.wantNextFollowUp, tt.call, tt.wantCall)
			}
		})
	}
}

// The store's answer agrees with the open set: the late list read at
// 06:31 holds the call, the one read today does not.
func TestWakeUpLateFromTheStore(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	w := openReq(f, wakeUp(at(1, 6, 30)))
	if late, _ := f.Svc.LateRequests("D1"); len(late) != 0 {
		t.Fatalf("late today: %v", ids(late))
	}
	if due, _ := f.Svc.FollowUpsDue("D1"); len(due) != 0 {
		t.Fatalf("follow-ups due today: %v", ids(due))
	}
	f.Clock.Set(at(1, 6, 31))
	if late, _ := f.Svc.LateRequests("D1"); !slices.Equal(ids(late), []string{w.ID}) {
		t.Fatalf("late at 06:31: %v", ids(late))
	}
}

// A longer lead time set by the hotel brings the call up earlier.
func TestScheduleLeadIsAHotelSetting(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	lead := 30 * time.Minute
	f.Must(f.Core.ChangeSettings(apptest.SupID, app.HotelChange{ScheduleLead: &lead}))
	w := openReq(f, wakeUp(at(1, 6, 30)))
	set, _ := f.Svc.OpenSet("D1")
	if r := rowOf(t, set, w.ID, at(1, 5, 59)); !r.Quiet {
		t.Fatalf("on show at 05:59: %+v", r)
	}
	if r := rowOf(t, set, w.ID, at(1, 6, 0)); r.Quiet || !r.DueSoon {
		t.Fatalf("not on show at 06:00: %+v", r)
	}
}

func TestScheduleLeadBounds(t *testing.T) {
	for _, tt := range []struct {
		name string
		lead time.Duration
		ok   bool
	}{
		{"below a minute", time.Minute - time.Second, false},
		{"a minute", time.Minute, true},
		{"twelve hours", 12 * time.Hour, true},
		{"beyond twelve hours", 12*time.Hour + time.Minute, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			_, err := f.Core.ChangeSettings(apptest.SupID, app.HotelChange{ScheduleLead: &tt.lead})
			if tt.ok && err != nil {
				t.Fatal(err)
			}
			if !tt.ok {
				apptest.WantRefusal(t, err, app.ErrInvalid, "field.bad_number")
			}
		})
	}
}

// No answer at 06:30 makes the second call due at 06:35; no answer again
// sends someone to the room (escalated); the guest woken at the door
// finishes it. Each call keeps who made it and when.
func TestWakeUpNoAnswerThenSecondCallThenRoom(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	w := openReq(f, wakeUp(at(1, 6, 30)))
	f.Clock.Set(at(1, 6, 30))
	r, err := f.Svc.LogCall(apptest.AttID, w.ID, CallInput{Outcome: CallNoAnswer})
	if err != nil || r.Status != StatusOpen || len(r.Calls) != 1 {
		t.Fatalf("no answer: %+v, %v", r, err)
	}
	row, _ := f.Svc.RequestRow(w.ID)
	if row.Call != CallWaiting || !row.CallAt.Equal(at(1, 6, 35)) {
		t.Fatalf("after no answer: call %q at %v", row.Call, row.CallAt)
	}
	f.Clock.Set(at(1, 6, 35))
	row, _ = f.Svc.RequestRow(w.ID)
	if row.Call != CallAgain || !row.CallDue() {
		t.Fatalf("at 06:35: call %q", row.Call)
	}
	f.Must(f.Svc.LogCall(apptest.Att2ID, w.ID, CallInput{Outcome: CallNoAnswer}))
	row, _ = f.Svc.RequestRow(w.ID)
	if row.Call != CallGoToRoom || !slices.Contains(row.Escalated, EscalatedNoAnswer) {
		t.Fatalf("after the second no answer: call %q, escalated %v", row.Call, row.Escalated)
	}
	if esc, _ := f.Svc.EscalatedRequests(); !slices.Contains(ids(esc), w.ID) {
		t.Fatalf("not among the escalated: %v", ids(esc))
	}
	f.Clock.Set(at(1, 6, 41))
	r, err = f.Svc.LogCall(apptest.AttID, w.ID, CallInput{Outcome: CallAtDoor, Note: "Zhang Wei went up, guest awake"})
	if err != nil || r.Status != StatusClosed || r.Resolution == nil {
		t.Fatalf("woken at the door: %+v, %v", r, err)
	}
	want := []CallAttempt{
		{At: at(1, 6, 30), By: apptest.AttID, Outcome: CallNoAnswer},
		{At: at(1, 6, 35), By: apptest.Att2ID, Outcome: CallNoAnswer},
		{At: at(1, 6, 41), By: apptest.AttID, Outcome: CallAtDoor, Note: "Zhang Wei went up, guest awake"},
	}
	if !slices.Equal(r.Calls, want) {
		t.Fatalf("calls = %+v", r.Calls)
	}
	_, err = f.Svc.LogCall(apptest.AttID, w.ID, CallInput{Outcome: CallAnswered})
	apptest.WantRefusal(t, err, app.ErrConflict, "request.not_open")
}

func TestWakeUpAnsweredCloses(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	w := openReq(f, wakeUp(at(1, 6, 30)))
	f.Clock.Set(at(1, 6, 29))
	r, err := f.Svc.LogCall(apptest.AttID, w.ID, CallInput{Outcome: CallAnswered})
	if err != nil || r.Status != StatusClosed || !r.Finished() {
		t.Fatalf("answered: %+v, %v", r, err)
	}
	if open, _ := f.Svc.OpenRequests("D1"); len(open) != 0 {
		t.Fatalf("still open: %v", ids(open))
	}
}

func TestLogCallRefusals(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	w := openReq(f, wakeUp(at(1, 6, 30)))
	towel := openReq(f, towels())
	_, err := f.Svc.LogCall(apptest.AttID, w.ID, CallInput{Outcome: CallAnswered})
	apptest.WantRefusal(t, err, app.ErrConflict, "request.call_too_early")
	f.Clock.Set(at(1, 6, 15))
	_, err = f.Svc.LogCall(apptest.AttID, towel.ID, CallInput{Outcome: CallAnswered})
	apptest.WantRefusal(t, err, app.ErrConflict, "request.not_wake_up")
	_, err = f.Svc.LogCall(apptest.AttID, w.ID, CallInput{Outcome: "maybe"})
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.bad_value")
	f.Must(f.Svc.LogCall(apptest.AttID, w.ID, CallInput{Outcome: CallAnswered}))
}

// The handover passes on open work only: a call due tomorrow morning is
// listed apart, as scheduled for the next shift, and one due in three
// days not at all; once due it is open work.
func TestHandoverLeavesOutNotYetDue(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	towel := openReq(f, towels())
	morning := openReq(f, wakeUp(at(1, 6, 30)))
	openReq(f, wakeUp(at(3, 6, 30))) // in three days: in no list below
	check := func(now time.Time, work, scheduled []string) {
		t.Helper()
		hs, err := f.Svc.handoverRequests("D1", now)
		if err != nil {
			t.Fatal(err)
		}
		var gotWork, gotScheduled []string
		for _, h := range hs {
			if h.Scheduled {
				gotScheduled = append(gotScheduled, h.ID)
			} else {
				gotWork = append(gotWork, h.ID)
			}
		}
		if !slices.Equal(gotWork, work) || !slices.Equal(gotScheduled, scheduled) {
			t.Fatalf("at %v: work %v scheduled %v; want %v, %v", now, gotWork, gotScheduled, work, scheduled)
		}
	}
	check(at(0, 15, 0), []string{towel.ID}, nil)
	check(at(0, 23, 0), []string{towel.ID}, []string{morning.ID})
	check(at(1, 6, 31), []string{towel.ID, morning.ID}, nil)
}

// A daily wake-up call from tomorrow through Saturday is one record a
// day; each day exactly one of them comes up, at 06:15.
func TestDailyWakeUpOneDueItemPerDay(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	in := wakeUp(at(1, 6, 30))
	in.RepeatUntil = time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)
	first := openReq(f, in)
	if first.Series == nil || first.Series.N != 1 || first.Series.Of != 4 || !first.Series.Until.Equal(at(4, 6, 30)) {
		t.Fatalf("series = %+v", first.Series)
	}
	set, _ := f.Svc.OpenSet("D1")
	if set.Len() != 4 {
		t.Fatalf("%d records, want 4", set.Len())
	}
	seen := map[string]bool{}
	for day := 1; day <= 4; day++ {
		if on := OnShow(set.At(at(day, 6, 14))); len(on) != 0 {
			t.Fatalf("day %d 06:14: %v on show", day, ids(on))
		}
		on := OnShow(set.At(at(day, 6, 15)))
		if len(on) != 1 || seen[on[0].ID] || !on[0].DueAt.Equal(at(day, 6, 30)) || on[0].Series.N != day {
			t.Fatalf("day %d 06:15: %+v", day, on)
		}
		seen[on[0].ID] = true
		// the day's call answered: the next day's is still to come
		f.Clock.Set(at(day, 6, 30))
		f.Must(f.Svc.LogCall(apptest.AttID, on[0].ID, CallInput{Outcome: CallAnswered}))
		set, _ = f.Svc.OpenSet("D1")
		if set.Len() != 4-day {
			t.Fatalf("after day %d: %d open", day, set.Len())
		}
	}
}

// A guest leaving early: the occurrences not yet due are cancelled
// together; the one already due stays for the desk.
func TestCancelSeries(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	in := wakeUp(at(1, 6, 30))
	in.RepeatUntil = at(5, 0, 0)
	first := openReq(f, in)
	f.Clock.Set(at(2, 6, 31))
	n, err := f.Svc.CancelSeries(apptest.AttID, first.Series.ID, "guest checks out today")
	if err != nil || n != 3 {
		t.Fatalf("cancelled %d, %v", n, err)
	}
	open, _ := f.Svc.OpenRequests("D1")
	if len(open) != 2 || !open[0].DueAt.Equal(at(1, 6, 30)) || !open[1].DueAt.Equal(at(2, 6, 30)) {
		t.Fatalf("open after cancelling the series: %+v", open)
	}
}

// Each limit of a scheduled request, at the limit and just beyond it.
func TestScheduleLimits(t *testing.T) {
	now := apptest.Start // 2026-03-03 08:00
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		in       func(*NewRequest)
		code     string // "" = accepted
		wantRecs int
	}{
		{"due now", func(r *NewRequest) { r.DueAt = now }, "", 1},
		{"due 5 minutes ago", func(r *NewRequest) { r.DueAt = now.Add(-MaxDueInPast) }, "", 1},
		{"due 5 minutes and a second ago", func(r *NewRequest) { r.DueAt = now.Add(-MaxDueInPast - time.Second) }, "request.due_past", 0},
		{"due in 30 days", func(r *NewRequest) { r.DueAt = now.Add(MaxScheduleAhead) }, "", 1},
		{"due in 30 days and a minute", func(r *NewRequest) { r.DueAt = now.Add(MaxScheduleAhead + time.Minute) }, "request.due_too_far", 0},
		{"wake-up without a time", func(r *NewRequest) { r.DueAt = time.Time{} }, "request.due_required", 0},
		{"repeat without a time", func(r *NewRequest) { r.Kind, r.DueAt, r.RepeatUntil = RequestService, time.Time{}, day(3, 5) }, "request.repeat_without_due", 0},
		{"repeat ending the day before", func(r *NewRequest) { r.DueAt, r.RepeatUntil = at(1, 6, 30), day(3, 3) }, "request.repeat_before_due", 0},
		{"repeat ending the same day", func(r *NewRequest) { r.DueAt, r.RepeatUntil = at(1, 6, 30), day(3, 4) }, "", 1},
		{"30 days", func(r *NewRequest) { r.DueAt, r.RepeatUntil = at(0, 9, 0), day(4, 1) }, "", 30},
		{"31 days", func(r *NewRequest) { r.DueAt, r.RepeatUntil = at(0, 9, 0), day(4, 2) }, "request.repeat_too_many", 0},
		{"last day beyond 30 days", func(r *NewRequest) { r.DueAt, r.RepeatUntil = at(2, 8, 0), day(4, 3) }, "request.due_too_far", 0},
		{"promise before due", func(r *NewRequest) { r.PromisedAt = r.DueAt.Add(-time.Minute) }, "request.promise_before_due", 0},
		{"a cot at 19:00", func(r *NewRequest) {
			r.Kind, r.Description, r.Department, r.DueAt = RequestService, "extra bed (cot)", "housekeeping", at(0, 19, 0)
		}, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			importRooms(f)
			in := wakeUp(at(1, 6, 30))
			tt.in(&in)
			_, err := f.Svc.OpenRequest(apptest.AttID, in)
			if tt.code != "" {
				apptest.WantRefusal(t, err, app.ErrInvalid, tt.code)
			} else if err != nil {
				t.Fatal(err)
			}
			if set, _ := f.Svc.OpenSet("D1"); set.Len() != tt.wantRecs {
				t.Fatalf("%d records, want %d", set.Len(), tt.wantRecs)
			}
		})
	}
}

// A cot at 19:00 is late only after its kind's grace, and its follow-up
// runs from 19:00.
func TestScheduledServiceGrace(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	in := towels()
	in.Description, in.DueAt = "bring a cot", at(0, 19, 0)
	r := openReq(f, in)
	set, _ := f.Svc.OpenSet("D1")
	if row := rowOf(t, set, r.ID, at(0, 19, 10)); row.Late || !row.FollowUpDue {
		t.Fatalf("19:10: late %v follow-up due %v", row.Late, row.FollowUpDue)
	}
	if row := rowOf(t, set, r.ID, at(0, 19, 11)); !row.Late {
		t.Fatalf("19:11 not late")
	}
	if row := rowOf(t, set, r.ID, at(0, 18, 0)); row.Late || row.FollowUpDue || !row.Quiet {
		t.Fatalf("18:00: %+v", row)
	}
}

// Two desks deal with a daily call: calls on different days touch
// different records; two no-answers logged at once add up without a
// conflict; both desks end with the same views.
func TestScheduledRequestsSync(t *testing.T) {
	a, b := apptest.Pair(t, New)
	importRooms(a)
	in := wakeUp(at(1, 6, 30))
	in.RepeatUntil = at(2, 0, 0)
	first := openReq(a, in)
	apptest.ExchangeDesks(t, a, b)
	set, _ := b.Svc.OpenSet("D1")
	if set.Len() != 2 {
		t.Fatalf("desk b holds %d occurrences", set.Len())
	}
	a.Clock.Set(at(1, 6, 30))
	b.Clock.Set(at(1, 6, 30))
	a.Must(a.Svc.LogCall(apptest.AttID, first.ID, CallInput{Outcome: CallNoAnswer}))
	b.Must(b.Svc.LogCall(apptest.Att2ID, first.ID, CallInput{Outcome: CallNoAnswer}))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(KindRequest, first.ID))
	r, _ := a.Svc.RequestRow(first.ID)
	if r.HasConflict() || len(r.Calls) != 2 || r.Call != CallGoToRoom {
		t.Fatalf("after two desks' no-answers: conflict %v, calls %d, step %q", r.HasConflict(), len(r.Calls), r.Call)
	}
}
