package reports_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/reports"
	"floordesk/app/requests"
)

// call opens a request about topic at when, in a room or ("大堂") the
// lobby; topic "" opens one without.
func call(t *testing.T, f *desk, when time.Time, where, topic string) {
	t.Helper()
	at(f, when)
	in := requests.NewRequest{Room: where, Kind: requests.RequestInquiry, Topic: topic, Description: "guest called"}
	if where == "大堂" {
		in.Room, in.Area = "", where
	}
	val(f.Svc.OpenRequest(apptest.AttID, in))
}

// A week (Monday 2 to Sunday 8 March 2026) of calls, with the four weeks
// before and a call either side; every count below was worked out by
// hand from this list. Rooms: 301 twin, 302 king, 303 suite (floor 3),
// 501 king (floor 5).
func TestTopicWeek(t *testing.T) {
	f := apptest.New(t, registers.New)
	f.SetupHotel()
	const tv, borrow, repair, ac, wifi = "电视/遥控器", "借用物品", "维修", "空调", "上网/Wi-Fi"
	week := []struct {
		at          time.Time
		where, what string
	}{
		{day(2, 9, 0), "301", tv}, {day(3, 10, 0), "302", tv}, {day(4, 11, 0), "501", tv}, {day(8, 23, 0), "302", tv},
		{day(3, 12, 0), "301", borrow}, {day(4, 12, 0), "303", borrow}, {day(5, 12, 0), "501", borrow},
		{day(5, 14, 0), "303", repair}, {day(6, 14, 0), "303", repair}, {day(7, 14, 0), "501", repair},
		{day(5, 16, 0), "大堂", ac}, {day(6, 16, 0), "303", ac},
		{day(7, 18, 0), "501", wifi},
		{day(3, 20, 0), "301", ""},
		{day(9, 0, 30), "301", tv}, // the next week
	}
	for _, c := range week {
		call(t, f, c.at, c.where, c.what)
	}
	// The four weeks before: TV once, borrowing 8 times, repairs 16, air
	// conditioning 6 (one on Sunday 1 March, just before the week).
	before := map[string]int{tv: 1, borrow: 8, repair: 16, ac: 6}
	for topic, n := range before {
		for i := range n {
			call(t, f, day(1, 22, 0).Add(-time.Duration(i)*25*time.Hour), "302", topic)
		}
	}
	call(t, f, feb(1, 12, 0), "302", tv) // five weeks before: not counted

	w, err := reports.New(f.Core).TopicWeek(day(4, 15, 0))
	if err != nil {
		t.Fatal(err)
	}
	if !w.From.Equal(day(2, 0, 0)) || !w.To.Equal(day(9, 0, 0)) || w.Calls != 13 || w.Without != 1 {
		t.Fatalf("week %v–%v: %d calls, %d without", w.From, w.To, w.Calls, w.Without)
	}
	wantTop := []reports.TopicCount{{tv, 4}, {borrow, 3}, {repair, 3}, {ac, 2}, {wifi, 1}}
	if !reflect.DeepEqual(w.Topics, wantTop) {
		t.Fatalf("topics %v\nwant %v", w.Topics, wantTop)
	}
	wantFloors := []reports.TopicGroup{
		{Key: "3", Calls: 8, Topics: []reports.TopicCount{{tv, 3}, {borrow, 2}, {repair, 2}, {ac, 1}}},
		{Key: "5", Calls: 4, Topics: []reports.TopicCount{{wifi, 1}, {borrow, 1}, {tv, 1}, {repair, 1}}},
		{Key: "", Calls: 1, Topics: []reports.TopicCount{{ac, 1}}},
	}
	if !reflect.DeepEqual(w.ByFloor, wantFloors) {
		t.Fatalf("by floor %v\nwant %v", w.ByFloor, wantFloors)
	}
	wantTypes := []reports.TopicGroup{
		{Key: "king", Calls: 6, Topics: []reports.TopicCount{{tv, 3}, {wifi, 1}, {borrow, 1}, {repair, 1}}},
		{Key: "suite", Calls: 4, Topics: []reports.TopicCount{{repair, 2}, {borrow, 1}, {ac, 1}}},
		{Key: "twin", Calls: 2, Topics: []reports.TopicCount{{borrow, 1}, {tv, 1}}},
		{Key: "", Calls: 1, Topics: []reports.TopicCount{{ac, 1}}},
	}
	if !reflect.DeepEqual(w.ByType, wantTypes) {
		t.Fatalf("by type %v\nwant %v", w.ByType, wantTypes)
	}
	// TV: 4 against 0.25 a week; borrowing: 3 against 2 (just 1.5 times);
	// repairs fell (3 against 4); air conditioning 2 is below RisingMin.
	wantRising := []reports.TopicRise{{tv, 4, 0.25}, {borrow, 3, 2}}
	if !reflect.DeepEqual(w.Rising, wantRising) {
		t.Fatalf("rising %v\nwant %v", w.Rising, wantRising)
	}
}

func TestRequestTopicRefusals(t *testing.T) {
	f := apptest.New(t, registers.New)
	f.SetupHotel()
	open := func(topic string) error {
		_, err := f.Svc.OpenRequest(apptest.AttID, requests.NewRequest{Room: "301", Kind: requests.RequestService,
			Topic: topic, Description: "towels"})
		return err
	}
	r := val(f.Svc.OpenRequest(apptest.AttID, requests.NewRequest{Room: "301", Kind: requests.RequestService,
		Topic: " 空调 ", Description: "too warm"}))
	if r.Topic != "空调" {
		t.Fatalf("topic %q", r.Topic)
	}
	apptest.WantRefusal(t, open("宠物"), app.ErrInvalid, "topic.unknown")
	apptest.WantRefusal(t, open(strings.Repeat("题", app.MaxTopicRunes+1)), app.ErrInvalid, "field.too_long")
	// The hotel's own list, with a topic at the limit.
	long := strings.Repeat("题", app.MaxTopicRunes)
	topics := []string{"热水", long}
	val(f.Core.ChangeSettings(apptest.SupID, app.HotelChange{Topics: &topics}))
	if err := open(long); err != nil {
		t.Fatal(err)
	}
	apptest.WantRefusal(t, open("空调"), app.ErrInvalid, "topic.unknown")
}

func TestTopicListLimits(t *testing.T) {
	many := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "题" + strings.Repeat("一", i%5) + string(rune('A'+i%26)) + string(rune('a'+i/26))
		}
		return out
	}
	tests := []struct {
		name   string
		topics []string
		code   string
	}{
		{"at the most", many(app.MaxTopics), ""},
		{"one too many", many(app.MaxTopics + 1), "topics.too_many"},
		{"name at the limit", []string{strings.Repeat("题", app.MaxTopicRunes)}, ""},
		{"name beyond", []string{strings.Repeat("题", app.MaxTopicRunes+1)}, "field.too_long"},
		{"twice", []string{"空调", "空调"}, "topics.duplicate"},
		{"blank", []string{"空调", " "}, "field.required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := apptest.New(t, registers.New)
			h, err := f.Core.ChangeSettings(apptest.SupID, app.HotelChange{Topics: &tt.topics})
			if tt.code == "" {
				if err != nil || !reflect.DeepEqual(h.CallTopics(), tt.topics) {
					t.Fatalf("topics %v, %v", h.CallTopics(), err)
				}
				return
			}
			apptest.WantRefusal(t, err, app.ErrInvalid, tt.code)
		})
	}
}
