package handover_test

import (
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/found"
	"floordesk/app/handover"
	"floordesk/app/keys"
	"floordesk/app/loans"
	"floordesk/app/requests"
)

// TestWholeDayAtADesk runs a morning shift at desk D1: requests through to
// the guest's confirmation, a serious complaint, loans out and back, keys
// out and in, and a handover both attendants sign; it checks what the desk
// and the supervisor would look at along the way.
func TestWholeDayAtADesk(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	setupKeys(f) // F8-S1 out to Zhang Wei until 12:00
	at := func(hhmm string) {
		tm, _ := time.Parse("15:04", hhmm)
		f.Clock.Set(time.Date(2026, 3, 3, tm.Hour(), tm.Minute(), 0, 0, time.UTC))
	}

	at("08:10")
	towel := openReq(f, towels())
	at("08:12")
	f.Must(f.Svc.DispatchRequest(apptest.AttID, towel.ID, requests.DispatchInput{Department: "housekeeping", Notified: "Chen Jing (HK)"}))
	at("08:22")
	if due, _ := f.Svc.FollowUpsDue("D1"); len(due) != 1 || due[0].ID != towel.ID {
		t.Fatalf("08:22 follow-ups due = %+v", due)
	}
	f.Must(f.Svc.FollowUpRequest(apptest.AttID, towel.ID, "HK on the way"))
	at("08:25")
	f.Must(f.Svc.ResolveRequest(apptest.AttID, towel.ID, "", "two bath towels delivered"))
	at("08:30")
	f.Must(f.Svc.ConfirmRequest(apptest.AttID, towel.ID, 5, "guest thanked us"))

	at("08:40")
	noise := openReq(f, noiseComplaint(requests.SeveritySerious))
	if esc, _ := f.Svc.EscalatedRequests(); len(esc) != 1 || esc[0].ID != noise.ID {
		t.Fatalf("serious complaint not escalated: %+v", esc)
	}
	f.Must(f.Svc.DispatchRequest(apptest.AttID, noise.ID, requests.DispatchInput{Department: "security", Notified: "Guard Liu"}))
	f.Must(f.Svc.CompensateComplaint(apptest.AttID, noise.ID, "apology, free breakfast", 6800))
	at("09:05")
	f.Must(f.Svc.ResolveRequest(apptest.AttID, noise.ID, "security", "neighbours asked to turn the music down"))
	at("09:30")
	f.Must(f.Svc.CallBack(apptest.AttID, noise.ID, requests.CallBackInput{Channel: requests.CallBackPhone, Satisfaction: 4}))
	f.Must(f.Svc.ConfirmRequest(apptest.AttID, noise.ID, 4, "quiet now"))

	inq := openReq(f, requests.NewRequest{Room: "1208", Kind: requests.RequestInquiry, Channel: requests.ChannelRoom, Description: "breakfast hours?"})
	f.Must(f.Svc.ResolveRequest(apptest.AttID, inq.ID, "", "06:30–10:00 on 2F"))
	f.Must(f.Svc.ConfirmRequest(apptest.AttID, inq.ID, 5, ""))

	at("09:00")
	dryer := lend(f, "0801", loans.LoanLine{Item: "hair_dryer", Count: 1}, loans.LoanLine{Item: "adapter", Tags: []string{"AD-01"}})
	iron, err := f.Svc.Lend(apptest.AttID, loans.LendInput{Room: "1203", Guest: "张伟", Lines: []loans.LoanLine{{Item: "iron", Count: 1}}, DueAt: f.Clock.Now().Add(7 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	at("11:00")
	f.Must(f.Svc.ReturnLoan(apptest.AttID, dryer.ID, []loans.ReturnLine{{Item: "hair_dryer", Count: 1}, {Item: "adapter", Tags: []string{"AD-01"}, Condition: loans.ConditionLost, Charge: 3000}}))
	at("12:00")
	f.Must(f.Svc.SignInKey(apptest.AttID, "F8-S1"))
	f.Must(f.Svc.SignOutKey(apptest.AttID, keys.KeySignOut{Tag: "F8-S2", Holder: apptest.Att2ID, Purpose: "deep clean 0805", Due: f.Clock.Now().Add(5 * time.Hour)}))

	at("12:30")
	wallet := wallet()
	wallet.Place, wallet.FoundAt = "0802", f.Clock.Now().Add(-time.Hour)
	phone := logFound(f, wallet)
	umbrella := logFound(f, found.FoundInput{FoundAt: f.Clock.Now(), Place: "8F corridor", Finder: "Zhang Wei",
		Category: app.CatOther, Description: "black umbrella", Storage: "Desk D1 cabinet"})
	f.Must(f.Svc.ClaimFound(apptest.AttID, found.ClaimInput{Tag: phone.Tag, Claimant: "刘洋", Contact: "138 0000 1234",
		IDType: "id_card", IDLast4: "1234", Description: "Huawei phone, cracked screen"}))

	at("13:00")
	tv := openReq(f, requests.NewRequest{Room: "1208", Kind: requests.RequestService, Description: "TV has no signal", Department: "engineering"})

	at("14:50")
	if late, _ := f.Svc.LateRequests("D1"); len(late) != 1 || late[0].ID != tv.ID || late[0].Escalated[0] != requests.EscalatedNotDispatched {
		t.Fatalf("14:50 late = %+v", late)
	}
	if esc, _ := f.Svc.EscalatedRequests(); len(esc) != 1 || esc[0].ID != tv.ID {
		t.Fatalf("14:50 escalated = %+v (the complaint is closed)", esc)
	}
	if leaving, _ := f.Svc.OpenLoansForRoom("1203"); len(leaving) != 1 || leaving[0].ID != iron.ID {
		t.Fatalf("1203 is leaving: open loans = %+v", leaving)
	}
	stock, _ := f.Svc.Stock("D1")
	for _, r := range stock {
		if r.Item == "iron" && r.Left != 0 || r.Item == "hair_dryer" && r.Left != 2 {
			t.Errorf("stock %s left %d", r.Item, r.Left)
		}
	}
	times, _ := f.Svc.RequestTimesBetween(apptest.Start, apptest.Start.Add(12*time.Hour), "")
	if times.Opened != 4 || times.Confirmed != 3 || times.AvgResponse != 40*time.Second {
		t.Fatalf("request times = %+v", times)
	}

	h, err := f.Svc.DraftHandover(apptest.AttID, handover.HandoverInput{KeysPresent: []string{"F8-S1", "F8-STORE"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows[requests.HandoverRequest](t, h, "requests")) != 1 || !rows[requests.HandoverRequest](t, h, "requests")[0].Escalated || len(rows[loans.HandoverLoan](t, h, "loans")) != 1 ||
		len(rows[keys.HandoverKey](t, h, "keys")) != 1 || rows[keys.HandoverKey](t, h, "keys")[0].Tag != "F8-S2" || h.Board.Short() != 0 ||
		len(rows[found.HandoverFound](t, h, "found")) != 1 || rows[found.HandoverFound](t, h, "found")[0].Tag != umbrella.Tag {
		t.Fatalf("handover lists = %+v keys %+v", h.Lists, h.Board)
	}
	f.Must(f.Svc.AddHandoverNote(apptest.AttID, h.ID, "1208 TV: call engineering again"))
	f.Must(f.Svc.SignHandover(h.ID, handover.SignOutgoing, apptest.AttID, "2345"))
	at("15:02")
	h, err = f.Svc.SignHandover(h.ID, handover.SignIncoming, apptest.Att2ID, "3456")
	if err != nil || !h.Signed() || h.Shift != "2026-03-03 morning" {
		t.Fatalf("signed handover = %+v, %v", h, err)
	}
	if all, _ := f.Svc.Conflicts(); len(all) != 0 {
		t.Fatalf("conflicts after a normal day: %+v", all)
	}
	rep, _ := f.Svc.FrequentLoans(apptest.Start, apptest.Start.Add(24*time.Hour))
	if len(rep) != 3 {
		t.Fatalf("frequent loans = %+v", rep)
	}
}
