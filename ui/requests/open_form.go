package requests

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// openInputs are the widgets of the new-request form.
type openInputs struct {
	room, guest, desc, promised      *kit.Entry
	due, repeat, contact             *kit.Entry
	channel, kind, dept, priority    *kit.Choice
	area                             *kit.Choice // a public area instead of a room
	areas                            choices
	topic                            *kit.Choice // what the guest called about (topics.go)
	topics                           choices
	category, severity, responsible  *kit.Choice
	kinds, channels, depts, prios    choices
	categories, severities, respDept choices
}

// openForm builds the form that opens a request. The complaint fields
// show only for a complaint.
func (sc *Screen) openForm() *form {
	f := newForm(lang.L("requests.new"), lang.L("requests.form.open"), sc.closeForm)
	in := sc.openFields(f)
	f.submit = func() error {
		r, err := sc.svc.OpenRequest(sc.s.UserID(), in.request(f, sc.s.Now()))
		if err == nil {
			sc.saved(r.ID, lang.L("requests.saved.opened", map[string]string{"Room": r.Where()}))
		}
		return err
	}
	f.check = func() bool { return in.check(f, sc.s.Now()) }
	return f
}

// check shows what can be seen before saving: required fields, the time
// formats. A wake-up call needs no description (it says what it is).
func (in *openInputs) check(f *form, now time.Time) bool {
	desc := requiredText(in.desc.Text)
	if in.wakeUp() {
		desc = ""
	}
	return f.checkAll(
		fieldCheck{"room", in.roomText(in.room.Text)},
		fieldCheck{"description", desc},
		fieldCheck{"due_at", dueText(in.due.Text, now)},
		fieldCheck{"repeat_until", dayText(in.repeat.Text, now)},
		fieldCheck{"promised_at", clockText(in.promised.Text, now)})
}

// roomText: a room is required unless the request is for a public area.
func (in *openInputs) roomText(room string) string {
	if in.areas.code(in.area.Selected) != "" {
		return ""
	}
	return requiredText(room)
}

func (in *openInputs) wakeUp() bool {
	return in.kinds.code(in.kind.Selected) == string(apprequests.RequestWakeUp)
}

func (sc *Screen) openFields(f *form) *openInputs {
	depts := sc.departments()
	in := &openInputs{kinds: kindChoices(), channels: channelChoices(), prios: priorityChoices(),
		depts: deptChoices(depts, true), categories: categoryChoices(), severities: severityChoices(),
		respDept: deptChoices(depts, false)}
	in.room = f.entry("room", lang.L("requests.field.room"), lang.L("requests.field.room_hint"))
	in.areas = areaChoices(sc.areas())
	in.area = f.selectField("area", lang.L("requests.field.area"), in.areas, "")
	in.guest = f.entry("guest", lang.L("requests.field.guest"), "")
	in.contact = f.entry("contact", lang.L("requests.field.contact"), lang.L("requests.field.contact_hint"))
	in.kind = f.selectField("kind", lang.L("requests.field.kind"), in.kinds, string(apprequests.RequestService))
	in.channel = f.selectField("channel", lang.L("requests.field.channel"), in.channels, string(apprequests.ChannelInPerson))
	in.topics, in.topic = sc.topicField(f)
	in.desc = f.entry("description", lang.L("requests.field.description"), "")
	in.due = f.entry("due_at", lang.L("requests.field.due"), lang.L("requests.field.due_hint"))
	in.repeat = f.entry("repeat_until", lang.L("requests.field.repeat_until"), lang.L("requests.field.repeat_hint"))
	in.dept = f.selectField("department", lang.L("requests.field.department"), in.depts, "")
	in.priority = f.selectField("priority", lang.L("requests.field.priority"), in.prios, string(apprequests.PriorityNormal))
	in.promised = f.entry("promised_at", lang.L("requests.field.promised"), lang.L("requests.field.promised_hint"))
	in.category = f.selectField("complaint.category", lang.L("requests.field.category"), in.categories, "")
	in.severity = f.selectField("complaint.severity", lang.L("requests.field.severity"), in.severities, "")
	in.responsible = f.selectField("complaint.responsible", lang.L("requests.field.responsible"), in.respDept, "")
	in.watch(f, sc)
	return in
}

// watch validates as the user types and shows the complaint fields for
// a complaint only.
func (in *openInputs) watch(f *form, sc *Screen) {
	f.Check(in.room, "room", in.roomText)
	f.Check(in.desc, "description", requiredText)
	f.Check(in.promised, "promised_at", func(s string) string { return clockText(s, sc.s.Now()) })
	f.Check(in.due, "due_at", func(s string) string { return dueText(s, sc.s.Now()) })
	f.Check(in.repeat, "repeat_until", func(s string) string { return dayText(s, sc.s.Now()) })
	in.kind.OnChanged = func(string) { in.showForKind(f) }
	in.showForKind(f)
}

// showForKind shows the complaint fields for a complaint only, and hides
// the promised time for a wake-up call (it is due at its time).
func (in *openInputs) showForKind(f *form) {
	complaint := in.kinds.code(in.kind.Selected) == string(apprequests.RequestComplaint)
	f.ShowRows(complaint, "complaint.category", "complaint.severity", "complaint.responsible")
	f.ShowRows(!in.wakeUp(), "promised_at")
}

// request reads the form into the domain's input.
func (in *openInputs) request(f *form, now time.Time) apprequests.NewRequest {
	promised, _ := parseClock(in.promised.Text, now)
	due, _ := parseDue(in.due.Text, now)
	until, _ := parseDay(in.repeat.Text, now)
	r := apprequests.NewRequest{
		Room: in.room.Text, Area: in.areas.code(in.area.Selected), Guest: in.guest.Text,
		Contact: in.contact.Text, Description: in.desc.Text, Topic: in.topics.code(in.topic.Selected),
		Kind:       apprequests.RequestKind(in.kinds.code(in.kind.Selected)),
		Channel:    apprequests.RequestChannel(in.channels.code(in.channel.Selected)),
		Department: in.depts.code(in.dept.Selected),
		Priority:   apprequests.RequestPriority(in.prios.code(in.priority.Selected)),
		PromisedAt: promised, DueAt: due, RepeatUntil: until,
	}
	if r.Kind == apprequests.RequestWakeUp {
		r.PromisedAt = time.Time{}
		if strings.TrimSpace(r.Description) == "" {
			r.Description = kindName(r.Kind)
		}
	}
	if r.Kind == apprequests.RequestComplaint {
		r.Complaint = &apprequests.Complaint{
			Category:    apprequests.ComplaintCategory(in.categories.code(in.category.Selected)),
			Severity:    apprequests.ComplaintSeverity(in.severities.code(in.severity.Selected)),
			Responsible: in.respDept.code(in.responsible.Selected),
		}
	}
	return r
}

// areas lists the hotel's public areas; none when the set-up cannot be
// read (requests for rooms still work).
func (sc *Screen) areas() []string {
	h, err := sc.svc.Settings()
	if err != nil {
		return nil
	}
	return h.PublicAreas()
}

// departments lists the hotel's departments; none when the set-up cannot
// be read (the desk itself still takes requests).
func (sc *Screen) departments() []string {
	h, err := sc.svc.Settings()
	if err != nil {
		return nil
	}
	return h.Departments
}
