package requests

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit/kittest"
	"floordesk/ui/paper"
)

// openComplaint opens a complaint for room as the signed-in attendant
// and shows it.
func (d *desk) openComplaint(room, guest string) string {
	d.t.Helper()
	r, err := d.env.Svc.OpenRequest(d.env.Session.UserID(), apprequests.NewRequest{Room: room, Guest: guest,
		Kind: apprequests.RequestComplaint, Description: "Loud music next door", Department: "security",
		Complaint: &apprequests.Complaint{Category: apprequests.ComplaintNoise, Severity: apprequests.SeveritySerious}})
	if err != nil {
		d.t.Fatal(err)
	}
	d.sc.Reload()
	d.sc.Open(r.ID)
	return r.ID
}

// saveOK saves the form and fails the test when it stays open.
func (d *desk) saveOK() {
	d.t.Helper()
	d.save()
	if d.sc.form != nil {
		d.t.Fatalf("form refused: %q %v", d.sc.form.Errs.Text(""), d.sc.form.inputs)
	}
}

// detailText is every label of the request shown.
func (d *desk) detailText() string {
	return kittest.Labels(d.sc.Pane().Object())
}

func (d *desk) complaint(id string) apprequests.Request {
	d.t.Helper()
	r, err := d.env.Svc.Request(id)
	if err != nil {
		d.t.Fatal(err)
	}
	return r
}

func TestComplaintCarriedToTheEndAtTheDesk(t *testing.T) {
	d := newDesk(t)
	id := d.openComplaint("301", "Li Na")

	d.act(actInvestigate)
	d.typeInto("subject", "3F corridor camera 2")
	d.typeInto("checker", "Guard Liu")
	d.typeInto("from", "12:30")
	d.typeInto("to", "13:30")
	d.typeInto("result", "Music from 303 until 13:20")
	d.saveOK()
	if got := d.detailText(); !strings.Contains(got, "CCTV reviewed · 3F corridor camera 2") || !strings.Contains(got, "Music from 303 until 13:20") {
		t.Fatalf("the finding does not show: %s", got)
	}
	f := d.complaint(id).Case.Findings[0]
	if !f.From.Equal(kittest.Start.Add(-90*time.Minute)) || !f.To.Equal(kittest.Start.Add(-30*time.Minute)) {
		t.Errorf("window %v–%v", f.From, f.To)
	}

	row, _ := d.env.Svc.RequestRow(id)
	photo := append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, make([]byte, apprequests.MaxAttachmentBytes-4)...)
	d.sc.attachFile(&row, "corridor.jpg", photo)
	if got := d.detailText(); !strings.Contains(got, "corridor.jpg · 512 KB") {
		t.Fatalf("the photo at the limit is not listed: %s", got)
	}
	d.sc.attachFile(&row, "huge.jpg", append(photo, 0))
	if got := d.env.Session.LastNotice(); got != "huge.jpg is 513 KB; a file may be at most 512 KB — take a smaller photo or scan at a lower resolution." {
		t.Fatalf("a photo over the limit: notice %q", got)
	}
	if n := len(d.complaint(id).Case.Attachments); n != 1 {
		t.Fatalf("%d attachments after one over the limit", n)
	}

	d.act(actCause)
	d.choose("cause", lang.L("requests.cause.process"))
	d.typeInto("note", "No noise round after 23:00")
	d.saveOK()
	d.act(actAddAction)
	d.typeInto("what", "Noise round every night")
	d.typeInto("due", "tomorrow")
	d.saveOK()
	a := d.complaint(id).Case.Actions[0]
	if a.Department != "security" || a.Due.Day() != kittest.Start.Day()+1 {
		t.Fatalf("action as saved: %+v", a)
	}

	d.act(actClose)
	d.save()
	if d.sc.form == nil {
		t.Fatal("a complaint with nothing done was closed")
	}
	errs := d.sc.form.Errs.Text("")
	for _, want := range []string{"not done yet", "Noise round every night", "has not been called back"} {
		if !strings.Contains(errs, want) {
			t.Errorf("the refusal %q does not say %q", errs, want)
		}
	}
	d.sc.closeForm()

	if _, err := d.env.Svc.ResolveRequest(d.env.Session.UserID(), id, "", "303 warned"); err != nil {
		t.Fatal(err)
	}
	d.sc.Open(id)
	d.act(actVerify + "/" + a.ID)
	d.typeInto("note", "Round log signed")
	d.saveOK()
	if got := d.detailText(); !strings.Contains(got, "checked by Wang Fang") {
		t.Fatalf("the check does not show who: %s", got)
	}
	d.act(actCallBack)
	d.choose("channel", lang.L("requests.call_back.phone"))
	d.choose("satisfaction", "4")
	d.typeInto("wish", "A quieter room next time")
	d.saveOK()
	d.act(actClose)
	d.saveOK()
	r := d.complaint(id)
	if r.Status != apprequests.StatusClosed || r.Confirmation.Satisfaction != 4 {
		t.Fatalf("closed: %s %+v", r.Status, r.Confirmation)
	}
	if got := d.detailText(); !strings.Contains(got, "Called back") || !strings.Contains(got, "wishes: A quieter room next time") {
		t.Errorf("the call-back does not show: %s", got)
	}
}

// TestCCTVFormAsksForTheWindow: the CCTV form refuses a window typed
// wrong under its field, and an account shows the department instead of
// the area.
func TestCCTVFormAsksForTheWindow(t *testing.T) {
	d := newDesk(t)
	d.openComplaint("301", "")
	d.act(actInvestigate)
	d.typeInto("from", "25:00")
	d.save()
	if got := d.sc.form.Errs.Text("from"); got != lang.L("requests.check.past") {
		t.Fatalf("from: %q", got)
	}
	if got := d.sc.form.Errs.Text("result"); got == "" {
		t.Error("no finding typed and no error")
	}
	d.choose("kind", lang.L("requests.finding.account"))
	if !d.onForm("department") || d.onForm("subject") || d.onForm("from") {
		t.Errorf("an account shows department %v, area %v, window %v", d.onForm("department"), d.onForm("subject"), d.onForm("from"))
	}
	d.choose("kind", lang.L("requests.finding.cctv"))
	if d.onForm("department") || !d.onForm("subject") || !d.onForm("from") {
		t.Errorf("CCTV shows department %v, area %v, window %v", d.onForm("department"), d.onForm("subject"), d.onForm("from"))
	}
}

// onForm reports whether field's input is laid out on the form shown.
func (d *desk) onForm(field string) bool {
	found := false
	kittest.Walk(d.env.Window.Content(), func(o fyne.CanvasObject) {
		found = found || o == d.sc.form.inputs[field]
	})
	return found
}

func TestSupervisorCloseOnlyForSupervisors(t *testing.T) {
	d := newDesk(t)
	id := d.openComplaint("301", "")
	dc := d.sc.Pane().Object().(*detailContent)
	if dc.actions[actSupClose] != nil {
		t.Fatal("an attendant is offered the supervisor's close")
	}
	if dc.actions[actConfirm] != nil {
		t.Fatal("a complaint offers the plain confirmation")
	}
	d.env.SignIn(t, "S01")
	d.sc.Open(id)
	d.act(actSupClose)
	d.save()
	if d.sc.form == nil || d.sc.form.Errs.Text("reason") == "" {
		t.Fatal("closed without a reason")
	}
	d.typeInto("reason", "Guest left; handled by the GM")
	d.saveOK()
	r := d.complaint(id)
	if r.Status != apprequests.StatusClosed || r.Case.Override == nil {
		t.Fatalf("not closed by the supervisor: %s", r.Status)
	}
	if got := d.detailText(); !strings.Contains(got, "Guest left; handled by the GM") {
		t.Errorf("the reason does not show: %s", got)
	}
}

func TestRepeatComplaintFlaggedInListAndDetail(t *testing.T) {
	d := newDesk(t)
	first := d.openComplaint("302", "Chen Jing")
	d.env.Clock.Advance(20 * 24 * time.Hour)
	second := d.openComplaint("302", "")
	if _, detail, _ := d.row(second); !strings.Contains(detail, "repeat complaint") {
		t.Errorf("the second complaint from 302 in 20 days is not flagged: %q", detail)
	}
	if _, detail, _ := d.row(first); strings.Contains(detail, "repeat complaint") {
		t.Errorf("the first complaint is flagged: %q", detail)
	}
	if got := d.detailText(); !strings.Contains(got, "Repeat complaint. Room 302 complained 1 time(s) before in 90 days") {
		t.Errorf("the detail does not flag the repeat: %s", got)
	}
}

func TestOverdueActionOnTheSupervisorsDashboard(t *testing.T) {
	d := newDesk(t)
	id := d.openComplaint("303", "")
	due := kittest.Start.Add(3 * time.Hour)
	if _, err := d.env.Svc.AddAction(d.env.Session.UserID(), id, apprequests.ActionInput{What: "Replace door closer", Department: "engineering", Due: due}); err != nil {
		t.Fatal(err)
	}
	part := func() (lines, notices string) {
		v, err := Dashboard(d.env.Session, d.env.Svc).Load()
		if err != nil {
			t.Fatal(err)
		}
		p := v(d.env.Clock.Now())
		for _, l := range p.Lines {
			lines += l.Title + " | " + l.Detail + "\n"
		}
		for _, n := range p.Notices {
			notices += n.Text + "\n"
		}
		return lines, notices
	}
	d.env.Clock.Set(due.Add(time.Hour))
	if lines, _ := part(); strings.Contains(lines, "Replace door closer") {
		t.Fatalf("an attendant's dashboard shows the overdue action: %s", lines)
	}
	d.env.SignIn(t, "S01")
	lines, notices := part()
	if !strings.Contains(lines, "Corrective action overdue: Replace door closer (Engineering)") || !strings.Contains(notices, "room 303 — Replace door closer") {
		t.Fatalf("the supervisor's dashboard: lines %q notices %q", lines, notices)
	}
	d.env.Clock.Set(due.Add(-time.Minute))
	if lines, _ := part(); strings.Contains(lines, "Replace door closer") {
		t.Fatalf("shown before it is due: %s", lines)
	}
}

// TestComplaintLogPrints: the log button prints the open complaints to a
// PDF whose text holds each complaint's row.
func TestComplaintLogPrints(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	d := newDesk(t)
	d.openComplaint("301", "Li Na")
	d.env.Clock.Advance(26 * time.Hour)
	d.openComplaint("301", "")
	dir := filepath.Join(t.TempDir(), "prints")
	d.env.Session.SetPrinter(paper.Folder{Dir: dir, Open: func(string) error { return nil }})
	done := make(chan string, 1)
	d.sc.printed = func(path string) { done <- path }
	test.Tap(d.sc.logBtn)
	var path string
	select {
	case path = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("no complaint log printed within 30 s")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), "") // a cell wraps; pdftotext drops narrow spaces
	for _, want := range []string{"Complaint log", "complaints not yet closed: 2", "repeats within 90 days: 1", "Serious", "Li Na", "Noise: Loud music next door", "1d 2h", "not called back", "room: 1 before"} {
		if !strings.Contains(text, strings.Join(strings.Fields(want), "")) {
			t.Errorf("the log lacks %q:\n%s", want, text)
		}
	}
	if b, _ := os.ReadFile(path); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}
