package supervisor

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// settingsTab sets the follow-up interval, how early scheduled requests
// show, when an idle desk signs out, the grace of a clock-in against the
// shift plan, the public areas and the holding periods.
type settingsTab struct {
	s      *kit.Session
	f      *kit.Form
	follow *kit.Entry
	lead   *kit.Entry // minutes before its due time a scheduled request shows
	areas  *kit.Entry // the public areas, one per line
	topics *kit.Entry // the call topics, one per line
	idle   *kit.Entry // minutes without use before the desk signs out
	grace  *kit.Entry // minutes past a shift's start a clock-in is on time
	keep   *kit.Entry // days a closed record keeps its guest's personal data
	days   map[app.Category]*kit.Entry
	police map[app.Category]*widget.Check
	// methods are the disposal methods allowed per category, by method
	methods map[app.Category]map[string]*widget.Check
	box     fyne.CanvasObject
}

func newSettingsTab(s *kit.Session) *settingsTab {
	t := &settingsTab{s: s, f: newForm(), days: map[app.Category]*kit.Entry{}, police: map[app.Category]*widget.Check{},
		methods: map[app.Category]map[string]*widget.Check{}}
	t.follow = t.f.Entry("10")
	t.f.Check(t.follow, "follow_up", checkCount)
	t.f.Row(lang.L("supervisor.follow_up"), "follow_up", t.follow)
	t.lead = t.f.Entry("15")
	t.f.Check(t.lead, "schedule_lead", checkCount)
	t.f.Row(lang.L("supervisor.schedule_lead"), "schedule_lead", t.lead)
	t.idle = t.f.Entry("5")
	t.f.Check(t.idle, "sign_out_after", checkCount)
	t.f.Row(lang.L("supervisor.sign_out_after"), "sign_out_after", t.idle)
	t.grace = t.f.Entry("5")
	t.f.Check(t.grace, "late_grace", checkCount)
	t.f.Row(lang.L("supervisor.late_grace"), "late_grace", t.grace)
	t.keep = t.f.Entry("90")
	t.f.Check(t.keep, "retention_days", checkCount)
	t.f.Row(lang.L("supervisor.retention_days"), "retention_days", t.keep)
	t.areas = t.f.Entry("")
	t.areas.MultiLine = true
	t.areas.Wrapping = fyne.TextWrapOff
	t.areas.SetMinRowsVisible(4)
	t.f.Row(lang.L("supervisor.areas"), "areas", t.areas)
	t.topics = t.f.Entry("")
	t.topics.MultiLine = true
	t.topics.Wrapping = fyne.TextWrapOff
	t.topics.SetMinRowsVisible(4)
	t.f.Row(lang.L("supervisor.topics"), "topics", t.topics)
	for _, c := range app.Categories {
		t.holdingRow(c)
	}
	t.f.Inline = true
	t.f.Submit = func() { t.s.WithPIN(t.save) }
	t.f.Cancel = func() { t.refresh(nil) }
	t.box = container.NewVScroll(t.f.Content(lang.L("supervisor.settings_heading"), lang.L("supervisor.save")))
	return t
}

func (t *settingsTab) title() string { return lang.L("supervisor.settings") }

func (t *settingsTab) content() fyne.CanvasObject { return t.box }

// refresh shows the hotel's settings.
func (t *settingsTab) refresh(changed []wire.EntityRef) {
	if !kit.Changed(changed, kit.KindHotel) {
		return
	}
	h, err := t.s.Svc.Settings()
	if err != nil {
		return
	}
	t.follow.SetText(strconv.Itoa(int(h.FollowUp / time.Minute)))
	t.lead.SetText(strconv.Itoa(int(h.Lead() / time.Minute)))
	t.idle.SetText(strconv.Itoa(int(h.IdleSignOut() / time.Minute)))
	t.grace.SetText(strconv.Itoa(int(h.Grace() / time.Minute)))
	t.keep.SetText(strconv.Itoa(h.Retention()))
	t.areas.SetText(strings.Join(h.PublicAreas(), "\n"))
	t.topics.SetText(strings.Join(h.CallTopics(), "\n"))
	for _, c := range app.Categories {
		t.showHolding(c, h.HoldingOf(c))
	}
	t.f.Errs.Clear()
}

// minutes reads a number of minutes from e, or says on field that it is
// not a number.
func (t *settingsTab) minutes(e *kit.Entry, field string) (time.Duration, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(e.Text))
	if err != nil {
		t.f.Say(field, lang.L("supervisor.count_format"))
		return 0, false
	}
	return time.Duration(n) * time.Minute, true
}

func (t *settingsTab) save() {
	follow, ok := t.minutes(t.follow, "follow_up")
	if !ok {
		return
	}
	lead, ok := t.minutes(t.lead, "schedule_lead")
	if !ok {
		return
	}
	idle, ok := t.minutes(t.idle, "sign_out_after")
	if !ok {
		return
	}
	grace, ok := t.minutes(t.grace, "late_grace")
	if !ok {
		return
	}
	keep, err := strconv.Atoi(strings.TrimSpace(t.keep.Text))
	if err != nil {
		t.f.Say("retention_days", lang.L("supervisor.count_format"))
		return
	}
	areas := app.CleanAreas(strings.Split(t.areas.Text, "\n"))
	topics := app.CleanAreas(strings.Split(t.topics.Text, "\n"))
	change := app.HotelChange{FollowUp: &follow, ScheduleLead: &lead, SignOutAfter: &idle, LateGrace: &grace, Areas: &areas,
		Topics: &topics, RetentionDays: &keep, Holding: map[app.Category]app.Holding{}}
	for _, c := range app.Categories {
		hold, ok := t.holding(c)
		if !ok {
			return
		}
		change.Holding[c] = hold
	}
	_, err = t.s.Svc.ChangeSettings(t.s.UserID(), change)
	saved(t.s, t.f, err, "supervisor.settings_saved", nil)
}
