package loans

import (
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
)

// setupLoans imports rooms, adds desks D1 and D2 and four item types:
// hair dryers (D1: 2, D2: 5), an iron (D1: 1), two tagged adapters at D1
// and an umbrella at D1.
func setupLoans(f *fixture) {
	f.T.Helper()
	importRooms(f)
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

func lend(f *fixture, room string, lines ...LoanLine) Loan {
	f.T.Helper()
	l, err := f.Svc.Lend(apptest.AttID, LendInput{Room: room, Guest: "王芳", Lines: lines})
	if err != nil {
		f.T.Fatalf("lend: %v", err)
	}
	return l
}

func TestLend(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	l := lend(f, "0801", LoanLine{Item: "hair_dryer", Count: 1}, LoanLine{Item: "adapter", Tags: []string{"AD-02"}}, LoanLine{Item: "hair_dryer", Count: 1})
	if l.Status != LoanStatusOpen || l.Desk != "D1" || len(l.Lines) != 2 || l.Lines[0].Count != 2 || l.Lines[1].Count != 1 {
		t.Fatalf("loan = %+v", l)
	}
	wantDue := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
	if !l.DueAt.Equal(wantDue) {
		t.Fatalf("due = %v, want next day noon %v", l.DueAt, wantDue)
	}
	dep := apptest.Start.Add(30 * time.Hour)
	l2, err := f.Svc.Lend(apptest.AttID, LendInput{Room: "0802", Lines: []LoanLine{{Item: "iron", Count: 1}}, Departure: dep, Deposit: 10000})
	if err != nil || !l2.DueAt.Equal(dep) || l2.Deposit != 10000 {
		t.Fatalf("lend until departure: %+v, %v", l2, err)
	}
	stock, _ := f.Svc.Stock("D1")
	want := map[string]int{"adapter": 1, "hair_dryer": 0, "iron": 0, "umbrella": 1}
	for _, r := range stock {
		if r.Left != want[r.Item] {
			t.Errorf("%s left = %d, want %d", r.Item, r.Left, want[r.Item])
		}
	}
	low, _ := f.Svc.LowStock()
	if len(low) != 2 {
		t.Errorf("low stock = %+v, want hair dryer and iron at D1", low)
	}
}

func TestLendRefusals(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	lend(f, "0801", LoanLine{Item: "hair_dryer", Count: 1}, LoanLine{Item: "adapter", Tags: []string{"AD-01"}})
	tests := []struct {
		name     string
		in       LendInput
		sentinel error
		code     string
		params   map[string]string
	}{
		{"short, another desk has some", LendInput{Room: "0802", Lines: []LoanLine{{Item: "hair_dryer", Count: 2}}},
			app.ErrConflict, "loan.short", map[string]string{"left": "1", "other": "D2", "other_left": "5"}},
		{"short everywhere", LendInput{Room: "0802", Lines: []LoanLine{{Item: "umbrella", Count: 2}}},
			app.ErrConflict, "loan.short_nowhere", map[string]string{"left": "1"}},
		{"tag already out", LendInput{Room: "0802", Lines: []LoanLine{{Item: "adapter", Tags: []string{"AD-01"}}}},
			app.ErrConflict, "loan.tag_out", map[string]string{"room": "0801"}},
		{"tag unknown", LendInput{Room: "0802", Lines: []LoanLine{{Item: "adapter", Tags: []string{"AD-99"}}}},
			app.ErrInvalid, "loan.tag_unknown", nil},
		{"tag twice", LendInput{Room: "0802", Lines: []LoanLine{{Item: "adapter", Tags: []string{"AD-02", "AD-02"}}}},
			app.ErrInvalid, "loan.tag_twice", nil},
		{"unknown item", LendInput{Room: "0802", Lines: []LoanLine{{Item: "jetpack", Count: 1}}},
			app.ErrInvalid, "itemtype.unknown", nil},
		{"no items", LendInput{Room: "0802"}, app.ErrInvalid, "field.required", nil},
		{"count zero", LendInput{Room: "0802", Lines: []LoanLine{{Item: "iron"}}}, app.ErrInvalid, "field.bad_number", nil},
		{"room not on list", LendInput{Room: "4404", Lines: []LoanLine{{Item: "iron", Count: 1}}}, app.ErrInvalid, "room.unknown", nil},
		{"due in the past", LendInput{Room: "0802", Lines: []LoanLine{{Item: "iron", Count: 1}}, DueAt: apptest.Start.Add(-time.Hour)},
			app.ErrInvalid, "field.bad_time", nil},
		{"negative deposit", LendInput{Room: "0802", Lines: []LoanLine{{Item: "iron", Count: 1}}, Deposit: -1},
			app.ErrInvalid, "loan.amount_negative", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.Svc.Lend(apptest.AttID, tt.in)
			apptest.WantRefusal(t, err, tt.sentinel, tt.code)
			for k, v := range tt.params {
				if got := app.RefusalOf(err).Params[k]; got != v {
					t.Errorf("param %s = %q, want %q", k, got, v)
				}
			}
		})
	}
	_, err := f.Svc.Lend(apptest.AttID, LendInput{Room: "0802", Lines: []LoanLine{{Item: "hair_dryer", Count: 2}}})
	if want := "Only 1 hair dryer left at this desk; desk D2 has 5 — lend fewer or fetch one from there."; err.Error() != want {
		t.Errorf("message = %q", err.Error())
	}
	_, err = f.Svc.Lend("X999", LendInput{Room: "0802", Lines: []LoanLine{{Item: "iron", Count: 1}}})
	apptest.WantRefusal(t, err, app.ErrForbidden, "staff.unknown")
}

func TestReturnLoan(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	l := lend(f, "0801", LoanLine{Item: "hair_dryer", Count: 2}, LoanLine{Item: "adapter", Tags: []string{"AD-01", "AD-02"}})
	f.Clock.Advance(2 * time.Hour)
	l, err := f.Svc.ReturnLoan(apptest.Att2ID, l.ID, []ReturnLine{{Item: "hair_dryer", Count: 1}, {Item: "adapter", Tags: []string{"AD-02"}, Condition: ConditionDamaged, Charge: 5000, Note: "bent pin"}})
	if err != nil || l.Status != LoanStatusOpen || l.Outstanding("hair_dryer") != 1 || l.Outstanding("adapter") != 1 || l.Charges != 5000 {
		t.Fatalf("partial return: %+v, %v", l, err)
	}
	if stock, _ := f.Svc.Stock("D1"); stock[1].Item != "hair_dryer" || stock[1].Left != 1 {
		t.Fatalf("stock after partial return = %+v", stock)
	}
	l, err = f.Svc.ReturnAll(apptest.AttID, l.ID)
	if err != nil || l.Status != LoanStatusReturned || !l.ClosedAt.Equal(apptest.Start.Add(2*time.Hour)) || len(l.Returns) != 2 {
		t.Fatalf("full return: %+v, %v", l, err)
	}
	if l.Lines[1].Damaged != 1 || l.Lines[1].Back != 1 || len(l.Lines[1].TagsDone) != 2 {
		t.Fatalf("adapter line = %+v", l.Lines[1])
	}
}

func TestReturnLoanRefusals(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	l := lend(f, "0801", LoanLine{Item: "hair_dryer", Count: 1}, LoanLine{Item: "adapter", Tags: []string{"AD-01"}})
	done := lend(f, "0802", LoanLine{Item: "iron", Count: 1})
	f.Must(f.Svc.ReturnAll(apptest.AttID, done.ID))
	tests := []struct {
		name     string
		id       string
		lines    []ReturnLine
		sentinel error
		code     string
	}{
		{"already returned", done.ID, []ReturnLine{{Item: "iron", Count: 1}}, app.ErrConflict, "loan.not_open"},
		{"more than out", l.ID, []ReturnLine{{Item: "hair_dryer", Count: 1}, {Item: "hair_dryer", Count: 1}}, app.ErrConflict, "loan.return_too_many"},
		{"not on loan", l.ID, []ReturnLine{{Item: "iron", Count: 1}}, app.ErrInvalid, "loan.item_not_on_loan"},
		{"bad condition", l.ID, []ReturnLine{{Item: "hair_dryer", Count: 1, Condition: "wet"}}, app.ErrInvalid, "field.bad_value"},
		{"negative charge", l.ID, []ReturnLine{{Item: "hair_dryer", Count: 1, Charge: -1}}, app.ErrInvalid, "loan.amount_negative"},
		{"tag not out", l.ID, []ReturnLine{{Item: "adapter", Tags: []string{"AD-02"}}}, app.ErrInvalid, "loan.tag_not_out"},
		{"nothing", l.ID, nil, app.ErrInvalid, "field.required"},
		{"unknown loan", "nope", []ReturnLine{{Item: "iron", Count: 1}}, app.ErrNotFound, "loan.not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.Svc.ReturnLoan(apptest.AttID, tt.id, tt.lines)
			apptest.WantRefusal(t, err, tt.sentinel, tt.code)
		})
	}
}

func TestExtendAndOverdue(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	a := lend(f, "0801", LoanLine{Item: "iron", Count: 1})
	b := lend(f, "0802", LoanLine{Item: "umbrella", Count: 1})
	f.Clock.Set(time.Date(2026, 3, 4, 13, 0, 0, 0, time.UTC)) // past both noon due times
	over, _ := f.Svc.OverdueLoans("D1")
	if len(over) != 2 {
		t.Fatalf("overdue = %+v", over)
	}
	newDue := time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC)
	a, err := f.Svc.ExtendLoan(apptest.AttID, a.ID, newDue, "guest stays another night")
	if err != nil || !a.DueAt.Equal(newDue) || len(a.Extensions) != 1 {
		t.Fatalf("extend: %+v, %v", a, err)
	}
	over, _ = f.Svc.OverdueLoans("")
	if len(over) != 1 || over[0].ID != b.ID {
		t.Fatalf("overdue after extension = %+v", over)
	}
	_, err = f.Svc.ExtendLoan(apptest.AttID, a.ID, apptest.Start, "")
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.bad_time")
	f.Must(f.Svc.ReturnAll(apptest.AttID, b.ID))
	_, err = f.Svc.ExtendLoan(apptest.AttID, b.ID, newDue, "")
	apptest.WantRefusal(t, err, app.ErrConflict, "loan.not_open")
}

func TestLoansForLeavingGuest(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	lend(f, "1203", LoanLine{Item: "hair_dryer", Count: 1})
	back := lend(f, "1203", LoanLine{Item: "iron", Count: 1})
	lend(f, "0801", LoanLine{Item: "umbrella", Count: 1})
	f.Must(f.Svc.ReturnAll(apptest.AttID, back.ID))
	open, _ := f.Svc.OpenLoansForRoom("1203")
	if len(open) != 1 || open[0].Lines[0].Item != "hair_dryer" {
		t.Fatalf("open loans for 1203 = %+v", open)
	}
	all, _ := f.Svc.LoansForRoom("1203")
	if len(all) != 2 {
		t.Fatalf("all loans for 1203 = %d", len(all))
	}
	leaving, err := f.Svc.OpenLoansForRooms([]string{"0801", "1203", "0801"})
	if err != nil || len(leaving) != 2 {
		t.Fatalf("open loans for 0801 and 1203 = %+v, %v", leaving, err)
	}
}

func TestFrequentLoans(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	for range 3 {
		l := lend(f, "0801", LoanLine{Item: "hair_dryer", Count: 1})
		f.Must(f.Svc.ReturnAll(apptest.AttID, l.ID))
	}
	lend(f, "0802", LoanLine{Item: "iron", Count: 1})
	rep, err := f.Svc.FrequentLoans(apptest.Start, apptest.Start.Add(24*time.Hour))
	if err != nil || len(rep) != 2 {
		t.Fatalf("report = %+v, %v", rep, err)
	}
	if rep[0].Item != "hair_dryer" || rep[0].Loans != 3 || rep[0].Rooms != 1 || !rep[0].Suggest || rep[1].Suggest {
		t.Fatalf("report = %+v", rep)
	}
}
