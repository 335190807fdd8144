package app

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func wallet() FoundInput {
	return FoundInput{FoundAt: testStart.Add(-time.Hour), Place: "302", Room: true, Finder: "Wang Fang",
		Category: CatElectronics, Description: "black Huawei phone with a cracked screen", Storage: "Desk D1 cabinet"}
}

func valuable() FoundInput {
	return FoundInput{FoundAt: testStart, Place: "Lobby", Finder: "Guest Mr Li", Category: CatValuables,
		Description: "gold ring", Storage: "Safe 1", InSafe: true, Witness: supID, WitnessPIN: "1234"}
}

func (f *fixture) logFound(in FoundInput) FoundItem {
	f.t.Helper()
	item, _, err := f.svc.LogFound(attID, in)
	if err != nil {
		f.t.Fatalf("log found: %v", err)
	}
	return item
}

func TestLogFound(t *testing.T) {
	tests := []struct {
		name     string
		in       FoundInput
		edit     func(*FoundInput)
		sentinel error
		code     string
	}{
		{"phone in a room", wallet(), nil, nil, ""},
		{"valuable, witnessed, in safe", valuable(), nil, nil, ""},
		{"no time", wallet(), func(i *FoundInput) { i.FoundAt = time.Time{} }, ErrInvalid, "field.required"},
		{"in the future", wallet(), func(i *FoundInput) { i.FoundAt = testStart.Add(time.Hour) }, ErrInvalid, "found.in_future"},
		{"room not on list", wallet(), func(i *FoundInput) { i.Place = "999" }, ErrInvalid, "room.unknown"},
		{"no finder", wallet(), func(i *FoundInput) { i.Finder = "" }, ErrInvalid, "field.required"},
		{"bad category", wallet(), func(i *FoundInput) { i.Category = "pets" }, ErrInvalid, "field.bad_value"},
		{"no description", wallet(), func(i *FoundInput) { i.Description = " " }, ErrInvalid, "field.required"},
		{"no storage", wallet(), func(i *FoundInput) { i.Storage = "" }, ErrInvalid, "field.required"},
		{"valuable not in safe", valuable(), func(i *FoundInput) { i.InSafe = false }, ErrInvalid, "found.safe_required"},
		{"valuable no witness", valuable(), func(i *FoundInput) { i.Witness = "" }, ErrInvalid, "found.witness_required"},
		{"valuable self-witnessed", valuable(), func(i *FoundInput) { i.Witness, i.WitnessPIN = attID, "2345" }, ErrInvalid, "found.witness_same"},
		{"valuable wrong witness PIN", valuable(), func(i *FoundInput) { i.WitnessPIN = "0000" }, ErrForbidden, "pin.wrong"},
		{"cash is valuable", wallet(), func(i *FoundInput) { i.Category = CatCash }, ErrInvalid, "found.safe_required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.setupHotel()
			in := tt.in
			if tt.edit != nil {
				tt.edit(&in)
			}
			item, _, err := f.svc.LogFound(attID, in)
			if tt.sentinel != nil {
				wantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || item.Tag != "LF260303-D1-001" || item.Status != FoundHeld || item.Location().Location != in.Storage {
				t.Fatalf("LogFound = %+v, %v", item, err)
			}
			if want := in.FoundAt.AddDate(0, 0, 90); !item.HoldUntil.Equal(want) {
				t.Fatalf("hold until %v, want %v", item.HoldUntil, want)
			}
		})
	}
}

func TestFoundTagsAndPoliceFlag(t *testing.T) {
	f := newFixture(t)
	f.setupHotel()
	a := f.logFound(wallet())
	doc := wallet()
	doc.Category, doc.Description = CatDocuments, "passport, Japan"
	b := f.logFound(doc)
	knife := wallet()
	knife.Category, knife.Description, knife.Dangerous = CatOther, "folding knife", true
	c := f.logFound(knife)
	if a.Tag != "LF260303-D1-001" || b.Tag != "LF260303-D1-002" || c.Tag != "LF260303-D1-003" {
		t.Fatalf("tags %s %s %s", a.Tag, b.Tag, c.Tag)
	}
	if a.Police || !b.Police || !c.Police {
		t.Fatalf("police flags %v %v %v", a.Police, b.Police, c.Police)
	}
	due, _ := f.svc.PoliceReportDue()
	if len(due) != 2 {
		t.Fatalf("police due = %d", len(due))
	}
	label, err := f.svc.Label(b.Tag)
	if err != nil || label.Lines[0] != b.Tag || !strings.Contains(strings.Join(label.Lines, "\n"), "REPORT TO POLICE") {
		t.Fatalf("label = %+v, %v", label, err)
	}
	// Handing a police-flagged item to the police needs no early reason.
	if _, err := f.svc.DisposeFound(supID, b.Tag, "police", ""); err != nil {
		t.Fatal(err)
	}
}

func TestMatchingBothWays(t *testing.T) {
	f := newFixture(t)
	f.setupHotel()
	phone := f.logFound(wallet())
	other := wallet()
	other.Category, other.Description, other.Place = CatClothing, "red scarf", "501"
	f.logFound(other)

	r, matches, err := f.svc.FileLostReport(att2ID, LostReportInput{Guest: "Ms Chen", Contact: "138 0000 0000",
		Room: "302", LostAt: testStart.Add(-3 * time.Hour), Category: CatElectronics, Description: "Huawei phone, black"})
	if err != nil || len(matches) != 1 || matches[0].Item.Tag != phone.Tag {
		t.Fatalf("report matches = %+v, %v", matches, err)
	}
	// The reverse: a report first, then the item.
	r2, none, _ := f.svc.FileLostReport(att2ID, LostReportInput{Guest: "王先生", Contact: "139", Place: "大堂",
		LostAt: testStart.Add(-2 * time.Hour), Category: CatValuables, Description: "黑色真皮钱包，里面有银行卡"})
	if len(none) != 0 {
		t.Fatalf("nothing matches yet: %+v", none)
	}
	in := valuable()
	in.Place, in.Description = "大堂沙发", "黑色钱包 有银行卡"
	item, back, err := f.svc.LogFound(attID, in)
	if err != nil || len(back) != 1 || back[0].Report.ID != r2.ID {
		t.Fatalf("item matches = %+v, %v", back, err)
	}
	again, _ := f.svc.MatchesForItem(item.Tag)
	forR, _ := f.svc.MatchesForReport(r.ID)
	if len(again) != 1 || len(forR) != 1 {
		t.Fatalf("queries: %d %d", len(again), len(forR))
	}
}

func TestSimilarityBigrams(t *testing.T) {
	if s := similarity("黑色钱包", "钱包黑色"); s < 0.6 {
		t.Fatalf("reordered Chinese = %v", s)
	}
	if s := similarity("黑色钱包", "白色雨伞"); s != 0 {
		t.Fatalf("unrelated Chinese = %v", s)
	}
	if s := similarity("The black phone", "phone, BLACK"); s != 1 {
		t.Fatalf("English = %v", s)
	}
}

func TestClaimFound(t *testing.T) {
	ok := ClaimInput{Claimant: "Ms Chen", Contact: "138 0000 0000", IDType: "id_card", IDLast4: "123X",
		Description: "black Huawei phone, cracked screen, blue case"}
	tests := []struct {
		name     string
		edit     func(*ClaimInput)
		sentinel error
		code     string
	}{
		{"in person", func(*ClaimInput) {}, nil, ""},
		{"shipped", func(c *ClaimInput) { c.Carrier, c.Tracking = "SF Express", "SF1234567890" }, nil, ""},
		{"with report", func(c *ClaimInput) { c.Report = "R1" }, nil, ""},
		{"unknown item", func(c *ClaimInput) { c.Tag = "LF-NOPE" }, ErrNotFound, "found.not_found"},
		{"no claimant", func(c *ClaimInput) { c.Claimant = "" }, ErrInvalid, "field.required"},
		{"no contact", func(c *ClaimInput) { c.Contact = "" }, ErrInvalid, "field.required"},
		{"no id check", func(c *ClaimInput) { c.IDType = "" }, ErrInvalid, "field.bad_value"},
		{"whole id number", func(c *ClaimInput) { c.IDLast4 = "11010119900307123X" }, ErrInvalid, "door.id_last4"},
		{"no own description", func(c *ClaimInput) { c.Description = "" }, ErrInvalid, "field.required"},
		{"carrier without tracking", func(c *ClaimInput) { c.Carrier = "SF" }, ErrInvalid, "found.ship_details"},
		{"unknown report", func(c *ClaimInput) { c.Report = "R9" }, ErrNotFound, "lostreport.not_found"},
		{"unknown returner", func(c *ClaimInput) { c.ReturnedBy = "X9" }, ErrNotFound, "staff.not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.setupHotel()
			f.svc.NewID = func() string { return "R1" }
			f.must(nil, second(f.svc.FileLostReport(att2ID, LostReportInput{Guest: "Ms Chen", Contact: "138", Room: "302",
				LostAt: testStart, Category: CatElectronics, Description: "phone"})))
			item := f.logFound(wallet())
			in := ok
			in.Tag = item.Tag
			tt.edit(&in)
			got, err := f.svc.ClaimFound(attID, in)
			if tt.sentinel != nil {
				wantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || got.Status != FoundClaimed || got.Claims[0].ReturnedBy != attID || got.Claims[0].Shipped() != (in.Carrier != "") {
				t.Fatalf("ClaimFound = %+v, %v", got, err)
			}
			_, err = f.svc.ClaimFound(attID, in)
			wantRefusal(t, err, ErrConflict, "found.claimed")
			r, _ := f.svc.LostReport("R1")
			if r.Closed != (in.Report != "") {
				t.Fatalf("report closed = %v", r.Closed)
			}
		})
	}
}

// second drops a middle result, for must.
func second[A, B any](a A, _ B, err error) error { return err }

func TestTransferFound(t *testing.T) {
	f := newFixture(t)
	f.setupHotel()
	item := f.logFound(wallet())
	ring := f.logFound(valuable())
	got, err := f.svc.TransferFound(att2ID, item.Tag, "Housekeeping store", false, "end of day")
	if err != nil || len(got.Custody) != 2 || got.Location().By != att2ID || got.Location().Location != "Housekeeping store" {
		t.Fatalf("transfer = %+v, %v", got, err)
	}
	_, err = f.svc.TransferFound(attID, item.Tag, "Housekeeping store", false, "")
	wantRefusal(t, err, ErrInvalid, "found.same_place")
	_, err = f.svc.TransferFound(attID, item.Tag, "", false, "")
	wantRefusal(t, err, ErrInvalid, "field.required")
	_, err = f.svc.TransferFound(attID, ring.Tag, "Desk drawer", false, "")
	wantRefusal(t, err, ErrInvalid, "found.safe_required")
	if _, err := f.svc.TransferFound(attID, ring.Tag, "Safe 2", true, ""); err != nil {
		t.Fatal(err)
	}
}

func TestDisposeFound(t *testing.T) {
	tests := []struct {
		name     string
		actor    string
		age      time.Duration
		method   string
		reason   string
		sentinel error
		code     string
	}{
		{"after holding", supID, 91 * 24 * time.Hour, "donate", "", nil, ""},
		{"early with reason", supID, time.Hour, "destroy", "food, spoiled", nil, ""},
		{"attendant", attID, 91 * 24 * time.Hour, "donate", "", ErrForbidden, "role.required"},
		{"early without reason", supID, time.Hour, "donate", "", ErrConflict, "found.holding"},
		{"bad method", supID, 91 * 24 * time.Hour, "sell", "", ErrInvalid, "field.bad_value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.setupHotel()
			item := f.logFound(wallet())
			f.clock.Advance(tt.age)
			due, _ := f.svc.DueForDisposal()
			if (len(due) == 1) != (tt.age > 90*24*time.Hour) {
				t.Fatalf("due for disposal = %d", len(due))
			}
			got, err := f.svc.DisposeFound(tt.actor, item.Tag, tt.method, tt.reason)
			if tt.sentinel != nil {
				wantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || got.Status != FoundDisposed || got.Disposal.Early != (tt.reason != "") {
				t.Fatalf("DisposeFound = %+v, %v", got, err)
			}
			_, err = f.svc.DisposeFound(supID, item.Tag, "donate", "x")
			wantRefusal(t, err, ErrConflict, "found.disposed")
			_, err = f.svc.ClaimFound(attID, ClaimInput{Tag: item.Tag})
			wantRefusal(t, err, ErrConflict, "found.disposed")
		})
	}
}

func TestCloseLostReport(t *testing.T) {
	f := newFixture(t)
	f.setupHotel()
	r, _, err := f.svc.FileLostReport(attID, LostReportInput{Guest: "Ms Chen", Contact: "138", Place: "pool",
		LostAt: testStart, Category: CatClothing, Description: "swimming cap"})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = f.svc.FileLostReport(attID, LostReportInput{Guest: "x", Contact: "1", Category: CatClothing, Description: "d", LostAt: testStart})
	wantRefusal(t, err, ErrInvalid, "field.required")
	wantRefusal(t, f.svc.CloseLostReport(attID, r.ID, ""), ErrInvalid, "field.required")
	if err := f.svc.CloseLostReport(attID, r.ID, "guest found it in the car"); err != nil {
		t.Fatal(err)
	}
	wantRefusal(t, f.svc.CloseLostReport(attID, r.ID, "again"), ErrConflict, "lostreport.closed")
	open, _ := f.svc.OpenLostReports()
	if len(open) != 0 {
		t.Fatalf("open = %d", len(open))
	}
}

func TestConflictItemClaimedAtTwoDesks(t *testing.T) {
	a, b := newPair(t)
	a.setupHotel()
	item := a.logFound(wallet())
	exchange(t, a, b)
	claim := ClaimInput{Tag: item.Tag, Claimant: "Ms Chen", Contact: "138", IDType: "id_card", IDLast4: "1234", Description: "phone"}
	a.must(a.svc.ClaimFound(attID, claim))
	claim.Claimant = "Mr Zhao"
	b.must(b.svc.ClaimFound(att2ID, claim))
	exchange(t, a, b)
	ca, _ := a.svc.Conflicts()
	cb, _ := b.svc.Conflicts()
	if len(ca) != 1 || ca[0].Code != "found.claimed_twice" || !reflect.DeepEqual(ca, cb) {
		t.Fatalf("a %+v b %+v", ca, cb)
	}
	ia, _ := a.svc.FoundItem(item.Tag)
	if len(ia.Claims) != 2 {
		t.Fatalf("both claims kept: %+v", ia.Claims)
	}
}
