package requests

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// detailContent is the detail view of one request: what was asked, where
// it stands, why it is escalated, what can be done next and its history.
type detailContent struct {
	widget.BaseWidget
	id      string
	scroll  *container.Scroll // holds everything below
	status  *widget.Label
	actions map[string]*widget.Button
	history []historyLine
}

// CreateRenderer shows the content.
func (d *detailContent) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(d.scroll)
}

var _ kit.Holder = (*detailContent)(nil)

// Held is what the detail shows, for kit.StripCommands.
func (d *detailContent) Held() fyne.CanvasObject { return d.scroll }

// detailView is request r's detail for the pane, read afresh, since the
// row held was derived when the list was read; nil when it cannot be
// read. Showing a detail closes the form.
func (sc *Screen) detailView(r apprequests.RequestRow) (fyne.CanvasObject, *container.Scroll) {
	sc.form = nil
	d, err := sc.detail(r.ID)
	if err != nil {
		return nil, nil
	}
	return d, d.scroll
}

// detail builds the detail view of request id.
func (sc *Screen) detail(id string) (*detailContent, error) {
	row, err := sc.svc.RequestRow(id)
	if err != nil {
		return nil, err
	}
	hist, err := sc.svc.RequestHistory(id)
	if err != nil {
		return nil, err
	}
	now := sc.s.Now()
	d := &detailContent{id: id, history: timeline(&row.Request, hist, now)}
	d.status = widget.NewLabel(statusLine(&row, now))
	d.status.Importance = rowImportance(&row)
	d.actions = sc.actionButtons(&row)
	parts := []fyne.CanvasObject{detailTitle(&row), d.status}
	if box := escalationBox(&row); box != nil {
		parts = append(parts, box)
	}
	parts = append(parts, infoForm(&row, hist, now), actionBar(d.actions))
	if cs := sc.caseSection(&row, hist, d); cs != nil {
		parts = append(parts, cs)
	}
	parts = append(parts, widget.NewSeparator(), sectionTitle(lang.L("requests.history")), historyBox(d.history))
	d.scroll = container.NewVScroll(container.NewVBox(parts...))
	d.ExtendBaseWidget(d)
	return d, nil
}

func detailTitle(r *apprequests.RequestRow) fyne.CanvasObject {
	t := widget.NewLabel(r.Where() + "  " + kindName(r.Kind) + " · " + oneLine(r.Description))
	t.TextStyle.Bold = true
	t.SizeName = theme.SizeNameSubHeadingText
	t.Wrapping = fyne.TextWrapWord
	return t
}

func sectionTitle(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// statusLine says where the request stands: "已派单 · 迟了12分钟".
func statusLine(r *apprequests.RequestRow, now time.Time) string {
	parts := []string{statusName(r.Status)}
	switch {
	case r.Late:
		parts = append(parts, kit.Late(r.PromisedAt, now))
	case r.FollowUpDue:
		parts = append(parts, lang.L("requests.row.follow_up_due"))
	case r.Call != apprequests.CallNone:
		parts = append(parts, callStepText(r, now))
	case r.Quiet || r.DueSoon:
		parts = append(parts, lang.L("requests.row.due", map[string]string{"Time": kit.When(r.DueAt, now)}))
	case r.Open() && !r.NextFollowUp.IsZero():
		parts = append(parts, lang.L("requests.detail.next_follow_up", map[string]string{"Time": kit.When(r.NextFollowUp, now)}))
	}
	if r.HasConflict() {
		parts = append(parts, lang.L("requests.detail.conflict"))
	}
	return strings.Join(parts, " · ")
}

// escalationBox says why the request is escalated, or nil.
func escalationBox(r *apprequests.RequestRow) fyne.CanvasObject {
	if len(r.Escalated) == 0 {
		return nil
	}
	var lines []string
	for _, reason := range r.Escalated {
		lines = append(lines, reasonName(reason))
	}
	for _, e := range r.Escalations {
		lines = append(lines, lang.L("requests.detail.escalated_by_hand", map[string]string{"Reason": e.Reason}))
	}
	l := widget.NewLabel(lang.L("requests.detail.escalated") + "\n" + strings.Join(lines, "\n"))
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// infoForm lists the request's fields, read-only.
func infoForm(r *apprequests.RequestRow, hist []apprequests.HistoryEntry, now time.Time) fyne.CanvasObject {
	f := widget.NewForm()
	add := func(key, value string) {
		if value != "" {
			v := widget.NewLabel(value)
			v.Wrapping = fyne.TextWrapWord
			f.Append(lang.L(key), v)
		}
	}
	add("requests.field.area", r.Area)
	add("requests.field.guest", kit.Personal(r.Guest, r.Personal))
	add("requests.field.contact", r.Contact)
	add("requests.field.channel", channelName(r.Channel))
	add("requests.field.topic", r.Topic)
	add("requests.field.priority", priorityName(r.Priority))
	add("requests.field.department", deptName(r.Department))
	add("requests.detail.opened", openedText(r, hist, now))
	add("requests.field.due", whenText(r.DueAt, now))
	if r.Series != nil {
		add("requests.field.repeat_until", seriesText(r.Series)+" · "+whenText(r.Series.Until, now))
	}
	add("requests.field.promised", whenText(r.PromisedAt, now))
	addComplaint(add, r)
	add("requests.detail.response", durationText(apprequests.ResponseTime(&r.Request)))
	add("requests.detail.completion", durationText(apprequests.CompletionTime(&r.Request)))
	return f
}

func addComplaint(add func(key, value string), r *apprequests.RequestRow) {
	if r.Complaint == nil {
		return
	}
	add("requests.field.category", categoryName(r.Complaint.Category))
	add("requests.field.severity", severityName(r.Complaint.Severity))
	add("requests.field.responsible", deptName(r.Complaint.Responsible))
}

func openedText(r *apprequests.RequestRow, hist []apprequests.HistoryEntry, now time.Time) string {
	text := kit.When(r.OpenedAt, now)
	if len(hist) > 0 && hist[0].Name != "" {
		text += " · " + hist[0].Name
	}
	return text
}

func whenText(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	return kit.When(t, now)
}

func durationText(d time.Duration, ok bool) string {
	if !ok {
		return ""
	}
	return kit.Duration(d)
}

// historyBox shows the timeline, one uniform row per action.
func historyBox(lines []historyLine) fyne.CanvasObject {
	box := container.NewVBox()
	for _, h := range lines {
		what := widget.NewLabel(h.when + "  " + h.what + "  " + h.who)
		what.TextStyle.Bold = true
		box.Add(what)
		if h.detail != "" {
			d := widget.NewLabel(h.detail)
			d.Wrapping = fyne.TextWrapWord
			box.Add(container.NewPadded(d))
		}
	}
	return box
}
