package requests

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// caseSection is a complaint's case in its detail: a repeat flag, what
// was checked and found, the photos and files, the root cause, the
// corrective actions with their checks, the call-backs, and the buttons
// of the steps still open; nil for a request that is not a complaint.
// Its buttons join the detail's (d.actions).
func (sc *Screen) caseSection(r *apprequests.RequestRow, hist []apprequests.HistoryEntry, d *detailContent) fyne.CanvasObject {
	if r.Kind != apprequests.RequestComplaint {
		return nil
	}
	names := staffNames(hist)
	now := sc.s.Now()
	parts := []fyne.CanvasObject{widget.NewSeparator(), sectionTitle(lang.L("requests.case"))}
	if p, err := sc.svc.ComplaintRepeats(&r.Request); err == nil && p.Any() {
		parts = append(parts, dangerLabel(repeatText(r, p, now)))
	}
	c := r.Case
	if c == nil {
		c = &apprequests.Case{}
	}
	for _, f := range c.Findings {
		parts = append(parts, wrapLabel(findingText(f, names, now)))
	}
	for _, a := range c.Attachments {
		parts = append(parts, sc.attachmentRow(r, a, d))
	}
	if c.Cause != nil {
		parts = append(parts, wrapLabel(causeText(c.Cause)))
	}
	for _, a := range c.Actions {
		parts = append(parts, sc.actionRow(r, a, names, now, d))
	}
	for _, cb := range c.CallBacks {
		parts = append(parts, wrapLabel(callBackText(cb, names, now)))
	}
	if c.Override != nil {
		parts = append(parts, wrapLabel(lang.L("requests.case.override", map[string]string{
			"Name": names[c.Override.By], "Reason": c.Override.Reason})))
	}
	return container.NewVBox(append(parts, sc.caseBar(r, d))...)
}

// staffNames are the names of the staff who acted on the request, by ID.
func staffNames(hist []apprequests.HistoryEntry) map[string]string {
	out := map[string]string{}
	for _, h := range hist {
		out[h.Actor] = cmpOr(h.Name, h.Actor)
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func dangerLabel(text string) *widget.Label {
	l := wrapLabel(text)
	l.Importance = widget.DangerImportance
	return l
}

// caseBar holds the buttons of the case's steps the complaint allows.
func (sc *Screen) caseBar(r *apprequests.RequestRow, d *detailContent) fyne.CanvasObject {
	if r.Finished() {
		return container.NewVBox()
	}
	builders := map[string]func(*apprequests.RequestRow) *form{
		actInvestigate: sc.investigateForm, actCause: sc.causeForm, actAddAction: sc.addActionForm,
		actCallBack: sc.callBackForm, actClose: sc.closeComplaintForm, actSupClose: sc.supCloseForm,
	}
	var objs []fyne.CanvasObject
	for _, a := range caseOrder {
		if a == actSupClose && !sc.s.IsSupervisor() {
			continue
		}
		var b *widget.Button
		if a == actAttach {
			b = widget.NewButton(lang.L("requests.do."+a), func() { sc.pickAttachment(r) })
		} else {
			build := builders[a]
			b = widget.NewButton(lang.L("requests.do."+a), func() { sc.showForm(build(r)) })
		}
		if a == actClose {
			b.Importance = widget.HighImportance
		}
		d.actions[a] = b
		objs = append(objs, b)
	}
	return container.NewGridWithColumns(4, objs...)
}

// actionRow is one corrective action: what, whose, due when, and its
// check, or a button to check it.
func (sc *Screen) actionRow(r *apprequests.RequestRow, a apprequests.CorrectiveAction, names map[string]string, now time.Time, d *detailContent) fyne.CanvasObject {
	text := lang.L("requests.case.action", map[string]string{"What": a.What, "Department": deptName(a.Department),
		"Due": kit.Date(a.Due.In(now.Location()))})
	if a.Verified != nil {
		text += " · " + lang.L("requests.case.verified", map[string]string{"Name": names[a.Verified.By], "Time": kit.When(a.Verified.At, now)})
		if a.Verified.Note != "" {
			text += " · " + a.Verified.Note
		}
		return wrapLabel(text)
	}
	l := wrapLabel(text)
	if a.Overdue(now) {
		l.Importance = widget.DangerImportance
		l.SetText(text + " · " + lang.L("requests.case.overdue"))
	}
	if r.Finished() {
		return l
	}
	b := widget.NewButton(lang.L("requests.do.verify"), func() { sc.showForm(sc.verifyForm(r, a)) })
	d.actions[actVerify+"/"+a.ID] = b
	return container.NewBorder(nil, nil, nil, b, l)
}

func findingText(f apprequests.Finding, names map[string]string, now time.Time) string {
	parts := []string{named("requests.finding.", string(f.Kind))}
	subject := f.Subject
	if f.Kind == apprequests.FindingAccount {
		subject = deptName(f.Subject)
	}
	if subject != "" {
		parts = append(parts, subject)
	}
	if !f.From.IsZero() {
		parts = append(parts, kit.When(f.From, now)+"–"+kit.Clock(f.To.In(now.Location())))
	}
	if f.Checker != "" {
		parts = append(parts, f.Checker)
	}
	return lang.L("requests.case.finding", map[string]string{"What": strings.Join(parts, " · "), "Result": f.Result, "Name": names[f.By]})
}

func causeText(c *apprequests.RootCause) string {
	text := lang.L("requests.case.cause", map[string]string{"Cause": named("requests.cause.", string(c.Cause))})
	if c.Note != "" {
		text += " · " + c.Note
	}
	return text
}

func callBackText(cb apprequests.CallBack, names map[string]string, now time.Time) string {
	text := lang.L("requests.case.called_back", map[string]string{
		"Time": kit.When(cb.At, now), "Channel": named("requests.call_back.", string(cb.Channel)),
		"Score": strconv.Itoa(cb.Satisfaction), "Name": names[cb.By]})
	if cb.Wish != "" {
		text += " · " + lang.L("requests.case.wish", map[string]string{"Wish": cb.Wish})
	}
	return text
}

// repeatText says which earlier complaints make this one a repeat.
func repeatText(r *apprequests.RequestRow, p apprequests.Repeats, now time.Time) string {
	var parts []string
	if n := len(p.Room); n > 0 {
		parts = append(parts, lang.L("requests.repeat.room", map[string]string{"Room": r.Where(), "Count": strconv.Itoa(n),
			"Last": kit.Date(p.Room[0].OpenedAt.In(now.Location()))}))
	}
	if n := len(p.Guest); n > 0 {
		parts = append(parts, lang.L("requests.repeat.guest", map[string]string{"Guest": r.Guest, "Count": strconv.Itoa(n),
			"Last": kit.Date(p.Guest[0].OpenedAt.In(now.Location()))}))
	}
	return lang.L("requests.repeat.title") + " " + strings.Join(parts, " · ")
}
