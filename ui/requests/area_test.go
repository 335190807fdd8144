package requests

import (
	"strings"
	"testing"
	"time"
)

// TestRequestForTheLobbyThroughTheForm: a guest in the lobby gets a
// request with no room: the area picked, the contact typed; the list
// shows the area where a room would be. Without a room or an area, the
// form says the room is needed.
func TestRequestForTheLobbyThroughTheForm(t *testing.T) {
	d := newDesk(t)
	d.sc.NewRequest()
	d.typeInto("description", "Taxi to the airport at 15:00")
	d.save()
	if d.sc.form == nil || d.sc.form.Errs.Text("room") == "" {
		t.Fatalf("no room, no area: the form saved or said nothing about the room")
	}
	d.choose("area", "大堂")
	d.typeInto("contact", "138 0000 1234")
	d.save()
	if d.sc.form != nil {
		t.Fatalf("form still open: %q", d.sc.form.Errs.Text(""))
	}
	title, _, _ := d.row(d.sc.Shown())
	if !strings.HasPrefix(title, "大堂") {
		t.Errorf("row title = %q, want the area first", title)
	}
}

// TestLastThirtyDaysListsClosedRequests: a cancelled request leaves the
// open list and is found again under "last 30 days".
func TestLastThirtyDaysListsClosedRequests(t *testing.T) {
	d := newDesk(t)
	id := d.openRequest("301", "Extra pillow", "")
	if _, err := d.env.Svc.CancelRequest(d.env.Session.UserID(), id, "not needed"); err != nil {
		t.Fatal(err)
	}
	d.sc.Refresh(nil)
	if d.listed(id) {
		t.Fatal("a cancelled request is still in the open list")
	}
	d.env.Clock.Advance(3 * 24 * time.Hour)
	d.sc.filter.SetSelected(filterRecent.name())
	if !d.listed(id) {
		t.Error("the cancelled request of three days ago is not under the last 30 days")
	}
}
