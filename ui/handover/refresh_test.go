package handover

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	apphandover "floordesk/app/handover"
	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// note adds a note to handover id through the service, as another desk
// would, and returns the change to refresh with.
func (d *desk) note(id, text string) []wire.EntityRef {
	d.t.Helper()
	if _, err := d.env.Svc.AddHandoverNote(d.env.Session.UserID(), id, text); err != nil {
		d.t.Fatal(err)
	}
	return []wire.EntityRef{{Kind: apphandover.KindHandover, ID: id}}
}

// longHandover prepares this shift's handover with many notes, shows it
// and scrolls it down by 300.
func (d *desk) longHandover() string {
	d.t.Helper()
	d.prepare("0")
	id := d.sc.view.id
	for i := range 40 {
		d.note(id, fmt.Sprintf("Room %d asks for a wake-up call", 1201+i))
	}
	d.sc.Show(kit.KindHandover, id)
	kittest.ScrollDown(d.t, d.sc.pane.Content(), 300)
	return id
}

func TestRefreshOfAnotherHandoverLeavesTheView(t *testing.T) {
	d := newDesk(t)
	d.longHandover()
	before := d.sc.pane.Object()
	night, err := d.env.Svc.DraftHandover(d.env.Session.UserID(), apphandover.HandoverInput{Shift: "Night", KeysCounted: 0})
	if err != nil {
		t.Fatal(err)
	}
	d.sc.Refresh([]wire.EntityRef{{Kind: apphandover.KindHandover, ID: night.ID}})
	kittest.StillShows(t, d.sc.pane, before, 300)
	if d.sc.list.Len() != 2 {
		t.Errorf("handovers listed = %d, want 2", d.sc.list.Len())
	}
}

func TestRefreshOfTheShownHandoverKeepsTheReadersPlace(t *testing.T) {
	d := newDesk(t)
	id := d.longHandover()
	d.sc.Refresh(d.note(id, "Lift 2 out of order"))
	kittest.ShowsAt(t, d.sc.pane, "Lift 2 out of order", 300)
}

func TestRefreshKeepsWhatIsTypedInTheHandover(t *testing.T) {
	d := newDesk(t)
	d.prepare("0")
	id := d.sc.view.id
	test.Type(d.sc.prepare.keys, "3")
	d.env.Window.Canvas().Focus(d.sc.view.note)
	test.Type(d.sc.view.note, "Guest in 1203 asks for a late check-out")
	out := d.sc.view.signs[apphandover.SignOutgoing]
	out.staff.SetSelected("Zhang Wei")
	test.Type(out.pin, "12")
	d.sc.Refresh(d.note(id, "Lift 2 out of order"))
	d.sc.Refresh(nil)
	v := d.sc.view
	kittest.ShowsAt(t, d.sc.pane, "Lift 2 out of order", 0)
	if v.note.Text != "Guest in 1203 asks for a late check-out" {
		t.Errorf("typed note = %q", v.note.Text)
	}
	if d.env.Window.Canvas().Focused() != v.note {
		t.Error("the note entry lost the keyboard")
	}
	if out := v.signs[apphandover.SignOutgoing]; out.staff.Selected != "Zhang Wei" || out.pin.Text != "12" {
		t.Errorf("outgoing signature: %q with PIN %q", out.staff.Selected, out.pin.Text)
	}
	if d.sc.prepare.keys.Text != "3" {
		t.Errorf("key count = %q", d.sc.prepare.keys.Text)
	}
}
