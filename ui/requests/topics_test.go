package requests

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// The new-request form offers the hotel's call topics after "none";
// the request keeps the one picked, and a topic the supervisor took off
// the list meanwhile is refused beside the field.
func TestOpenRequestWithATopic(t *testing.T) {
	d := newDesk(t)
	d.sc.NewRequest()
	opts := d.sc.form.inputs["topic"].(*kit.Choice).Options
	if len(opts) != len(app.DefaultTopics)+1 || opts[0] != lang.L("requests.topic.none") || opts[2] != "空调" {
		t.Fatalf("topics offered %q", opts)
	}
	d.typeInto("room", "301")
	d.typeInto("description", "remote does nothing")
	d.choose("topic", "电视/遥控器")
	d.save()
	r, err := d.env.Svc.Request(d.sc.Shown())
	if err != nil || r.Topic != "电视/遥控器" {
		t.Fatalf("request %+v, %v", r, err)
	}
	kittest.Shows(t, d.sc.Pane().Content(), "电视/遥控器")
	d.sc.Search().SetText("遥控器")
	if ids := d.sc.List().IDs(); len(ids) != 1 || ids[0] != r.ID {
		t.Errorf("searching the topic lists %v, want the request %s", ids, r.ID)
	}
	d.sc.Search().SetText("")

	d.sc.NewRequest()
	d.typeInto("room", "302")
	d.typeInto("description", "too warm")
	d.choose("topic", "空调")
	topics := []string{"电视/遥控器"}
	if _, err := d.env.Svc.ChangeSettings("S01", app.HotelChange{Topics: &topics}); err != nil {
		t.Fatal(err)
	}
	d.save()
	if d.sc.form == nil || !strings.Contains(d.sc.form.Errs.Text("topic"), "空调") {
		t.Fatalf("a topic off the list: %q", d.sc.form.Errs.Text(""))
	}
}
