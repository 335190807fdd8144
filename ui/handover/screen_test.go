package handover

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	appdemo "floordesk/app/demo"
	apphandover "floordesk/app/handover"
	apprequests "floordesk/app/requests"
	"floordesk/ui/kit/kittest"
)

// desk is a handover screen with attendants A01 (Wang Fang, signed in)
// and A02 (Zhang Wei), and one open guest request at the desk.
type desk struct {
	t   *testing.T
	env *kittest.Env
	sc  *Screen
	req apprequests.Request
}

func newDesk(t *testing.T) *desk {
	t.Helper()
	env := kittest.New(t)
	sup := env.Supervisor(t)
	env.Attendant(t, sup.ID, "A01", "Wang Fang")
	env.Attendant(t, sup.ID, "A02", "Zhang Wei")
	env.SignIn(t, "A01")
	req, err := env.Svc.OpenRequest("A01", apprequests.NewRequest{Room: "1203", Kind: apprequests.RequestService, Description: "Extra towels"})
	if err != nil {
		t.Fatal(err)
	}
	sc := newScreen(env.Session, env.Svc, sectionRegisters())
	env.Window.SetContent(sc.Content())
	return &desk{t: t, env: env, sc: sc, req: req}
}

// prepare types the key count and taps "prepare".
func (d *desk) prepare(count string) {
	d.t.Helper()
	test.Type(d.sc.prepare.keys, count)
	test.Tap(d.sc.prepare.button)
}

// sign signs the shown handover as role by the staff member named name.
func (d *desk) sign(role apphandover.SignRole, name, pin string) *signBlock {
	d.t.Helper()
	b := d.sc.view.signs[role]
	if b.staff == nil {
		d.t.Fatalf("no %s signature inputs", role)
	}
	b.staff.SetSelected(name)
	test.Type(b.pin, pin)
	test.Tap(b.button)
	return b
}

func TestPrepareShowsTheShiftsLists(t *testing.T) {
	d := newDesk(t)
	d.prepare("0")
	v := d.sc.view
	if v == nil {
		t.Fatalf("no handover shown; refusal %q", d.sc.prepare.errs.Text(""))
	}
	reqs := sections(&v.h, d.env.Clock.Now(), sectionRegisters())[0]
	if reqs.Heading != "Unfinished guest requests (1)" || !strings.Contains(reqs.Lines[0].Text, "1203") {
		t.Errorf("requests section = %+v", reqs)
	}
	if d.sc.list.Len() != 1 {
		t.Errorf("handovers listed = %d", d.sc.list.Len())
	}
	if !strings.Contains(d.env.Session.LastNotice(), v.h.Shift) {
		t.Errorf("notice = %q", d.env.Session.LastNotice())
	}
	if !v.editable() || v.state.Text != "Draft — not signed yet" {
		t.Errorf("state %q, editable %v", v.state.Text, v.editable())
	}
}

func TestKeyCountIsCheckedAsYouType(t *testing.T) {
	d := newDesk(t)
	test.Type(d.sc.prepare.keys, "x")
	if got := d.sc.prepare.errs.Text("keys_counted"); got != "Type a whole number" {
		t.Errorf("check = %q", got)
	}
	test.Tap(d.sc.prepare.button)
	if d.sc.view != nil || d.sc.list.Len() != 0 {
		t.Error("prepared with a bad key count")
	}
}

func TestSignedByTwoPeopleBecomesReadOnly(t *testing.T) {
	d := newDesk(t)
	d.prepare("0")
	test.Type(d.sc.view.note, "Guest in 1203 asks for a late check-out")
	d.sc.view.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n := len(d.sc.view.h.Notes); n != 1 {
		t.Fatalf("notes = %d; refusal %q", n, d.sc.view.noteErrs.Text(""))
	}
	d.sign(apphandover.SignOutgoing, "Wang Fang", appdemo.DemoPIN)
	if d.sc.view.editable() || d.sc.view.h.Outgoing == nil {
		t.Fatal("outgoing signature did not stick, or notes still editable")
	}
	same := d.sign(apphandover.SignIncoming, "Wang Fang", appdemo.DemoPIN)
	if got := same.errs.Text(""); !strings.Contains(got, "must be someone else") {
		t.Errorf("same-person refusal = %q", got)
	}
	d.sign(apphandover.SignIncoming, "Zhang Wei", appdemo.DemoPIN)
	v := d.sc.view
	if !v.h.Signed() || v.state.Text != "Signed by both — final" {
		t.Fatalf("state = %q", v.state.Text)
	}
	for role, b := range v.signs {
		if b.turn() || b.pin != nil {
			t.Errorf("%s signature still takes input", role)
		}
	}
	if v.editable() {
		t.Error("a final handover takes notes")
	}
	test.Type(d.sc.prepare.keys, "0")
	test.Tap(d.sc.prepare.button)
	if got := d.sc.prepare.errs.Text(""); !strings.Contains(got, "can no longer change") {
		t.Errorf("preparing a signed shift again: %q", got)
	}
}

func TestWrongPINIsRefusedBesideTheSignature(t *testing.T) {
	d := newDesk(t)
	d.prepare("0")
	b := d.sign(apphandover.SignOutgoing, "Wang Fang", "9999")
	if got := b.errs.Text("pin"); !strings.Contains(got, "Wrong PIN") {
		t.Errorf("wrong PIN refusal beside the PIN = %q (form: %q)", got, b.errs.Text(""))
	}
	test.Type(b.pin, "1")
	if got := b.errs.Text("pin"); got != "" {
		t.Errorf("a PIN is being typed again and the refusal still reads %q", got)
	}
	if d.sc.view.h.Outgoing != nil {
		t.Error("signed with a wrong PIN")
	}
}

func TestShowOpensAnEarlierHandover(t *testing.T) {
	d := newDesk(t)
	d.prepare("0")
	id := d.sc.view.id
	d.sc.showPlaceholder()
	if !d.sc.Show("handover", id) || d.sc.view == nil || d.sc.view.id != id {
		t.Fatal("Show did not open the handover")
	}
	if d.sc.Show("request", id) {
		t.Error("Show took a request")
	}
}
