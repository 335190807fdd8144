package requests

import (
	"fmt"
	"slices"
	"testing"

	apprequests "floordesk/app/requests"
	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// followUp records a follow-up on request id through the service, as a
// sync from another desk would, and returns the change to refresh with.
func (d *desk) followUp(id, note string) []wire.EntityRef {
	d.t.Helper()
	if _, err := d.env.Svc.FollowUpRequest(d.env.Session.UserID(), id, note); err != nil {
		d.t.Fatal(err)
	}
	return []wire.EntityRef{{Kind: apprequests.KindRequest, ID: id}}
}

// longRequest opens a request with a long history and shows it, scrolled
// down by 300.
func (d *desk) longRequest() string {
	d.t.Helper()
	id := d.openRequest("301", "Hair dryer broken", "engineering")
	for i := range 30 {
		d.followUp(id, fmt.Sprintf("Called housekeeping again, round %d", i+1))
	}
	d.sc.Show(kit.KindRequest, id)
	kittest.ScrollDown(d.t, d.sc.Pane().Content(), 300)
	return id
}

func TestRefreshOfAnotherRequestLeavesTheDetail(t *testing.T) {
	d := newDesk(t)
	other := d.openRequest("302", "Extra towels", "")
	d.longRequest()
	before := d.sc.Pane().Object()
	d.sc.Refresh(d.followUp(other, "Towels on the way"))
	kittest.StillShows(t, d.sc.Pane(), before, 300)
}

func TestRefreshOfTheShownRequestKeepsTheReadersPlace(t *testing.T) {
	d := newDesk(t)
	id := d.longRequest()
	d.sc.Refresh(d.followUp(id, "Engineer fixed the dryer"))
	kittest.ShowsAt(t, d.sc.Pane(), "Engineer fixed the dryer", 300)
}

func TestRefreshLeavesTheFormBeingTyped(t *testing.T) {
	tests := []struct {
		name, field string
		open        func(d *desk)
	}{
		{"new request", "description", func(d *desk) { d.sc.NewRequest() }},
		{"follow-up", "note", func(d *desk) { d.act(actFollowUp) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDesk(t)
			id := d.openRequest("301", "Hair dryer broken", "engineering")
			tt.open(d)
			f := d.sc.form
			kittest.TypeThrough(t, d.sc.Pane(), f.inputs[tt.field].(*kit.Entry), "Guest asks again", func() {
				d.sc.Refresh(d.followUp(id, "Called from the other desk"))
				d.sc.Refresh(nil)
			})
			if d.sc.form != f {
				t.Error("the screen forgot its form")
			}
		})
	}
}

func TestRefreshKeepsTheListSelectionOnItsRow(t *testing.T) {
	d := newDesk(t)
	d.openRequest("301", "Hair dryer broken", "")
	picked := d.openRequest("302", "Extra towels", "")
	urgent, err := d.env.Svc.OpenRequest(d.env.Session.UserID(), apprequests.NewRequest{Room: "303", Kind: apprequests.RequestComplaint,
		Description: "Noise from the corridor", Complaint: &apprequests.Complaint{Category: apprequests.ComplaintNoise, Severity: apprequests.SeverityUrgent}})
	if err != nil {
		t.Fatal(err)
	}
	d.sc.Refresh([]wire.EntityRef{{Kind: apprequests.KindRequest, ID: urgent.ID}})
	ids := d.sc.List().IDs()
	if d.sc.List().Selected() != picked || ids[0] != urgent.ID {
		t.Fatalf("selected %q in %v", d.sc.List().Selected(), ids)
	}
	above := slices.Index(ids, picked) - 1 // the row the picked one was on
	d.sc.List().List.Select(above)
	if d.sc.Shown() != ids[above] {
		t.Errorf("tapping the row above the picked one shows %s, want %s", d.sc.Shown(), ids[above])
	}
}
