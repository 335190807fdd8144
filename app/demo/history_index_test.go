package demo

import (
	"slices"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/keys"
	"floordesk/app/loans"
	"floordesk/app/requests"
)

// TestHistoryQueriesAgreeWithTheViews: the queries that read a slice of
// the history from an index (a room's loans and requests, a period's
// loans, door openings and request times) answer what a scan of every
// view answers, on a demo hotel.
func TestHistoryQueriesAgreeWithTheViews(t *testing.T) {
	f := demoFixture(t, 11, 3000)
	ls, rq, ks := loans.New(f.Core), requests.New(f.Core), keys.New(f.Core)
	allLoans, _ := app.ListViews[loans.Loan](f.Core, loans.KindLoan, nil)
	allReqs, _ := app.ListViews[requests.Request](f.Core, requests.KindRequest, nil)
	allDoors, _ := app.ListViews[keys.DoorOpening](f.Core, keys.KindDoor, nil)
	if len(allLoans) < 100 || len(allReqs) < 100 || len(allDoors) < 10 {
		t.Fatalf("demo too small: %d loans, %d requests, %d door openings", len(allLoans), len(allReqs), len(allDoors))
	}

	rooms := map[string]bool{}
	for _, l := range allLoans {
		rooms[l.Room] = true
	}
	for _, r := range allReqs {
		rooms[r.Room] = true
	}
	for room := range rooms {
		got, err := ls.LoansForRoom(room)
		want := filter(allLoans, func(l loans.Loan) bool { return l.Room == room })
		if err != nil || !sameIDs(got, want, func(l loans.Loan) string { return l.ID }) {
			t.Fatalf("room %s: %d loans from the index, %d in the views (%v)", room, len(got), len(want), err)
		}
		rows, err := rq.RequestsForRoom(room)
		wantReqs := filter(allReqs, func(r requests.Request) bool { return r.Room == room })
		if err != nil || len(rows) != len(wantReqs) {
			t.Fatalf("room %s: %d requests from the index, %d in the views (%v)", room, len(rows), len(wantReqs), err)
		}
	}

	zone := time.FixedZone("CST", 8*3600)
	for _, days := range []int{1, 7, 30, 90} {
		to := apptest.Start.In(zone)
		from := to.AddDate(0, 0, -days)
		in := func(t time.Time) bool { return !t.Before(from) && t.Before(to) }
		doors, err := ks.DoorOpenings(from, to, "")
		if want := filter(allDoors, func(d keys.DoorOpening) bool { return in(d.At) }); err != nil ||
			!sameIDs(doors, want, func(d keys.DoorOpening) string { return d.ID }) {
			t.Errorf("%d days: %d door openings from the index, %d in the views", days, len(doors), len(want))
		}
		lent, err := app.TimeViews[loans.Loan](f.Core, "loans.opened", from, to, func(l *loans.Loan) bool { return in(l.OpenedAt) })
		if want := filter(allLoans, func(l loans.Loan) bool { return in(l.OpenedAt) }); err != nil ||
			!sameIDs(lent, want, func(l loans.Loan) string { return l.ID }) {
			t.Errorf("%d days: %d loans opened from the index, %d in the views", days, len(lent), len(want))
		}
		times, err := rq.RequestTimesBetween(from, to, "")
		if want := filter(allReqs, func(r requests.Request) bool { return in(r.OpenedAt) }); err != nil || times.Opened != len(want) {
			t.Errorf("%d days: %d requests opened from the index, %d in the views", days, times.Opened, len(want))
		}
	}
}

func filter[T any](all []T, keep func(T) bool) []T {
	var out []T
	for _, v := range all {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

// sameIDs: the same entities, in any order.
func sameIDs[T any](a, b []T, id func(T) string) bool {
	ia, ib := make([]string, len(a)), make([]string, len(b))
	for i := range a {
		ia[i] = id(a[i])
	}
	for i := range b {
		ib[i] = id(b[i])
	}
	slices.Sort(ia)
	slices.Sort(ib)
	return slices.Equal(ia, ib)
}
