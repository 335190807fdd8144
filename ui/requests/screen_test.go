package requests

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// desk is a requests screen in a test window, with rooms 301–303 and 501
// on the room list and attendant A01 (Wang Fang) signed in.
type desk struct {
	t   *testing.T
	env *kittest.Env
	sc  *Screen
}

func newDesk(t *testing.T) *desk {
	t.Helper()
	env := kittest.New(t)
	sup := env.Supervisor(t)
	env.Attendant(t, sup.ID, "A01", "Wang Fang")
	rooms := "floor,room,type\n3,301,twin\n3,302,king\n3,303,suite\n5,501,king\n"
	if _, err := env.Svc.ImportRooms(sup.ID, "rooms-2026.csv", strings.NewReader(rooms)); err != nil {
		t.Fatal(err)
	}
	env.SignIn(t, "A01")
	sc := New(env.Session, env.Svc).(*Screen)
	env.Window.SetContent(sc.Content())
	return &desk{t: t, env: env, sc: sc}
}

// typeInto types text into the current form's field.
func (d *desk) typeInto(field, text string) {
	d.t.Helper()
	e, ok := d.sc.form.inputs[field].(*kit.Entry)
	if !ok {
		d.t.Fatalf("no entry %q on the form", field)
	}
	test.Type(e, text)
}

// choose picks the option named name in the current form's field.
func (d *desk) choose(field, name string) {
	d.t.Helper()
	switch w := d.sc.form.inputs[field].(type) {
	case *kit.Choice:
		w.SetSelected(name)
	case *widget.RadioGroup:
		w.SetSelected(name)
	default:
		d.t.Fatalf("no choice %q on the form", field)
	}
}

// save taps the form's save button.
func (d *desk) save() { test.Tap(d.sc.form.Save) }

// openRequest opens a service request through the form and returns its ID.
func (d *desk) openRequest(room, desc, dept string) string {
	d.t.Helper()
	d.sc.NewRequest()
	d.typeInto("room", room)
	d.typeInto("description", desc)
	if dept != "" {
		d.choose("department", deptName(dept))
	}
	d.save()
	if d.sc.form != nil {
		d.t.Fatalf("form still open: %q", d.sc.form.Errs.Text(""))
	}
	return d.sc.Shown()
}

// row is what the list shows for id.
func (d *desk) row(id string) (title, detail, note string) {
	d.t.Helper()
	rec, ok := d.sc.Record(id)
	if !ok {
		d.t.Fatalf("request %s is not held", id)
	}
	r := kit.NewRow()
	d.sc.fillRow(rec, r)
	return r.Texts()
}

func (d *desk) listed(id string) bool {
	for _, x := range d.sc.List().IDs() {
		if x == id {
			return true
		}
	}
	return false
}

// act taps the detail view's button for command a.
func (d *desk) act(a string) {
	d.t.Helper()
	dc, ok := d.sc.Pane().Object().(*detailContent)
	if !ok || dc.actions[a] == nil {
		d.t.Fatalf("no %s button on the detail view", a)
	}
	test.Tap(dc.actions[a])
}

func TestOpenRequestThroughTheForm(t *testing.T) {
	d := newDesk(t)
	id := d.openRequest("301", "Hair dryer broken", "engineering")
	if !d.listed(id) {
		t.Fatalf("new request not in the list %v", d.sc.List().IDs())
	}
	title, detail, note := d.row(id)
	if !strings.Contains(title, "301") || !strings.Contains(title, "Hair dryer broken") {
		t.Errorf("row title = %q", title)
	}
	if !strings.Contains(detail, "Engineering") || !strings.Contains(detail, "Open") {
		t.Errorf("row detail = %q", detail)
	}
	if !strings.Contains(note, "promised") {
		t.Errorf("row note = %q", note)
	}
	if got := d.env.Session.LastNotice(); !strings.Contains(got, "301") {
		t.Errorf("no confirmation, last notice %q", got)
	}
	if got := kittest.Labels(d.sc.Content()); !strings.Contains("\n"+got, "\nRequests: 1\n") {
		t.Errorf("no count line \"Requests: 1\" in %q", got)
	}
}

func TestRefusalShowsNextToItsField(t *testing.T) {
	d := newDesk(t)
	d.sc.NewRequest()
	d.typeInto("room", "999")
	d.typeInto("description", "Extra towels")
	d.save()
	if d.sc.form == nil {
		t.Fatal("the form closed on a refusal")
	}
	got := d.sc.form.Errs.Text("room")
	if !strings.Contains(got, "999") || strings.Contains(got, "rooms-2026.csv") {
		t.Errorf("room refusal = %q", got)
	}
	if e := d.sc.form.inputs["description"].(*kit.Entry); e.Text != "Extra towels" {
		t.Errorf("typed description lost: %q", e.Text)
	}
	if d.sc.List().Len() != 0 {
		t.Errorf("a refused request was listed")
	}
}

func TestFormChecksAsYouType(t *testing.T) {
	d := newDesk(t)
	d.sc.NewRequest()
	d.typeInto("promised_at", "9pm")
	if got := d.sc.form.Errs.Text("promised_at"); got != lang.L("requests.check.clock") {
		t.Errorf("promised_at check = %q", got)
	}
	d.save()
	if got := d.sc.form.Errs.Text("room"); got != "Please fill in “Room”." {
		t.Errorf("room check on save = %q", got)
	}
	if n, _ := d.env.Svc.OpenRequests(""); len(n) != 0 {
		t.Errorf("saved despite the checks: %d", len(n))
	}
}

func TestEscCancelsAndEnterSubmits(t *testing.T) {
	d := newDesk(t)
	d.sc.NewRequest()
	d.typeInto("room", "302")
	d.sc.form.inputs["room"].(*kit.Entry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.sc.form != nil {
		t.Fatal("Esc did not close the form")
	}
	d.sc.NewRequest()
	d.typeInto("room", "302")
	d.typeInto("description", "Iron please")
	d.sc.form.inputs["description"].(*kit.Entry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d.sc.form != nil || d.sc.List().Len() != 1 {
		t.Fatalf("Enter did not save: form %v, %d rows", d.sc.form != nil, d.sc.List().Len())
	}
}

func TestDispatchChangesTheStatusInTheList(t *testing.T) {
	d := newDesk(t)
	id := d.openRequest("303", "Air conditioner noisy", "engineering")
	d.act(actDispatch)
	d.typeInto("notified", "Engineer Zhao")
	d.save()
	if d.sc.form != nil {
		t.Fatalf("dispatch refused: %q", d.sc.form.Errs.Text(""))
	}
	if _, detail, _ := d.row(id); !strings.Contains(detail, "Dispatched") {
		t.Errorf("row detail after dispatch = %q", detail)
	}
	dc := d.sc.Pane().Object().(*detailContent)
	last := dc.history[len(dc.history)-1]
	if last.what != "Dispatched" || !strings.Contains(last.detail, "Engineer Zhao") || last.who != "Wang Fang" {
		t.Errorf("history line = %+v", last)
	}
}

func TestLateRequestIsHighlighted(t *testing.T) {
	d := newDesk(t)
	id := d.openRequest("501", "Baby cot", "housekeeping")
	d.env.Clock.Advance(90 * time.Minute)
	d.sc.Refresh(nil)
	r, _ := d.sc.Record(id)
	if v := viewRow(&r, d.env.Clock.Now()); v.importance != widget.DangerImportance {
		t.Errorf("late row importance = %v", v.importance)
	}
	if _, _, note := d.row(id); note != "30 min late" {
		t.Errorf("late row note = %q", note)
	}
	d.sc.filter.SetSelected(filterLate.name())
	if !d.listed(id) {
		t.Error("late request not under the late filter")
	}
	d.sc.Show(kit.KindRequest, id)
	if txt := d.sc.Pane().Object().(*detailContent); !strings.Contains(txt.status.Text, "late") {
		t.Errorf("detail status = %q", txt.status.Text)
	}
}

func TestSearchByPinyinAndFilterByKind(t *testing.T) {
	d := newDesk(t)
	dryer := d.openRequest("301", "吹风机坏了", "")
	towels := d.openRequest("302", "Extra towels", "")
	test.Type(d.sc.Search(), "cfj")
	if ids := d.sc.List().IDs(); len(ids) != 1 || ids[0] != dryer {
		t.Errorf("search cfj = %v, want [%s]", ids, dryer)
	}
	d.sc.Search().SetText("")
	d.sc.kind.SetSelected(kindName(apprequests.RequestInquiry))
	if d.sc.List().Len() != 0 {
		t.Errorf("inquiry filter shows %v", d.sc.List().IDs())
	}
	d.sc.kind.SetSelected(kindName(apprequests.RequestService))
	if !d.listed(dryer) || !d.listed(towels) {
		t.Errorf("service filter shows %v", d.sc.List().IDs())
	}
}

func TestRequestThroughToGuestConfirmation(t *testing.T) {
	d := newDesk(t)
	id := d.openRequest("302", "Extra pillows", "housekeeping")
	d.act(actFollowUp)
	d.typeInto("note", "On the way")
	d.save()
	d.act(actResolve)
	d.typeInto("result", "Two pillows brought")
	d.save()
	d.act(actConfirm)
	d.choose("satisfaction", "5")
	d.save()
	r, _ := d.env.Svc.Request(id)
	if r.Status != apprequests.StatusClosed || r.Confirmation.Satisfaction != 5 {
		t.Fatalf("request = %s %+v", r.Status, r.Confirmation)
	}
	dc := d.sc.Pane().Object().(*detailContent)
	var whats []string
	for _, h := range dc.history {
		whats = append(whats, h.what)
	}
	if got := strings.Join(whats, ","); got != "Opened,Followed up,Done,Confirmed with guest" {
		t.Errorf("history = %s", got)
	}
	if len(dc.actions) != 0 {
		t.Errorf("a closed request offers %v", dc.actions)
	}
	if d.listed(id) {
		t.Error("a closed request is still under the open filter")
	}
}

func TestComplaintEscalatesAndTakesCompensation(t *testing.T) {
	d := newDesk(t)
	d.sc.NewRequest()
	d.typeInto("room", "301")
	d.choose("kind", kindName(apprequests.RequestComplaint))
	d.typeInto("description", "Noise from the corridor")
	d.choose("complaint.category", categoryName(apprequests.ComplaintNoise))
	d.choose("complaint.severity", severityName(apprequests.SeveritySerious))
	d.save()
	id := d.sc.Shown()
	dc := d.sc.Pane().Object().(*detailContent)
	if !strings.Contains(dc.status.Text, "Open") || dc.actions[actCompensate] == nil {
		t.Fatalf("complaint detail: %q, actions %v", dc.status.Text, dc.actions)
	}
	d.act(actCompensate)
	d.typeInto("given", "Apology and fruit basket")
	d.typeInto("amount", "-5")
	d.save()
	if got := d.sc.form.Errs.Text("amount"); got != lang.L("refusal.request.amount_negative") {
		t.Errorf("amount refusal = %q", got)
	}
	d.sc.form.inputs["amount"].(*kit.Entry).SetText("88")
	d.save()
	r, _ := d.env.Svc.Request(id)
	if len(r.Compensation) != 1 || r.Compensation[0].Amount != 8800 {
		t.Errorf("compensation = %+v", r.Compensation)
	}
	d.sc.filter.SetSelected(filterEscalated.name())
	if !d.listed(id) {
		t.Error("a serious complaint is not under the escalated filter")
	}
}

func TestCancelNeedsAReason(t *testing.T) {
	d := newDesk(t)
	id := d.openRequest("301", "Wake-up call 6:30", "")
	d.act(actCancel)
	d.save()
	if got := d.sc.form.Errs.Text("reason"); got == "" {
		t.Error("no reason check")
	}
	d.typeInto("reason", "Guest changed plans")
	d.save()
	if r, _ := d.env.Svc.Request(id); r.Status != apprequests.StatusCancelled {
		t.Errorf("status = %s", r.Status)
	}
}

func TestShortcutOpensNewRequest(t *testing.T) {
	d := newDesk(t)
	sh := d.sc.Shortcuts()
	if len(sh) != 1 || sh[0].Key != fyne.KeyN {
		t.Fatalf("shortcuts = %+v", sh)
	}
	sh[0].Run()
	if d.sc.form == nil || d.sc.form.inputs["room"] == nil {
		t.Error("Ctrl+N did not open the new-request form")
	}
}

func TestRowsReadInChinese(t *testing.T) {
	env := kittest.NewIn(t, kit.Chinese)
	sup := env.Supervisor(t)
	env.SignIn(t, sup.ID)
	r, err := env.Svc.OpenRequest(sup.ID, apprequests.NewRequest{Room: "1203", Kind: apprequests.RequestComplaint,
		Description: "走廊噪音", Department: "engineering",
		Complaint: &apprequests.Complaint{Category: apprequests.ComplaintNoise, Severity: apprequests.SeverityUrgent}})
	if err != nil {
		t.Fatal(err)
	}
	sc := New(env.Session, env.Svc).(*Screen)
	rec, ok := sc.Record(r.ID)
	if !ok {
		t.Fatalf("request %s is not held", r.ID)
	}
	row := kit.NewRow()
	sc.fillRow(rec, row)
	title, detail, note := row.Texts()
	if title != "1203  投诉 · 走廊噪音" || detail != "工程部 · 待处理 · 已升级" || !strings.HasPrefix(note, "承诺") {
		t.Errorf("row = %q / %q / %q", title, detail, note)
	}
}

func TestComplaintFieldsOnlyForComplaints(t *testing.T) {
	d := newDesk(t)
	d.sc.NewRequest()
	shown := func(field string) bool {
		for _, o := range test.LaidOutObjects(d.sc.Pane().Content()) {
			if o == d.sc.form.inputs[field] {
				return true
			}
		}
		return false
	}
	if !shown("room") || shown("complaint.category") {
		t.Fatalf("service request: room shown %v, category shown %v", shown("room"), shown("complaint.category"))
	}
	d.choose("kind", kindName(apprequests.RequestComplaint))
	if !shown("complaint.category") || !shown("complaint.severity") || !shown("complaint.responsible") {
		t.Error("complaint fields not shown for a complaint")
	}
	d.choose("kind", kindName(apprequests.RequestService))
	if shown("complaint.severity") {
		t.Error("complaint fields still shown for a service request")
	}
}
