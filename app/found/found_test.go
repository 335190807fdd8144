package found

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
)

func wallet() FoundInput {
	return FoundInput{FoundAt: apptest.Start.Add(-time.Hour), Place: "302", Room: true, Finder: "Wang Fang",
		Category: app.CatElectronics, Description: "black Huawei phone with a cracked screen", Storage: "Desk D1 cabinet"}
}

func valuable() FoundInput {
	return FoundInput{FoundAt: apptest.Start, Place: "Lobby", Finder: "Guest Mr Li", Category: app.CatValuables,
		Description: "gold ring", Storage: "Safe 1", InSafe: true, Witness: apptest.SupID, WitnessPIN: "1234"}
}

func logFound(f *fixture, in FoundInput) FoundItem {
	f.T.Helper()
	item, _, err := f.Svc.LogFound(apptest.AttID, in)
	if err != nil {
		f.T.Fatalf("log found: %v", err)
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
		{"no time", wallet(), func(i *FoundInput) { i.FoundAt = time.Time{} }, app.ErrInvalid, "field.required"},
		{"in the future", wallet(), func(i *FoundInput) { i.FoundAt = apptest.Start.Add(time.Hour) }, app.ErrInvalid, "found.in_future"},
		{"room not on list", wallet(), func(i *FoundInput) { i.Place = "999" }, app.ErrInvalid, "room.unknown"},
		{"no finder", wallet(), func(i *FoundInput) { i.Finder = "" }, app.ErrInvalid, "field.required"},
		{"bad category", wallet(), func(i *FoundInput) { i.Category = "pets" }, app.ErrInvalid, "field.bad_value"},
		{"no description", wallet(), func(i *FoundInput) { i.Description = " " }, app.ErrInvalid, "field.required"},
		{"no storage", wallet(), func(i *FoundInput) { i.Storage = "" }, app.ErrInvalid, "field.required"},
		{"valuable not in safe", valuable(), func(i *FoundInput) { i.InSafe = false }, app.ErrInvalid, "found.safe_required"},
		{"valuable no witness", valuable(), func(i *FoundInput) { i.Witness = "" }, app.ErrInvalid, "found.witness_required"},
		{"valuable self-witnessed", valuable(), func(i *FoundInput) { i.Witness, i.WitnessPIN = apptest.AttID, "2345" }, app.ErrInvalid, "found.witness_same"},
		{"valuable wrong witness PIN", valuable(), func(i *FoundInput) { i.WitnessPIN = "0000" }, app.ErrForbidden, "pin.wrong"},
		{"cash is valuable", wallet(), func(i *FoundInput) { i.Category = app.CatCash }, app.ErrInvalid, "found.safe_required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.SetupHotel()
			in := tt.in
			if tt.edit != nil {
				tt.edit(&in)
			}
			item, _, err := f.Svc.LogFound(apptest.AttID, in)
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
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

// TestFoundTagsRunOn checks the day's running number: it goes on after a
// restart (a new register on the same store) and starts again the next
// day.
func TestFoundTagsRunOn(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	var tags []string
	for range 3 {
		tags = append(tags, logFound(f, wallet()).Tag)
	}
	f.Svc = New(f.Core)
	tags = append(tags, logFound(f, wallet()).Tag)
	f.Clock.Advance(24 * time.Hour)
	tags = append(tags, logFound(f, wallet()).Tag, logFound(f, wallet()).Tag)
	want := []string{"LF260303-D1-001", "LF260303-D1-002", "LF260303-D1-003", "LF260303-D1-004", "LF260304-D1-001", "LF260304-D1-002"}
	if !reflect.DeepEqual(tags, want) {
		t.Fatalf("tags %v, want %v", tags, want)
	}
}

func TestFoundTagsAndPoliceFlag(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	a := logFound(f, wallet())
	doc := wallet()
	doc.Category, doc.Description = app.CatDocuments, "passport, Japan"
	b := logFound(f, doc)
	knife := wallet()
	knife.Category, knife.Description, knife.Dangerous = app.CatOther, "folding knife", true
	c := logFound(f, knife)
	if a.Tag != "LF260303-D1-001" || b.Tag != "LF260303-D1-002" || c.Tag != "LF260303-D1-003" {
		t.Fatalf("tags %s %s %s", a.Tag, b.Tag, c.Tag)
	}
	if a.Police || !b.Police || !c.Police {
		t.Fatalf("police flags %v %v %v", a.Police, b.Police, c.Police)
	}
	due, _ := f.Svc.PoliceReportDue()
	if len(due) != 2 {
		t.Fatalf("police due = %d", len(due))
	}
	label, err := f.Svc.Label(b.Tag)
	if err != nil || label.Lines[0] != b.Tag || !strings.Contains(strings.Join(label.Lines, "\n"), "REPORT TO POLICE") {
		t.Fatalf("label = %+v, %v", label, err)
	}
	// Handing a police-flagged item to the police needs no early reason.
	if _, err := f.Svc.HandToPolice(apptest.SupID, PoliceInput{Tags: []string{b.Tag}, Officer: "张警官", Unit: "城关派出所"}); err != nil {
		t.Fatal(err)
	}
}

func TestMatchingBothWays(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	phone := logFound(f, wallet())
	other := wallet()
	other.Category, other.Description, other.Place = app.CatClothing, "red scarf", "501"
	logFound(f, other)

	r, matches, err := f.Svc.FileLostReport(apptest.Att2ID, LostReportInput{Guest: "Ms Chen", Contact: "138 0000 0000",
		Room: "302", LostAt: apptest.Start.Add(-3 * time.Hour), Category: app.CatElectronics, Description: "Huawei phone, black"})
	if err != nil || len(matches) != 1 || matches[0].Item.Tag != phone.Tag {
		t.Fatalf("report matches = %+v, %v", matches, err)
	}
	// The reverse: a report first, then the item.
	r2, none, _ := f.Svc.FileLostReport(apptest.Att2ID, LostReportInput{Guest: "王先生", Contact: "139", Place: "大堂",
		LostAt: apptest.Start.Add(-2 * time.Hour), Category: app.CatValuables, Description: "黑色真皮钱包，里面有银行卡"})
	if len(none) != 0 {
		t.Fatalf("nothing matches yet: %+v", none)
	}
	in := valuable()
	in.Place, in.Description = "大堂沙发", "黑色钱包 有银行卡"
	item, back, err := f.Svc.LogFound(apptest.AttID, in)
	if err != nil || len(back) != 1 || back[0].Report.ID != r2.ID {
		t.Fatalf("item matches = %+v, %v", back, err)
	}
	again, _ := f.Svc.MatchesForItem(item.Tag)
	forR, _ := f.Svc.MatchesForReport(r.ID)
	if len(again) != 1 || len(forR) != 1 {
		t.Fatalf("queries: %d %d", len(again), len(forR))
	}
}

// TestMatchingWindow files the same report lost at times around an
// item's: only those lost up to 60 days before it was found, or a day
// after, match it, including those on the window's first and last days.
func TestMatchingWindow(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	found := apptest.Start.Add(-time.Hour)
	lost := map[string]time.Duration{"61 days before": -61 * 24 * time.Hour, "60 days before": -matchAfter,
		"59 days before": -59 * 24 * time.Hour, "12 hours after": 12 * time.Hour, "a day after": matchBefore,
		"two days after": 48 * time.Hour}
	ids := map[string]string{}
	for name, d := range lost {
		r, _, err := f.Svc.FileLostReport(apptest.Att2ID, LostReportInput{Guest: name, Contact: "138", Room: "302",
			LostAt: found.Add(d), Category: app.CatElectronics, Description: "Huawei phone, black"})
		if err != nil {
			t.Fatal(err)
		}
		ids[r.ID] = name
	}
	in := wallet()
	in.FoundAt = found
	_, matches, err := f.Svc.LogFound(apptest.AttID, in)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range matches {
		got = append(got, ids[m.Report.ID])
	}
	slices.Sort(got)
	want := []string{"12 hours after", "59 days before", "60 days before", "a day after"}
	if !slices.Equal(got, want) {
		t.Fatalf("matched %v, want %v", got, want)
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
	if s := similarity("黑色钱包 内有身份证", "丢了一个黑皮夹,里面有证件"); s < 0.6 {
		t.Fatalf("the same wallet in other words = %v", s)
	}
}

// TestMatchingAcrossCategoryAndPlace files a report of a wallet lost in a
// room; the wallet turns up the next day in the lobby, logged under
// another category and in English. It is suggested, with its reasons; a
// wallet of another colour is not.
func TestMatchingAcrossCategoryAndPlace(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	r, _, err := f.Svc.FileLostReport(apptest.Att2ID, LostReportInput{Guest: "王先生", Contact: "139", Room: "302",
		LostAt: apptest.Start.Add(-30 * time.Hour), Category: app.CatValuables, Description: "丢了一个黑皮夹,里面有证件"})
	if err != nil {
		t.Fatal(err)
	}
	brown := wallet()
	brown.Place, brown.Room, brown.Category, brown.Description = "Lobby", false, app.CatOther, "brown purse with an ID card"
	logFound(f, brown)
	black := brown
	black.Description = "black purse with an ID card"
	item, matches, err := f.Svc.LogFound(apptest.AttID, black)
	if err != nil || len(matches) != 1 || matches[0].Report.ID != r.ID {
		t.Fatalf("item matches = %+v, %v", matches, err)
	}
	var codes []string
	for _, why := range matches[0].Reasons {
		codes = append(codes, why.Code)
	}
	if want := []string{WhyItem, WhyColour, WhyNextDay}; !slices.Equal(codes, want) {
		t.Fatalf("reasons %v, want %v", matches[0].Reasons, want)
	}
	if p := matches[0].Reasons[0].Params; p["Found"] != "purse" || p["Lost"] != "皮夹" {
		t.Fatalf("item reason %v", p)
	}
	forR, err := f.Svc.MatchesForReport(r.ID)
	if err != nil || len(forR) != 1 || forR[0].Item.Tag != item.Tag {
		t.Fatalf("report matches = %+v, %v", forR, err)
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
		{"unknown item", func(c *ClaimInput) { c.Tag = "LF-NOPE" }, app.ErrNotFound, "found.not_found"},
		{"no claimant", func(c *ClaimInput) { c.Claimant = "" }, app.ErrInvalid, "field.required"},
		{"no contact", func(c *ClaimInput) { c.Contact = "" }, app.ErrInvalid, "field.required"},
		{"no id check", func(c *ClaimInput) { c.IDType = "" }, app.ErrInvalid, "field.required"},
		{"whole id number", func(c *ClaimInput) { c.IDLast4 = "11010119900307123X" }, app.ErrInvalid, "door.id_last4"},
		{"no own description", func(c *ClaimInput) { c.Description = "" }, app.ErrInvalid, "field.required"},
		{"carrier without tracking", func(c *ClaimInput) { c.Carrier = "SF" }, app.ErrInvalid, "found.ship_details"},
		{"unknown report", func(c *ClaimInput) { c.Report = "R9" }, app.ErrNotFound, "lostreport.not_found"},
		{"unknown returner", func(c *ClaimInput) { c.ReturnedBy = "X9" }, app.ErrNotFound, "staff.not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.SetupHotel()
			f.Svc.NewID = func() string { return "R1" }
			f.Must(nil, second(f.Svc.FileLostReport(apptest.Att2ID, LostReportInput{Guest: "Ms Chen", Contact: "138", Room: "302",
				LostAt: apptest.Start, Category: app.CatElectronics, Description: "phone"})))
			item := logFound(f, wallet())
			in := ok
			in.Tag = item.Tag
			tt.edit(&in)
			got, err := f.Svc.ClaimFound(apptest.AttID, in)
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || got.Status != FoundClaimed || got.Claims[0].ReturnedBy != apptest.AttID || got.Claims[0].Shipped() != (in.Carrier != "") {
				t.Fatalf("ClaimFound = %+v, %v", got, err)
			}
			_, err = f.Svc.ClaimFound(apptest.AttID, in)
			apptest.WantRefusal(t, err, app.ErrConflict, "found.claimed")
			r, _ := f.Svc.LostReport("R1")
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
	f.SetupHotel()
	item := logFound(f, wallet())
	ring := logFound(f, valuable())
	got, err := f.Svc.TransferFound(apptest.Att2ID, item.Tag, "Housekeeping store", false, "end of day")
	if err != nil || len(got.Custody) != 2 || got.Location().By != apptest.Att2ID || got.Location().Location != "Housekeeping store" {
		t.Fatalf("transfer = %+v, %v", got, err)
	}
	_, err = f.Svc.TransferFound(apptest.AttID, item.Tag, "Housekeeping store", false, "")
	apptest.WantRefusal(t, err, app.ErrInvalid, "found.same_place")
	_, err = f.Svc.TransferFound(apptest.AttID, item.Tag, "", false, "")
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.required")
	_, err = f.Svc.TransferFound(apptest.AttID, ring.Tag, "Desk drawer", false, "")
	apptest.WantRefusal(t, err, app.ErrInvalid, "found.safe_required")
	if _, err := f.Svc.TransferFound(apptest.AttID, ring.Tag, "Safe 2", true, ""); err != nil {
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
		{"after holding", apptest.SupID, 91 * 24 * time.Hour, "donate", "", nil, ""},
		{"early with reason", apptest.SupID, time.Hour, "destroy", "food, spoiled", nil, ""},
		{"attendant", apptest.AttID, 91 * 24 * time.Hour, "donate", "", app.ErrForbidden, "role.required"},
		{"early without reason", apptest.SupID, time.Hour, "donate", "", app.ErrConflict, "found.holding"},
		{"bad method", apptest.SupID, 91 * 24 * time.Hour, "sell", "", app.ErrInvalid, "field.bad_value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.SetupHotel()
			item := logFound(f, wallet())
			f.Clock.Advance(tt.age)
			due, _ := f.Svc.DueForDisposal()
			if (len(due) == 1) != (tt.age > 90*24*time.Hour) {
				t.Fatalf("due for disposal = %d", len(due))
			}
			got, err := f.Svc.DisposeFound(tt.actor, item.Tag, tt.method, tt.reason)
			if tt.sentinel != nil {
				apptest.WantRefusal(t, err, tt.sentinel, tt.code)
				return
			}
			if err != nil || got.Status != FoundDisposed || got.Disposal.Early != (tt.reason != "") {
				t.Fatalf("DisposeFound = %+v, %v", got, err)
			}
			_, err = f.Svc.DisposeFound(apptest.SupID, item.Tag, "donate", "x")
			apptest.WantRefusal(t, err, app.ErrConflict, "found.disposed")
			_, err = f.Svc.ClaimFound(apptest.AttID, ClaimInput{Tag: item.Tag})
			apptest.WantRefusal(t, err, app.ErrConflict, "found.disposed")
		})
	}
}

func TestCloseLostReport(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	r, _, err := f.Svc.FileLostReport(apptest.AttID, LostReportInput{Guest: "Ms Chen", Contact: "138", Place: "pool",
		LostAt: apptest.Start, Category: app.CatClothing, Description: "swimming cap"})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = f.Svc.FileLostReport(apptest.AttID, LostReportInput{Guest: "x", Contact: "1", Category: app.CatClothing, Description: "d", LostAt: apptest.Start})
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.required")
	apptest.WantRefusal(t, f.Svc.CloseLostReport(apptest.AttID, r.ID, ""), app.ErrInvalid, "field.required")
	if err := f.Svc.CloseLostReport(apptest.AttID, r.ID, "guest found it in the car"); err != nil {
		t.Fatal(err)
	}
	apptest.WantRefusal(t, f.Svc.CloseLostReport(apptest.AttID, r.ID, "again"), app.ErrConflict, "lostreport.closed")
	open, _ := f.Svc.OpenLostReports()
	if len(open) != 0 {
		t.Fatalf("open = %d", len(open))
	}
}

func TestConflictItemClaimedAtTwoDesks(t *testing.T) {
	a, b := apptest.Pair(t, New)
	a.SetupHotel()
	item := logFound(a, wallet())
	apptest.ExchangeDesks(t, a, b)
	claim := ClaimInput{Tag: item.Tag, Claimant: "Ms Chen", Contact: "138", IDType: "id_card", IDLast4: "1234", Description: "phone"}
	a.Must(a.Svc.ClaimFound(apptest.AttID, claim))
	claim.Claimant = "Mr Zhao"
	b.Must(b.Svc.ClaimFound(apptest.Att2ID, claim))
	apptest.ExchangeDesks(t, a, b)
	ca, _ := a.Svc.Conflicts()
	cb, _ := b.Svc.Conflicts()
	if len(ca) != 1 || ca[0].Code != "found.claimed_twice" || !reflect.DeepEqual(ca, cb) {
		t.Fatalf("a %+v b %+v", ca, cb)
	}
	ia, _ := a.Svc.FoundItem(item.Tag)
	if len(ia.Claims) != 2 {
		t.Fatalf("both claims kept: %+v", ia.Claims)
	}
}
