package personal_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/loans"
	"floordesk/app/personal"
)

// TestLoanGuestPurged: a loan's guest name is sealed, stays while the loan
// is out however long, and is removed once the loan has been returned for
// the retention period; the room stays, and the handover lists the loan
// without the name.
func TestLoanGuestPurged(t *testing.T) {
	d := apptest.New(t, loans.New)
	d.SetupHotel()
	d.Must(d.Svc.SetItemType(apptest.SupID, app.ItemTypeInput{Code: "hair_dryer", Name: "hair dryer", Stock: map[string]int{"D1": 2}}))
	open, err := d.Svc.Lend(apptest.AttID, loans.LendInput{Room: "301", Guest: guestName, Lines: []loans.LoanLine{{Item: "hair_dryer", Count: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	back, err := d.Svc.Lend(apptest.AttID, loans.LendInput{Room: "302", Guest: guestName, Lines: []loans.LoanLine{{Item: "hair_dryer", Count: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if back.Guest != guestName {
		t.Fatalf("the loan reads its guest as %q", back.Guest)
	}
	d.Must(d.Svc.ReturnAll(apptest.AttID, back.ID))
	if rows := handoverRows(t, d.Core, "loans", d.Clock.Now().Add(30*24*time.Hour)); !bytes.Contains(rows, []byte("301")) ||
		bytes.Contains(rows, []byte(guestName)) {
		t.Fatalf("the handover's loans: %s", rows)
	}

	d.Clock.Advance(91 * 24 * time.Hour)
	if n, err := personal.Housekeep(d.Core, d.Clock.Now()); err != nil || n != 1 {
		t.Fatalf("housekeeping purged %d loans (%v), want the returned one", n, err)
	}
	if l, _ := d.Svc.Loan(back.ID); l.Guest != "" || l.Room != "302" || l.Personal.Removed == nil {
		t.Fatalf("the returned loan after the retention: %q in %s, removed %+v", l.Guest, l.Room, l.Personal.Removed)
	}
	if l, _ := d.Svc.Loan(open.ID); l.Guest != guestName {
		t.Fatalf("the loan still out lost its guest: %q", l.Guest)
	}
}

// handoverRows is module name's rows in a handover at now, as JSON.
func handoverRows(t *testing.T, s *app.Service, name string, now time.Time) []byte {
	t.Helper()
	for _, m := range app.Modules() {
		if m.Name == name {
			rows, err := m.Handover(s, s.Desk(), now)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(rows)
			return b
		}
	}
	t.Fatalf("no module %s", name)
	return nil
}
