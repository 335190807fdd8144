package requests

import (
	"slices"
	"testing"
	"time"

	"floordesk/app/apptest"
)

// The history search finds a request closed months ago by its room,
// guest, description (by pinyin too), kind's and department's names,
// status and period.
func TestSearchRequestsOverTheHistory(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	old := openReq(f, towels()) // 1203 张伟, housekeeping
	f.Must(f.Svc.ResolveRequest(apptest.Att2ID, old.ID, "", "送到了"))
	f.Must(f.Svc.ConfirmRequest(apptest.AttID, old.ID, 5, ""))
	f.Clock.Advance(100 * 24 * time.Hour)
	noise := openReq(f, noiseComplaint(SeverityModerate)) // 0801 李娜, security
	f.Must(f.Svc.CancelRequest(apptest.AttID, noise.ID, "guest left"))
	f.Clock.Advance(24 * time.Hour)
	pool := openReq(f, NewRequest{Room: "0802", Kind: RequestInquiry, Description: "泳池几点开放"})

	kinds := map[string]string{string(RequestService): "服务", string(RequestComplaint): "投诉", string(RequestInquiry): "咨询"}
	depts := map[string]string{"housekeeping": "客房部", "security": "保安部"}
	now := f.Clock.Now()
	tests := []struct {
		name string
		q    RequestQuery
		want []string
	}{
		{"everything, the latest first", RequestQuery{}, []string{pool.ID, noise.ID, old.ID}},
		{"a room", RequestQuery{Text: "1203"}, []string{old.ID}},
		{"a guest by pinyin initials", RequestQuery{Text: "zw"}, []string{old.ID}},
		{"words of the description", RequestQuery{Text: "bath"}, []string{old.ID}},
		{"Chinese description by initials", RequestQuery{Text: "yc"}, []string{pool.ID}},
		{"a kind's name", RequestQuery{Text: "投诉", Kinds: kinds}, []string{noise.ID}},
		{"a department's name", RequestQuery{Text: "kfb", Departments: depts}, []string{old.ID}},
		{"a department's name is no word", RequestQuery{Text: "kfb"}, nil},
		{"closed", RequestQuery{Status: StatusClosed}, []string{old.ID}},
		{"cancelled", RequestQuery{Status: StatusCancelled}, []string{noise.ID}},
		{"the last week", RequestQuery{From: now.AddDate(0, 0, -7), To: now.Add(time.Minute)}, []string{pool.ID, noise.ID}},
		{"three months back", RequestQuery{From: now.AddDate(0, 0, -120), To: now.AddDate(0, 0, -60)}, []string{old.ID}},
	}
	for _, tt := range tests {
		page, err := f.Svc.SearchRequests(tt.q)
		var got []string
		for _, r := range page.Items {
			got = append(got, r.ID)
		}
		if err != nil || !slices.Equal(got, tt.want) || page.More {
			t.Errorf("%s: %v (more %v), %v; want %v", tt.name, got, page.More, err, tt.want)
		}
	}
}
