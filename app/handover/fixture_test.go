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
)

// fixture is the shared test desk (app/apptest) on this package's register.
type fixture = apptest.Desk[*registers.All]

func newFixture(t *testing.T) *fixture { return apptest.New(t, registers.New) }

// The hotel the handover tests run in, as the loan and request tests set
// it up: rooms on floors 8 and 12, desks D1 and D2, four item types.

const roomsCSV = "floor,room,type\n8,0801,king\n8,0802,twin\n12,1203,suite\n12,1208,king\n"

func setupLoans(f *fixture) {
	f.T.Helper()
	f.Must(f.Svc.ImportRooms(apptest.SupID, "rooms-2026.csv", strings.NewReader(roomsCSV)))
	f.Must(f.Svc.SetDesk(apptest.SupID, "D1", "8th floor desk", []int{8}))
	f.Must(f.Svc.SetDesk(apptest.SupID, "D2", "12th floor desk", []int{12}))
	for _, in := range []app.ItemTypeInput{
		{Code: "hair_dryer", Name: "hair dryer", Stock: map[string]int{"D1": 2, "D2": 5}},
		{Code: "iron", Name: "iron", Stock: map[string]int{"D1": 1}},
		{Code: "adapter", Name: "adapter", Tags: map[string][]string{"D1": {"AD-01", "AD-02"}}},
		{Code: "umbrella", Name: "umbrella", Stock: map[string]int{"D1": 1}},
	} {
		f.Must(f.Svc.SetItemType(apptest.SupID, in))
	}
}

func lend(f *fixture, room string, lines ...loans.LoanLine) loans.Loan {
	f.T.Helper()
	l, err := f.Svc.Lend(apptest.AttID, loans.LendInput{Room: room, Guest: "王芳", Lines: lines})
	if err != nil {
		f.T.Fatalf("lend: %v", err)
	}
	return l
}

func openReq(f *fixture, in requests.NewRequest) requests.Request {
	f.T.Helper()
	r, err := f.Svc.OpenRequest(apptest.AttID, in)
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
	return found.FoundInput{FoundAt: apptest.Start.Add(-time.Hour), Place: "302", Room: true, Finder: "Wang Fang",
		Category: app.CatElectronics, Description: "black Huawei phone with a cracked screen", Storage: "Desk D1 cabinet"}
}

func logFound(f *fixture, in found.FoundInput) found.FoundItem {
	f.T.Helper()
	item, _, err := f.Svc.LogFound(apptest.AttID, in)
	if err != nil {
		f.T.Fatalf("log found: %v", err)
	}
	return item
}
