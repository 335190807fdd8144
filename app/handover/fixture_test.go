package handover_test

import (
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/found"
	"floordesk/app/loans"
	"floordesk/app/requests"
	"floordesk/data"
	"floordesk/data/wire"
)

// The shared fixture (app/apptest) on this package's register.

type fixture struct {
	*apptest.Desk[*registers.All]
}

var (
	testStart   = apptest.Start
	wantRefusal = apptest.WantRefusal
)

const (
	supID  = apptest.SupID
	attID  = apptest.AttID
	att2ID = apptest.Att2ID
)

func newFixture(t *testing.T) *fixture { return &fixture{apptest.New(t, registers.New)} }

func openFixture(t *testing.T, desk string, clock *apptest.Clock) *fixture {
	return &fixture{apptest.Open(t, desk, clock, registers.New)}
}

func newPair(t *testing.T) (*fixture, *fixture) {
	a, b := apptest.Pair(t, registers.New)
	return &fixture{a}, &fixture{b}
}

func exchange(t *testing.T, desks ...*fixture) {
	t.Helper()
	stores := make([]*data.Store, len(desks))
	for i, d := range desks {
		stores[i] = d.Store
	}
	apptest.Exchange(t, stores...)
}

func sameView(t *testing.T, a, b *fixture, r wire.EntityRef) {
	apptest.SameView(t, a.Store, b.Store, r)
}

// The hotel the handover tests run in, as the loan and request tests set
// it up: rooms on floors 8 and 12, desks D1 and D2, four item types.

const roomsCSV = "floor,room,type\n8,0801,king\n8,0802,twin\n12,1203,suite\n12,1208,king\n"

func setupLoans(f *fixture) {
	f.T.Helper()
	f.Must(f.Svc.ImportRooms(supID, "rooms-2026.csv", strings.NewReader(roomsCSV)))
	f.Must(f.Svc.SetDesk(supID, "D1", "8th floor desk", []int{8}))
	f.Must(f.Svc.SetDesk(supID, "D2", "12th floor desk", []int{12}))
	for _, in := range []app.ItemTypeInput{
		{Code: "hair_dryer", Name: "hair dryer", Stock: map[string]int{"D1": 2, "D2": 5}},
		{Code: "iron", Name: "iron", Stock: map[string]int{"D1": 1}},
		{Code: "adapter", Name: "adapter", Tags: map[string][]string{"D1": {"AD-01", "AD-02"}}},
		{Code: "umbrella", Name: "umbrella", Stock: map[string]int{"D1": 1}},
	} {
		f.Must(f.Svc.SetItemType(supID, in))
	}
}

func lend(f *fixture, room string, lines ...loans.LoanLine) loans.Loan {
	f.T.Helper()
	l, err := f.Svc.Lend(attID, loans.LendInput{Room: room, Guest: "王芳", Lines: lines})
	if err != nil {
		f.T.Fatalf("lend: %v", err)
	}
	return l
}

func openReq(f *fixture, in requests.NewRequest) requests.Request {
	f.T.Helper()
	r, err := f.Svc.OpenRequest(attID, in)
	if err != nil {
		f.T.Fatalf("open request: %v", err)
	}
	return r
}

func towels() requests.NewRequest {
	return requests.NewRequest{Room: "1203", Guest: "张伟", Channel: requests.ChannelPhone, Kind: requests.RequestService,
		Description: "two more bath towels", Department: "housekeeping"}
}

func noiseComplaint(sev requests.ComplaintSeverity) requests.NewRequest {
	return requests.NewRequest{Room: "0801", Guest: "李娜", Kind: requests.RequestComplaint, Description: "loud music next door",
		Department: "security", Complaint: &requests.Complaint{Category: requests.ComplaintNoise, Severity: sev}}
}

func wallet() found.FoundInput {
	return found.FoundInput{FoundAt: testStart.Add(-time.Hour), Place: "302", Room: true, Finder: "Wang Fang",
		Category: app.CatElectronics, Description: "black Huawei phone with a cracked screen", Storage: "Desk D1 cabinet"}
}

func (f *fixture) logFound(in found.FoundInput) found.FoundItem {
	f.T.Helper()
	item, _, err := f.Svc.LogFound(attID, in)
	if err != nil {
		f.T.Fatalf("log found: %v", err)
	}
	return item
}
