package supervisor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"floordesk/app/requests"
	"floordesk/ui/kit/kittest"
)

// The reports tab shows this week's call topics under the most-lent
// items: the TV three times (rising: never before), by floor and by
// room type.
func TestReportsTabShowsCallTopics(t *testing.T) {
	e, sc := desk(t)
	if _, err := e.Svc.ImportRooms("S01", "rooms.csv", strings.NewReader("floor,room,type\n8,0801,king\n8,0802,twin\n9,0901,king\n")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ room, topic string }{{"0801", "电视/遥控器"}, {"0802", "电视/遥控器"}, {"0901", "电视/遥控器"}, {"0901", "上网/Wi-Fi"}} {
		if _, err := e.Svc.OpenRequest("A01", requests.NewRequest{Room: c.room, Kind: requests.RequestInquiry,
			Topic: c.topic, Description: "guest called"}); err != nil {
			t.Fatal(err)
		}
	}
	sc.tabs.SelectIndex(7)
	w := sc.reports.week
	if w == nil || w.Calls != 4 || len(w.Rising) != 1 || w.Rising[0].Topic != "电视/遥控器" {
		t.Fatalf("the week shown: %+v", w)
	}
	shown := kittest.Labels(sc.reports.body)
	for _, want := range []string{"电视/遥控器", lang.L("report.topic_rising"), lang.L("report.topic_floor", map[string]string{"Floor": "8"}),
		"电视/遥控器 2 · ", "king", "上网/Wi-Fi 1"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the reports tab lacks %q: %s", want, shown)
		}
	}
}
