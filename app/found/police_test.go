package found

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
)

func passport() FoundInput {
	in := wallet()
	in.Category, in.Description = app.CatDocuments, "passport, Japan"
	return in
}

func cash() FoundInput {
	in := valuable()
	in.Category, in.Description = app.CatCash, "envelope, 800 yuan"
	return in
}

func TestHandToPolice(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	doc, money, phone := logFound(f, passport()), logFound(f, cash()), logFound(f, wallet())
	f.Clock.Advance(2 * time.Hour)
	h, err := f.Svc.HandToPolice(apptest.SupID, PoliceInput{Tags: []string{doc.Tag, money.Tag},
		Officer: " 张建国 ", Unit: "城关派出所", HandedBy: apptest.AttID})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h.ID, "PH260303-") || h.Officer != "张建国" || h.HandedBy != apptest.AttID || len(h.Tags) != 2 {
		t.Fatalf("hand-over = %+v", h)
	}
	for _, tag := range []string{doc.Tag, money.Tag} {
		item, _ := f.Svc.FoundItem(tag)
		last := item.Location()
		if item.Status != FoundDisposed || item.Disposal.Method != "police" || item.Disposal.Handover != h.ID ||
			last.Police != h.ID || last.Location != "城关派出所" || last.Note != "张建国" || last.By != apptest.AttID ||
			!item.Disposal.Early || item.Handover == nil || item.Handover.ID != h.ID {
			t.Fatalf("item %s after hand-over: status %s disposal %+v custody %+v", tag, item.Status, item.Disposal, last)
		}
	}
	if held, _ := f.Svc.AwaitingClaim(); len(held) != 1 || held[0].Tag != phone.Tag {
		t.Fatalf("still held: %+v", held)
	}
	again, items, err := f.Svc.PoliceListOf(money.Tag)
	if err != nil || again.ID != h.ID || len(items) != 2 || items[0].Tag != doc.Tag || items[1].Tag != money.Tag {
		t.Fatalf("PoliceListOf = %+v %d %v", again, len(items), err)
	}
	_, _, err = f.Svc.PoliceListOf(phone.Tag)
	apptest.WantRefusal(t, err, app.ErrNotFound, "found.not_to_police")
	// A second list in the same second gets its own ID.
	h2, err := f.Svc.HandToPolice(apptest.SupID, PoliceInput{Tags: []string{phone.Tag}, Officer: "李", Unit: "城关派出所"})
	if err != nil || h2.ID == h.ID {
		t.Fatalf("second list %q after %q, %v", h2.ID, h.ID, err)
	}
}

func TestHandToPoliceRefusals(t *testing.T) {
	many := make([]string, MaxPoliceItems+1)
	for i := range many {
		many[i] = fmt.Sprintf("LF260303-D1-%03d", i+1)
	}
	tests := []struct {
		name     string
		actor    string
		edit     func(in *PoliceInput, tag string)
		sentinel error
		code     string
	}{
		{"officer at the limit", apptest.SupID, func(in *PoliceInput, _ string) { in.Officer = strings.Repeat("警", MaxOfficerRunes) }, nil, ""},
		{"officer beyond", apptest.SupID, func(in *PoliceInput, _ string) { in.Officer = strings.Repeat("警", MaxOfficerRunes+1) }, app.ErrInvalid, "field.too_long"},
		{"unit at the limit", apptest.SupID, func(in *PoliceInput, _ string) { in.Unit = strings.Repeat("所", MaxUnitRunes) }, nil, ""},
		{"unit beyond", apptest.SupID, func(in *PoliceInput, _ string) { in.Unit = strings.Repeat("所", MaxUnitRunes+1) }, app.ErrInvalid, "field.too_long"},
		{"no officer", apptest.SupID, func(in *PoliceInput, _ string) { in.Officer = " " }, app.ErrInvalid, "field.required"},
		{"no unit", apptest.SupID, func(in *PoliceInput, _ string) { in.Unit = "" }, app.ErrInvalid, "field.required"},
		{"no items", apptest.SupID, func(in *PoliceInput, _ string) { in.Tags = nil }, app.ErrInvalid, "found.police_no_items"},
		{"too many items", apptest.SupID, func(in *PoliceInput, _ string) { in.Tags = many }, app.ErrInvalid, "found.police_too_many"},
		{"an item twice", apptest.SupID, func(in *PoliceInput, tag string) { in.Tags = []string{tag, tag} }, app.ErrInvalid, "found.police_twice"},
		{"unknown item", apptest.SupID, func(in *PoliceInput, _ string) { in.Tags = []string{"LF000000-D1-001"} }, app.ErrNotFound, ""},
		{"in the future", apptest.SupID, func(in *PoliceInput, _ string) { in.At = apptest.Start.Add(time.Hour) }, app.ErrInvalid, "found.police_at"},
		{"eight days back", apptest.SupID, func(in *PoliceInput, _ string) { in.At = apptest.Start.Add(-8 * 24 * time.Hour) }, app.ErrInvalid, "found.police_at"},
		{"six days back", apptest.SupID, func(in *PoliceInput, _ string) { in.At = apptest.Start.Add(-6 * 24 * time.Hour) }, nil, ""},
		{"unknown hander", apptest.SupID, func(in *PoliceInput, _ string) { in.HandedBy = "X9" }, app.ErrNotFound, ""},
		{"attendant", apptest.AttID, func(*PoliceInput, string) {}, app.ErrForbidden, "role.required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.SetupHotel()
			item := logFound(f, passport())
			in := PoliceInput{Tags: []string{item.Tag}, Officer: "张建国", Unit: "城关派出所"}
			tt.edit(&in, item.Tag)
			_, err := f.Svc.HandToPolice(tt.actor, in)
			if tt.sentinel == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			apptest.WantRefusal(t, err, tt.sentinel, tt.code)
			if got, _ := f.Svc.FoundItem(item.Tag); got.Status != FoundHeld {
				t.Fatalf("refused, yet the item is %s", got.Status)
			}
		})
	}
}

func TestHandToPoliceNeedsEveryItemHeld(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	doc, phone := logFound(f, passport()), logFound(f, wallet())
	f.Must(f.Svc.ClaimFound(apptest.AttID, ClaimInput{Tag: phone.Tag, Claimant: "Ms Chen", Contact: "138",
		IDType: "id_card", IDLast4: "1234", Description: "phone"}))
	_, err := f.Svc.HandToPolice(apptest.SupID, PoliceInput{Tags: []string{doc.Tag, phone.Tag}, Officer: "张", Unit: "所"})
	apptest.WantRefusal(t, err, app.ErrConflict, "found.claimed")
	if got, _ := f.Svc.FoundItem(doc.Tag); got.Status != FoundHeld {
		t.Fatalf("the list is all or nothing, yet %s is %s", doc.Tag, got.Status)
	}
}

func TestDisposalMethodsPerCategory(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	money, phone, coat := logFound(f, cash()), logFound(f, wallet()), logFound(f, wallet())
	f.Clock.Advance(91 * 24 * time.Hour)
	for _, m := range []string{"donate", "destroy", "finder"} {
		_, err := f.Svc.DisposeFound(apptest.SupID, money.Tag, m, "")
		apptest.WantRefusal(t, err, app.ErrInvalid, "found.method_not_allowed")
	}
	_, err := f.Svc.DisposeFound(apptest.SupID, money.Tag, "police", "")
	apptest.WantRefusal(t, err, app.ErrInvalid, "found.police_handover")
	if got, _ := f.Svc.DisposalMethodsFor(app.CatCash); len(got) != 0 {
		t.Fatalf("cash may go %v, want only to the police", got)
	}
	if got, _ := f.Svc.DisposalMethodsFor(app.CatElectronics); !slices.Equal(got, []string{"donate", "destroy", "finder"}) {
		t.Fatalf("electronics may go %v", got)
	}
	f.Must(f.Svc.DisposeFound(apptest.SupID, phone.Tag, "donate", ""))
	// The hotel allows electronics only to be destroyed or go to the police.
	hold := app.DefaultHoldingOf(app.CatElectronics)
	hold.Methods = []string{"destroy", "police"}
	f.Must(f.Core.ChangeSettings(apptest.SupID, app.HotelChange{Holding: map[app.Category]app.Holding{app.CatElectronics: hold}}))
	_, err = f.Svc.DisposeFound(apptest.SupID, coat.Tag, "donate", "")
	apptest.WantRefusal(t, err, app.ErrInvalid, "found.method_not_allowed")
	f.Must(f.Svc.DisposeFound(apptest.SupID, coat.Tag, "destroy", ""))
	_, err = f.Svc.DisposeFound(apptest.SupID, money.Tag, "donate", strings.Repeat("因", MaxReasonRunes+1))
	apptest.WantRefusal(t, err, app.ErrInvalid, "found.method_not_allowed")
}

func TestDisposalReasonLimit(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	a, b := logFound(f, wallet()), logFound(f, wallet())
	_, err := f.Svc.DisposeFound(apptest.SupID, a.Tag, "destroy", strings.Repeat("因", MaxReasonRunes+1))
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.too_long")
	f.Must(f.Svc.DisposeFound(apptest.SupID, b.Tag, "destroy", strings.Repeat("因", MaxReasonRunes)))
}

func TestPerishablesShortHold(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	food := wallet()
	food.Category, food.Description, food.FoundAt = app.CatPerishables, "fruit basket", apptest.Start
	item := logFound(f, food)
	if want := apptest.Start.Add(24 * time.Hour); !item.HoldUntil.Equal(want) {
		t.Fatalf("hold until %v, want %v", item.HoldUntil, want)
	}
	f.Clock.Advance(23 * time.Hour)
	if due, _ := f.Svc.DueForDisposal(); len(due) != 0 {
		t.Fatalf("due after 23 h: %d", len(due))
	}
	f.Clock.Advance(time.Hour)
	if due, _ := f.Svc.DueForDisposal(); len(due) != 1 || due[0].Tag != item.Tag {
		t.Fatalf("due after 24 h: %+v", due)
	}
	_, err := f.Svc.DisposeFound(apptest.SupID, item.Tag, "police", "")
	apptest.WantRefusal(t, err, app.ErrInvalid, "found.police_handover")
	got, err := f.Svc.DisposeFound(apptest.SupID, item.Tag, "destroy", "")
	if err != nil || got.Disposal.Method != "destroy" || got.Disposal.By != apptest.SupID ||
		!got.Disposal.At.Equal(apptest.Start.Add(24*time.Hour)) || got.Disposal.Early {
		t.Fatalf("disposal = %+v, %v", got.Disposal, err)
	}
	// The hotel keeps flowers and food six hours.
	six := app.Holding{Hours: 6, Methods: []string{"destroy"}}
	f.Must(f.Core.ChangeSettings(apptest.SupID, app.HotelChange{Holding: map[app.Category]app.Holding{app.CatPerishables: six}}))
	food.FoundAt = f.Clock.Now()
	if item := logFound(f, food); !item.HoldUntil.Equal(food.FoundAt.Add(6 * time.Hour)) {
		t.Fatalf("hold until %v after the hotel set 6 h", item.HoldUntil)
	}
}

func TestHoldingLimits(t *testing.T) {
	tests := []struct {
		name string
		hold app.Holding
		code string
	}{
		{"hours at the limit", app.Holding{Hours: app.MaxHoldingHours}, ""},
		{"hours beyond", app.Holding{Hours: app.MaxHoldingHours + 1}, "field.bad_number"},
		{"days at the limit", app.Holding{Days: app.MaxHoldingDays}, ""},
		{"days beyond", app.Holding{Days: app.MaxHoldingDays + 1}, "field.bad_number"},
		{"unknown method", app.Holding{Days: 1, Methods: []string{"sell"}}, "field.bad_value"},
		{"a method twice", app.Holding{Days: 1, Methods: []string{"destroy", "destroy"}}, "holding.method_twice"},
		{"no method", app.Holding{Days: 1, Methods: []string{}}, "holding.no_method"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			_, err := f.Core.ChangeSettings(apptest.SupID, app.HotelChange{Holding: map[app.Category]app.Holding{app.CatPerishables: tt.hold}})
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			apptest.WantRefusal(t, err, app.ErrInvalid, tt.code)
		})
	}
}

// A hotel set-up saved before perishables and disposal methods existed
// folds to the same view as before, and reads their defaults.
func TestOldHoldingSetUpFoldsAsBefore(t *testing.T) {
	f := newFixture(t)
	old := map[app.Category]app.Holding{app.CatDocuments: {Days: 30, Police: true}, app.CatClothing: {Days: 60}}
	f.Must(f.Core.ChangeSettings(apptest.SupID, app.HotelChange{Holding: old}))
	h, err := f.Core.Settings()
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(h.Holding)
	want := `{"cash":{"days":90},"clothing":{"days":60},"documents":{"days":30,"police":true},` +
		`"electronics":{"days":90},"other":{"days":90},"valuables":{"days":90}}`
	if string(got) != want {
		t.Fatalf("holding view\n got %s\nwant %s", got, want)
	}
	if p := h.HoldingOf(app.CatPerishables); p.Hours != 24 || p.Days != 0 || p.Allows("police") {
		t.Fatalf("perishables read %+v", p)
	}
	if c := h.HoldingOf(app.CatCash); c.Days != 90 || !slices.Equal(c.Methods, []string{"police"}) {
		t.Fatalf("cash read %+v", c)
	}
	if d := h.HoldingOf(app.CatDocuments); d.Days != 30 || !d.Police || !slices.Equal(d.Methods, []string{"police"}) {
		t.Fatalf("documents read %+v", d)
	}
}

func TestForPolice(t *testing.T) {
	f := newFixture(t)
	f.SetupHotel()
	doc := logFound(f, passport())
	money := logFound(f, cash())
	phone := logFound(f, wallet())
	if due, may, _ := f.Svc.ForPolice(); len(due) != 1 || due[0].Tag != doc.Tag || len(may) != 0 {
		t.Fatalf("at once: due %v may %v", tags(due), tags(may))
	}
	f.Clock.Advance(91 * 24 * time.Hour)
	recent := wallet()
	recent.FoundAt = f.Clock.Now()
	fresh := logFound(f, recent)
	due, may, _ := f.Svc.ForPolice()
	if !slices.Equal(tags(due), []string{doc.Tag, money.Tag}) || !slices.Equal(tags(may), []string{phone.Tag}) {
		t.Fatalf("past holding: due %v may %v (fresh %s)", tags(due), tags(may), fresh.Tag)
	}
}

func tags(items []FoundItem) []string {
	out := make([]string, len(items))
	for i, f := range items {
		out[i] = f.Tag
	}
	return out
}

func TestPoliceAndClaimAtTwoDesks(t *testing.T) {
	a, b := apptest.Pair(t, New)
	a.SetupHotel()
	item := logFound(a, passport())
	apptest.ExchangeDesks(t, a, b)
	a.Must(a.Svc.HandToPolice(apptest.SupID, PoliceInput{Tags: []string{item.Tag}, Officer: "张", Unit: "城关派出所"}))
	b.Must(b.Svc.ClaimFound(apptest.Att2ID, ClaimInput{Tag: item.Tag, Claimant: "Mr Sato", Contact: "138",
		IDType: "passport", IDLast4: "1234", Description: "passport"}))
	apptest.ExchangeDesks(t, a, b)
	ca, _ := a.Svc.Conflicts()
	if len(ca) != 1 || ca[0].Code != "found.claimed_and_disposed" {
		t.Fatalf("conflicts %+v", ca)
	}
	apptest.SameView(t, a.Store, b.Store, app.Ref(KindFound, item.Tag))
}
