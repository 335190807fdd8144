package requests

import (
	"strings"
	"testing"
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
