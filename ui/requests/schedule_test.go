package requests

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

func TestParseDue(t *testing.T) {
	now := time.Date(2026, 3, 3, 22, 0, 0, 0, time.UTC) // Tuesday evening
	day := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, time.UTC) }
	for _, tc := range []struct {
		in   string
		want time.Time
		bad  bool
	}{
		{in: ""},
		{in: "06:30", want: day(3, 4, 6, 30)},
		{in: "22:30", want: day(3, 3, 22, 30)},
		{in: "21:56", want: day(3, 3, 21, 56)}, // four minutes ago: still today
		{in: "21:54", want: day(3, 4, 21, 54)}, // six minutes ago: tomorrow
		{in: "明天 06:30", want: day(3, 4, 6, 30)},
		{in: "明天06:30", want: day(3, 4, 6, 30)},
		{in: "后天 0630", want: day(3, 5, 6, 30)},
		{in: "tomorrow 07:00", want: day(3, 4, 7, 0)},
		{in: "3-10 06:30", want: day(3, 10, 6, 30)},
		{in: "3月10日 06:30", want: day(3, 10, 6, 30)},
		{in: "2026-03-10 06:30", want: day(3, 10, 6, 30)},
		{in: "2-30 06:30", bad: true},
		{in: "明天", bad: true},
		{in: "someday 06:30", bad: true},
		{in: "明天 25:00", bad: true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseDue(tc.in, now)
			if (err != nil) != tc.bad || !got.Equal(tc.want) {
				t.Errorf("parseDue(%q) = %v, %v; want %v (bad %v)", tc.in, got, err, tc.want, tc.bad)
			}
		})
	}
}

func TestParseDay(t *testing.T) {
	now := time.Date(2026, 3, 3, 22, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Time
		bad  bool
	}{
		{in: ""},
		{in: "明天", want: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)},
		{in: "3-7", want: time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)},
		{in: "3/7", want: time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)},
		{in: "1-5", want: time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)},
		{in: "2026-04-01", want: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)},
		{in: "4-31", bad: true},
		{in: "soon", bad: true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseDay(tc.in, now)
			if (err != nil) != tc.bad || !got.Equal(tc.want) {
				t.Errorf("parseDay(%q) = %v, %v; want %v (bad %v)", tc.in, got, err, tc.want, tc.bad)
			}
		})
	}
}

// openWakeUp writes a wake-up call through the form and returns its ID.
func (d *desk) openWakeUp(room, due, until string) string {
	d.t.Helper()
	d.sc.NewRequest()
	d.typeInto("room", room)
	d.choose("kind", kindName(apprequests.RequestWakeUp))
	d.typeInto("due_at", due)
	if until != "" {
		d.typeInto("repeat_until", until)
	}
	d.save()
	if d.sc.form != nil {
		d.t.Fatalf("form still open: %q", d.sc.form.Errs.Text(""))
	}
	return d.sc.Shown()
}

// A wake-up call typed as "明天 06:30" at 08:00: the list shows its due
// time; the dashboard, read once, leaves it out all day, shows it at
// 06:15, announces the call at 06:30 and shows it late from 06:31.
func TestWakeUpThroughTheFormAndTheDashboard(t *testing.T) {
	d := newDesk(t)
	id := d.openWakeUp("301", "明天 06:30", "")
	r, err := d.env.Svc.Request(id)
	if err != nil || r.Kind != apprequests.RequestWakeUp || !r.DueAt.Equal(time.Date(2026, 3, 4, 6, 30, 0, 0, time.UTC)) {
		t.Fatalf("request = %+v, %v", r, err)
	}
	if _, _, note := d.row(id); !strings.Contains(note, "06:30") {
		t.Errorf("row note %q does not show the due time", note)
	}
	view, err := Dashboard(d.env.Session, d.env.Svc).Load()
	if err != nil {
		t.Fatal(err)
	}
	at := func(h, m int) time.Time { return time.Date(2026, 3, 4, h, m, 0, 0, time.UTC) }
	for _, now := range []time.Time{time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC), time.Date(2026, 3, 3, 20, 0, 0, 0, time.UTC), at(6, 14)} {
		if p := view(now); len(p.Lines) != 0 || len(p.Notices) != 0 || p.Counts["dash.tile_late"].N != 0 {
			t.Fatalf("at %v the dashboard shows %+v", now, p)
		}
	}
	p := view(at(6, 15))
	if len(p.Lines) != 1 || p.Lines[0].ID != id || len(p.Notices) != 0 {
		t.Fatalf("at 06:15: %+v", p)
	}
	p = view(at(6, 30))
	if len(p.Notices) != 1 || !strings.Contains(p.Notices[0].Text, "301") || p.Counts["dash.tile_late"].N != 0 {
		t.Fatalf("at 06:30: %+v", p)
	}
	if p = view(at(6, 31)); p.Counts["dash.tile_late"].N != 1 {
		t.Fatalf("at 06:31 not late: %+v", p.Counts)
	}
	if p = view(at(6, 40)); p.Counts["dash.tile_follow_ups"].N != 1 {
		t.Fatalf("at 06:40 no follow-up due: %+v", p.Counts)
	}
}

// No answer through the form: the detail says when to call again, and
// the dashboard announces the second call when it falls due.
func TestNoAnswerPromptsTheSecondCall(t *testing.T) {
	d := newDesk(t)
	id := d.openWakeUp("302", "06:30", "")
	d.env.Clock.Set(time.Date(2026, 3, 4, 6, 30, 0, 0, time.UTC))
	d.sc.Show(kit.KindRequest, id)
	d.act(actCall)
	d.choose("outcome", callName(apprequests.CallNoAnswer))
	d.save()
	if d.sc.form != nil {
		t.Fatalf("form still open: %q", d.sc.form.Errs.Text(""))
	}
	if _, _, note := d.row(id); note != lang.L("requests.step.wait", map[string]string{"Time": "06:35"}) {
		t.Errorf("row note = %q", note)
	}
	view, _ := Dashboard(d.env.Session, d.env.Svc).Load()
	p := view(time.Date(2026, 3, 4, 6, 35, 0, 0, time.UTC))
	want := lang.L("dash.wake_up_notice", map[string]string{"Room": "302", "Step": lang.L("requests.step.call_again", map[string]string{"Time": "06:35"})})
	if len(p.Notices) != 1 || p.Notices[0].Text != want {
		t.Fatalf("notices at 06:35 = %+v, want %q", p.Notices, want)
	}
}

// The handover lists what is scheduled for the next shift apart from the
// open work, and does not count it with it.
func TestHandoverSectionListsScheduledApart(t *testing.T) {
	now := time.Date(2026, 3, 3, 22, 0, 0, 0, time.UTC)
	raw := []byte(`[{"id":"1","room":"301","kind":"service","description":"towels","status":"open"},
		{"id":"2","room":"302","kind":"wake_up","description":"叫醒","status":"open","due_at":"2026-03-04T06:30:00Z","scheduled":true}]`)
	s := HandoverSection(raw, now)
	if s.Heading != kit.CountHeading("handover.requests", 1) {
		t.Errorf("heading = %q", s.Heading)
	}
	if len(s.Lines) != 3 || s.Lines[1].Text != kit.CountHeading("handover.requests_scheduled", 1) || !strings.Contains(s.Lines[2].Text, "06:30") {
		t.Fatalf("lines = %+v", s.Lines)
	}
}

// TestCancellingADailyCallCanCancelTheDaysToCome: a guest leaving early
// cancels today's call and, ticked, the days still to come, in one form.
func TestCancellingADailyCallCanCancelTheDaysToCome(t *testing.T) {
	d := newDesk(t)
	first := d.openWakeUp("303", "明天 06:30", "3-7")
	r, err := d.env.Svc.Request(first)
	if err != nil || r.Series == nil || r.Series.Of != 4 {
		t.Fatalf("series = %+v, %v", r.Series, err)
	}
	d.sc.Show(kit.KindRequest, first)
	d.act(actCancel)
	d.typeInto("reason", "客人提前离店")
	rest, ok := d.sc.form.inputs["cancel_rest"].(*widget.Check)
	if !ok {
		t.Fatal("the cancel form of a daily call offers no way to cancel the days to come")
	}
	rest.SetChecked(true)
	d.save()
	if d.sc.form != nil {
		t.Fatalf("form still open: %q", d.sc.form.Errs.Text(""))
	}
	rows, _ := d.env.Svc.RequestsForRoom("303")
	if len(rows) != 4 {
		t.Fatalf("room 303 has %d requests, want the 4 days", len(rows))
	}
	for _, row := range rows {
		if row.Status != apprequests.StatusCancelled {
			t.Errorf("day %d of %d is still %s", row.Series.N, row.Series.Of, row.Status)
		}
	}
}
