package reports_test

import (
	"slices"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/found"
	"floordesk/app/keys"
	"floordesk/app/loans"
	"floordesk/app/reports"
	"floordesk/app/requests"
)

// The hotel below is a week (Monday 2 March to Sunday 8 March 2026, UTC)
// of records made through the registers' commands, with a few in the
// week before and one after. Every figure the test wants was worked out
// by hand from the story, not by the report's code.

type desk = apptest.Desk[*registers.All]

func day(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, time.UTC) }

func feb(d, h, m int) time.Time { return time.Date(2026, 2, d, h, m, 0, 0, time.UTC) }

func at(f *desk, t time.Time) { f.Clock.Set(t) }

// val is v, or a panic (the test fails) at err.
func val[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// request opens a request at t; dispatch and resolve after the minutes
// given (negative: never); confirm with score (0: never).
func request(t *testing.T, f *desk, when time.Time, in requests.NewRequest, dispatch, resolve, score int) string {
	t.Helper()
	at(f, when)
	r := val(f.Svc.OpenRequest(apptest.AttID, in))
	if dispatch >= 0 && in.Department != "" {
		at(f, when.Add(time.Duration(dispatch)*time.Minute))
		val(f.Svc.DispatchRequest(apptest.AttID, r.ID, requests.DispatchInput{Department: in.Department, Notified: "Xiao Zhao"}))
	}
	if resolve >= 0 {
		at(f, when.Add(time.Duration(resolve)*time.Minute))
		val(f.Svc.ResolveRequest(apptest.AttID, r.ID, in.Department, "done"))
	}
	if score > 0 {
		val(f.Svc.ConfirmRequest(apptest.AttID, r.ID, score, ""))
	}
	return r.ID
}

func service(room, dept string) requests.NewRequest {
	return requests.NewRequest{Room: room, Kind: requests.RequestService, Description: "two more towels", Department: dept}
}

func complaint(room, dept string, cat requests.ComplaintCategory, sev requests.ComplaintSeverity) requests.NewRequest {
	return requests.NewRequest{Room: room, Kind: requests.RequestComplaint, Description: "noise at night", Department: dept,
		Complaint: &requests.Complaint{Category: cat, Severity: sev}}
}

func seedRequests(t *testing.T, f *desk) {
	request(t, f, feb(25, 10, 0), service("301", "housekeeping"), 10, 30, 0) // the week before
	request(t, f, day(3, 9, 0), service("301", "housekeeping"), 5, 20, 5)
	request(t, f, day(3, 10, 0), service("302", "housekeeping"), 15, 90, 3) // done after the promised hour
	request(t, f, day(3, 11, 0), service("303", "housekeeping"), 10, 40, 0)
	request(t, f, day(4, 9, 0), requests.NewRequest{Room: "301", Kind: requests.RequestInquiry, Description: "breakfast hours"}, -1, 2, 0)
	id := request(t, f, day(4, 12, 0), complaint("302", "engineering", requests.ComplaintNoise, requests.SeverityModerate), 3, 25, 0)
	at(f, day(4, 12, 30))
	val(f.Svc.CompensateComplaint(apptest.SupID, id, "fruit basket", 8800))
	val(f.Svc.CallBack(apptest.AttID, id, requests.CallBackInput{Channel: requests.CallBackPhone, Satisfaction: 4}))
	val(f.Svc.ConfirmRequest(apptest.AttID, id, 4, ""))
	request(t, f, day(5, 14, 0), complaint("303", "fnb", requests.ComplaintFood, requests.SeveritySerious), -1, -1, 0)
	request(t, f, day(9, 9, 0), service("301", "housekeeping"), 5, 20, 0) // the week after
}

func seedLoans(t *testing.T, f *desk) {
	for _, in := range []app.ItemTypeInput{
		{Code: "hair_dryer", Name: "hair dryer", Stock: map[string]int{"D1": 5}},
		{Code: "iron", Name: "iron", Stock: map[string]int{"D1": 3}},
	} {
		val(f.Svc.SetItemType(apptest.SupID, in))
	}
	lend := func(when time.Time, room, item string, n int, due time.Time) string {
		at(f, when)
		return val(f.Svc.Lend(apptest.AttID, loans.LendInput{Room: room, Lines: []loans.LoanLine{{Item: item, Count: n}}, DueAt: due})).ID
	}
	back := func(when time.Time, id, item string, cond loans.LoanCondition, charge int64) {
		at(f, when)
		val(f.Svc.ReturnLoan(apptest.AttID, id, []loans.ReturnLine{{Item: item, Count: 1, Condition: cond, Charge: charge}}))
	}
	id := lend(day(3, 9, 30), "301", "hair_dryer", 2, day(3, 21, 0))
	at(f, day(3, 20, 0))
	val(f.Svc.ReturnAll(apptest.AttID, id))
	id = lend(day(4, 10, 0), "302", "iron", 1, day(4, 18, 0))
	back(day(5, 9, 0), id, "iron", loans.ConditionDamaged, 5000) // back late, damaged
	id = lend(day(6, 10, 0), "303", "hair_dryer", 1, day(6, 20, 0))
	back(day(6, 19, 0), id, "hair_dryer", loans.ConditionLost, 20000)
	lend(day(7, 10, 0), "301", "iron", 1, day(7, 12, 0)) // never back
}

func seedKeys(t *testing.T, f *desk) {
	for _, tag := range []string{"F3-SEC-A", "STORE-1"} {
		val(f.Svc.RegisterKey(apptest.SupID, keys.NewKey{Tag: tag, Type: keys.KeySection, Desk: "D1"}))
	}
	out := func(when time.Time, tag, holder string, due time.Time) {
		at(f, when)
		val(f.Svc.SignOutKey(apptest.AttID, keys.KeySignOut{Tag: tag, Holder: holder, Purpose: "turn-down", Due: due}))
	}
	in := func(when time.Time, tag string) {
		at(f, when)
		val(f.Svc.SignInKey(apptest.AttID, tag))
	}
	out(feb(26, 9, 0), "STORE-1", apptest.AttID, feb(26, 10, 0)) // the week before
	in(feb(26, 9, 30), "STORE-1")
	out(day(3, 9, 0), "F3-SEC-A", apptest.AttID, day(3, 11, 0))
	in(day(3, 10, 30), "F3-SEC-A")
	out(day(4, 9, 0), "STORE-1", apptest.Att2ID, day(4, 10, 0))
	in(day(4, 12, 0), "STORE-1") // two hours late
	out(day(5, 9, 0), "F3-SEC-A", apptest.AttID, day(5, 10, 0))
	at(f, day(5, 15, 0))
	val(f.Svc.ReportKeyLost(apptest.AttID, "F3-SEC-A", "dropped in the garden"))
}

func seedFound(t *testing.T, f *desk) {
	log := func(when, foundAt time.Time, place string) string {
		at(f, when)
		item, _, err := f.Svc.LogFound(apptest.AttID, found.FoundInput{FoundAt: foundAt, Place: place, Finder: "Wang Fang",
			Category: app.CatClothing, Description: "blue scarf", Storage: "Desk D1 cabinet"})
		if err != nil {
			t.Fatal(err)
		}
		return item.Tag
	}
	claim := func(when time.Time, tag, carrier string) {
		at(f, when)
		in := found.ClaimInput{Tag: tag, Claimant: "Ms Chen", Contact: "138 0000 0000", IDType: "id_card", IDLast4: "123X", Description: "blue scarf"}
		if carrier != "" {
			in.Carrier, in.Tracking = carrier, "SF1234567890"
		}
		val(f.Svc.ClaimFound(apptest.AttID, in))
	}
	e := log(feb(20, 9, 0), feb(20, 8, 0), "Lobby")
	d := log(feb(25, 11, 0), feb(25, 10, 0), "Lobby")
	a := log(day(2, 9, 0), day(2, 8, 0), "301")
	b := log(day(3, 9, 30), day(3, 9, 0), "302")
	claim(day(3, 15, 0), b, "SF Express") // 6 hours, shipped
	claim(day(4, 8, 0), a, "")            // 48 hours
	log(day(5, 10, 0), day(5, 9, 0), "Restaurant")
	claim(day(6, 10, 0), d, "") // 9 days
	at(f, day(7, 10, 0))
	val(f.Svc.DisposeFound(apptest.SupID, e, "donate", "nobody asked, scarf donated"))
}

func seeded(t *testing.T) *desk {
	f := apptest.New(t, registers.New)
	f.SetupHotel()
	seedRequests(t, f)
	seedLoans(t, f)
	seedKeys(t, f)
	seedFound(t, f)
	at(f, day(9, 12, 0)) // the report is made on the Monday after
	return f
}

func theWeek(t *testing.T, f *desk) reports.Report {
	t.Helper()
	p := val(reports.CustomPeriod(day(2, 0, 0), day(8, 0, 0), time.UTC))
	return val(reports.New(f.Core).Report(p))
}

func TestReportOfAWeekOfRequests(t *testing.T) {
	f := seeded(t)
	rep := theWeek(t, f)
	if !rep.Prior.From.Equal(feb(23, 0, 0)) || !rep.Prior.To.Equal(day(2, 0, 0)) {
		t.Errorf("previous period %v to %v, want Monday 23 February to Monday 2 March", rep.Prior.From, rep.Prior.To)
	}
	r := rep.Now.Requests
	if r.Opened != 6 || rep.Before.Requests.Opened != 1 {
		t.Errorf("opened %d this week, %d the week before; want 6 and 1", r.Opened, rep.Before.Requests.Opened)
	}
	wantDays := [][3]int{{0, 0, 0}, {3, 0, 0}, {0, 1, 1}, {0, 0, 1}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}
	if len(r.Days) != 7 {
		t.Fatalf("%d days, want 7", len(r.Days))
	}
	for i, d := range r.Days {
		if got := [3]int{d.Service, d.Inquiry, d.Complaint}; got != wantDays[i] || !d.Day.Equal(day(2+i, 0, 0)) {
			t.Errorf("day %d (%v): service, inquiry, complaint %v, want %v", i, d.Day, got, wantDays[i])
		}
	}
	m := time.Minute
	want := []requests.DepartmentTimes{
		// housekeeping: told after 5, 15, 10 min; done after 20, 90, 40; an hour promised, one late.
		{Department: "housekeeping", Requests: 3, Responded: 3, Completed: 3, OnTime: 2,
			ResponseMedian: 10 * m, ResponseP90: 15 * m, CompletionMedian: 40 * m, CompletionP90: 90 * m, Promised: 60 * m},
		{Department: "", Requests: 1, Responded: 1, Completed: 1, OnTime: 1,
			ResponseMedian: 2 * m, ResponseP90: 2 * m, CompletionMedian: 2 * m, CompletionP90: 2 * m, Promised: 60 * m},
		{Department: "engineering", Requests: 1, Responded: 1, Completed: 1, OnTime: 1,
			ResponseMedian: 3 * m, ResponseP90: 3 * m, CompletionMedian: 25 * m, CompletionP90: 25 * m, Promised: 60 * m},
		{Department: "fnb", Requests: 1, Promised: 60 * m},
	}
	if !slices.Equal(r.Departments, want) {
		t.Errorf("departments:\n got %+v\nwant %+v", r.Departments, want)
	}
	c := r.Complaints
	if c.Total != 2 || c.Compensated != 1 || c.CompensationCents != 8800 {
		t.Errorf("complaints %d, compensated %d for %d cents; want 2, 1, 8800", c.Total, c.Compensated, c.CompensationCents)
	}
	if got := counts(c.ByCategory); got != "service_quality=0 environment_hygiene=0 facilities_equipment=0 food_beverage=1 noise=1 other=0" {
		t.Errorf("by category: %s", got)
	}
	if got := counts(c.BySeverity); got != "minor=0 moderate=1 serious=1 urgent=0" {
		t.Errorf("by severity: %s", got)
	}
	if r.Scores != [5]int{0, 0, 1, 1, 1} || r.Satisfaction() != 4 || r.Rated() != 3 {
		t.Errorf("scores %v, average %.2f of %d; want one each of 3, 4, 5: 4.00 of 3", r.Scores, r.Satisfaction(), r.Rated())
	}
}

func counts(cs []requests.Count) string {
	s := ""
	for i, c := range cs {
		if i > 0 {
			s += " "
		}
		s += c.Key + "=" + string(rune('0'+c.N))
	}
	return s
}

func TestReportOfAWeekOfLoansKeysAndFoundItems(t *testing.T) {
	f := seeded(t)
	rep := theWeek(t, f)
	l := rep.Now.Loans
	// 4 loans, 5 items; the damaged iron came back late and the last iron
	// is still out past its noon due time: 2 overdue.
	if l.Loans != 4 || l.Units != 5 || l.Overdue != 2 || l.Lost != 1 || l.Damaged != 1 || l.ChargesCents != 25000 ||
		l.StillOut != 1 || l.ReturnedOnTime != 2 {
		t.Errorf("loans: %+v", l)
	}
	if len(l.Items) != 2 || l.Items[0].Item != "hair_dryer" || l.Items[0].Loans != 2 || l.Items[0].Units != 3 ||
		l.Items[1].Item != "iron" || l.Items[1].Units != 2 {
		t.Errorf("items lent: %+v", l.Items)
	}
	if rep.Before.Loans.Loans != 0 {
		t.Errorf("loans the week before: %d, want 0", rep.Before.Loans.Loans)
	}
	k := rep.Now.Keys
	wantBy := []keys.StaffCount{{Staff: apptest.AttID, N: 1}, {Staff: apptest.Att2ID, N: 1}}
	if k.SignOuts != 3 || k.Overdue != 2 || k.Lost != 1 || !slices.Equal(k.OverdueBy, wantBy) {
		t.Errorf("keys: %+v", k)
	}
	if b := rep.Before.Keys; b.SignOuts != 1 || b.Overdue != 0 {
		t.Errorf("keys the week before: %+v", b)
	}
	fd := rep.Now.Found
	if fd.Logged != 3 || fd.LoggedClaimed != 2 || fd.Claimed != 3 || fd.Shipped != 1 || fd.Disposed != 1 ||
		fd.ClaimMedian != 48*time.Hour || fd.ClaimP90 != 216*time.Hour {
		t.Errorf("found: %+v", fd)
	}
	if b := rep.Before.Found; b.Logged != 1 || b.LoggedClaimed != 1 || b.Claimed != 0 || b.Disposed != 0 {
		t.Errorf("found the week before: %+v", b)
	}
}
