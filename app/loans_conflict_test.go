package app

import (
	"bytes"
	"testing"
	"time"

	"floordesk/data/wire"
)

// Conflict scenarios: two desks that worked offline exchange their events
// (as the server would) and must show the same state and the same conflict.

// newLoanPair opens desks D1 and D2 with the set-up of setupLoans on both.
func newLoanPair(t *testing.T) (*fixture, *fixture) {
	t.Helper()
	a, b := newPair(t)
	setupLoans(a)
	exchange(t, a, b)
	return a, b
}

// sameView checks both desks fold an entity to the same bytes.
func sameView(t *testing.T, a, b *fixture, r wire.EntityRef) {
	t.Helper()
	va, err1 := a.store.View(r)
	vb, err2 := b.store.View(r)
	if err1 != nil || err2 != nil || !bytes.Equal(va, vb) {
		t.Fatalf("views of %s differ:\n%s\n%s\n(%v, %v)", r, va, vb, err1, err2)
	}
}

func TestLoanReturnedTwiceOffline(t *testing.T) {
	a, b := newLoanPair(t)
	l := lend(a, "0801", LoanLine{Item: "hair_dryer", Count: 2})
	exchange(t, a, b)
	a.clock.Advance(time.Hour)
	b.clock.Advance(time.Hour + time.Minute)
	a.must(a.svc.ReturnLoan(attID, l.ID, []ReturnLine{{Item: "hair_dryer", Count: 2, Condition: ConditionDamaged, Charge: 5000}}))
	b.must(b.svc.ReturnLoan(att2ID, l.ID, []ReturnLine{{Item: "hair_dryer", Count: 2, Condition: ConditionLost, Charge: 30000}}))
	exchange(t, a, b)
	sameView(t, a, b, Ref(KindLoan, l.ID))
	for name, d := range map[string]*fixture{"D1": a, "D2": b} {
		got, _ := d.svc.Loan(l.ID)
		if len(got.Conflicts) != 1 || got.Conflicts[0].Code != "loan.returned_twice" || len(got.Returns) != 2 {
			t.Fatalf("%s: conflicts = %+v, returns = %d", name, got.Conflicts, len(got.Returns))
		}
		// D1's return folds first (earlier clock); D2's is kept but neither
		// counted nor charged until a supervisor sorts it out.
		if got.Status != LoanStatusReturned || got.Lines[0].Damaged != 2 || got.Lines[0].Lost != 0 || got.Charges != 5000 {
			t.Fatalf("%s: loan = %+v", name, got)
		}
		list, _ := d.svc.LoansInConflict()
		if len(list) != 1 {
			t.Fatalf("%s: loans in conflict = %d", name, len(list))
		}
	}
	got, _ := a.svc.Loan(l.ID)
	msg := Message(got.Conflicts[0].Code, got.Conflicts[0].Params)
	if want := "The loan to room 0801 was returned at two desks: 2 hair_dryer came back but only 0 were still out — count the items, then resolve the conflict."; msg != want {
		t.Errorf("message = %q", msg)
	}
	err := b.svc.ResolveConflict(attID, KindLoan, l.ID, got.Conflicts[0].ID, "one return, entered twice")
	wantRefusal(t, err, ErrForbidden, "role.required")
	a.must(nil, a.svc.ResolveConflict(supID, KindLoan, l.ID, got.Conflicts[0].ID, "one return, entered twice"))
	exchange(t, a, b)
	sameView(t, a, b, Ref(KindLoan, l.ID))
	if left, _ := b.svc.LoansInConflict(); len(left) != 0 {
		t.Fatalf("still in conflict at D2: %+v", left)
	}
}

func TestPartialReturnsAtTwoDesksCommute(t *testing.T) {
	a, b := newLoanPair(t)
	l := lend(a, "0801", LoanLine{Item: "hair_dryer", Count: 1}, LoanLine{Item: "iron", Count: 1})
	exchange(t, a, b)
	a.must(a.svc.ReturnLoan(attID, l.ID, []ReturnLine{{Item: "hair_dryer", Count: 1}}))
	b.must(b.svc.ReturnLoan(att2ID, l.ID, []ReturnLine{{Item: "iron", Count: 1, Condition: ConditionDamaged, Charge: 8000}}))
	exchange(t, a, b)
	sameView(t, a, b, Ref(KindLoan, l.ID))
	got, _ := b.svc.Loan(l.ID)
	if got.HasConflict() || got.Status != LoanStatusReturned || got.Charges != 8000 {
		t.Fatalf("loan = %+v", got)
	}
}

func TestExtensionsAtTwoDesksCommute(t *testing.T) {
	a, b := newLoanPair(t)
	l := lend(a, "0801", LoanLine{Item: "iron", Count: 1})
	exchange(t, a, b)
	later := l.DueAt.Add(24 * time.Hour)
	a.must(a.svc.ExtendLoan(attID, l.ID, later, "stays on"))
	b.must(b.svc.ExtendLoan(att2ID, l.ID, l.DueAt.Add(2*time.Hour), "late check-out"))
	exchange(t, a, b)
	sameView(t, a, b, Ref(KindLoan, l.ID))
	got, _ := a.svc.Loan(l.ID)
	if got.HasConflict() || !got.DueAt.Equal(later) || len(got.Extensions) != 2 {
		t.Fatalf("loan = %+v", got)
	}
}
