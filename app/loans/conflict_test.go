package loans

import (
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
)

// Conflict scenarios: two desks that worked offline exchange their events
// (as the server would) and must show the same state and the same conflict.

// newLoanPair opens desks D1 and D2 with the set-up of setupLoans on both.
func newLoanPair(t *testing.T) (*fixture, *fixture) {
	t.Helper()
	a, b := apptest.Pair(t, New)
	setupLoans(a)
	apptest.ExchangeDesks(t, a, b)
	return a, b
}

// sameView checks both desks fold an entity to the same bytes.
func TestLoanReturnedTwiceOffline(t *testing.T) {
	a, b := newLoanPair(t)
	l := lend(a, "0801", LoanLine{Item: "hair_dryer", Count: 2})
	apptest.ExchangeDesks(t, a, b)
	a.Clock.Advance(time.Hour)
	b.Clock.Advance(time.Hour + time.Minute)
	a.Must(a.Svc.ReturnLoan(apptest.AttID, l.ID, []ReturnLine{{Item: "hair_dryer", Count: 2, Condition: ConditionDamaged, Charge: 5000}}))
	b.Must(b.Svc.ReturnLoan(apptest.Att2ID, l.ID, []ReturnLine{{Item: "hair_dryer", Count: 2, Condition: ConditionLost, Charge: 30000}}))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(KindLoan, l.ID))
	for name, d := range map[string]*fixture{"D1": a, "D2": b} {
		got, _ := d.Svc.Loan(l.ID)
		if len(got.Conflicts) != 1 || got.Conflicts[0].Code != "loan.returned_twice" || len(got.Returns) != 2 {
			t.Fatalf("%s: conflicts = %+v, returns = %d", name, got.Conflicts, len(got.Returns))
		}
		// D1's return folds first (earlier clock); D2's is kept but neither
		// counted nor charged until a supervisor sorts it out.
		if got.Status != LoanStatusReturned || got.Lines[0].Damaged != 2 || got.Lines[0].Lost != 0 || got.Charges != 5000 {
			t.Fatalf("%s: loan = %+v", name, got)
		}
		list, _ := d.Svc.LoansInConflict()
		if len(list) != 1 {
			t.Fatalf("%s: loans in conflict = %d", name, len(list))
		}
	}
	got, _ := a.Svc.Loan(l.ID)
	msg := app.Message(got.Conflicts[0].Code, got.Conflicts[0].Params)
	if want := "The loan to room 0801 was returned at two desks: 2 hair_dryer came back but only 0 were still out — count the items, then resolve the conflict."; msg != want {
		t.Errorf("message = %q", msg)
	}
	err := b.Svc.ResolveConflict(apptest.AttID, KindLoan, l.ID, got.Conflicts[0].ID, "one return, entered twice")
	apptest.WantRefusal(t, err, app.ErrForbidden, "role.required")
	a.Must(nil, a.Svc.ResolveConflict(apptest.SupID, KindLoan, l.ID, got.Conflicts[0].ID, "one return, entered twice"))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(KindLoan, l.ID))
	if left, _ := b.Svc.LoansInConflict(); len(left) != 0 {
		t.Fatalf("still in conflict at D2: %+v", left)
	}
}

func TestPartialReturnsAtTwoDesksCommute(t *testing.T) {
	a, b := newLoanPair(t)
	l := lend(a, "0801", LoanLine{Item: "hair_dryer", Count: 1}, LoanLine{Item: "iron", Count: 1})
	apptest.ExchangeDesks(t, a, b)
	a.Must(a.Svc.ReturnLoan(apptest.AttID, l.ID, []ReturnLine{{Item: "hair_dryer", Count: 1}}))
	b.Must(b.Svc.ReturnLoan(apptest.Att2ID, l.ID, []ReturnLine{{Item: "iron", Count: 1, Condition: ConditionDamaged, Charge: 8000}}))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(KindLoan, l.ID))
	got, _ := b.Svc.Loan(l.ID)
	if got.HasConflict() || got.Status != LoanStatusReturned || got.Charges != 8000 {
		t.Fatalf("loan = %+v", got)
	}
}

func TestExtensionsAtTwoDesksCommute(t *testing.T) {
	a, b := newLoanPair(t)
	l := lend(a, "0801", LoanLine{Item: "iron", Count: 1})
	apptest.ExchangeDesks(t, a, b)
	later := l.DueAt.Add(24 * time.Hour)
	a.Must(a.Svc.ExtendLoan(apptest.AttID, l.ID, later, "stays on"))
	b.Must(b.Svc.ExtendLoan(apptest.Att2ID, l.ID, l.DueAt.Add(2*time.Hour), "late check-out"))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(KindLoan, l.ID))
	got, _ := a.Svc.Loan(l.ID)
	if got.HasConflict() || !got.DueAt.Equal(later) || len(got.Extensions) != 2 {
		t.Fatalf("loan = %+v", got)
	}
}
