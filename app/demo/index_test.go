package demo

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/attendance"
	"floordesk/app/found"
	"floordesk/app/loans"
	"floordesk/app/messages"
	"floordesk/app/requests"
	"floordesk/data"
	"floordesk/data/wire"
)

// TestStatusIndexAgreesWithTheViews lists every status of the kinds filed
// by status, from the index (ScanViews) and from a byte search of every
// view, on a demo hotel: the same entities in the same order.
func TestStatusIndexAgreesWithTheViews(t *testing.T) {
	f := demoFixture(t, 5, 3000)
	checked := 0
	for kind, statuses := range map[string][]string{
		requests.KindRequest: {"open", "dispatched", "resolved", "confirmed", "cancelled"},
		loans.KindLoan:       {"open", "returned"},
		found.KindFound:      {"held", "claimed", "disposed"},
		messages.KindMessage: {"waiting", "delivered", "cancelled", "expired"},
	} {
		filed := 0
		_ = f.Store.Indexed("status/"+kind, func([]byte, wire.EntityRef, []byte) error { filed++; return nil })
		if filed == 0 {
			t.Errorf("no %s is filed by status: ScanViews reads every view", kind)
		}
		for _, st := range statuses {
			keep := func(*json.RawMessage) bool { return true }
			indexed, err := app.ScanViews(f.Core, kind, []string{st}, keep)
			if err != nil {
				t.Fatal(err)
			}
			scanned, err := byteScan(f.Store, kind, []string{st})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(indexed, scanned, func(a, b json.RawMessage) bool { return string(a) == string(b) }) {
				t.Errorf("%s %s: index %d, views %d", kind, st, len(indexed), len(scanned))
			}
			checked += len(indexed)
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d entities checked", checked)
	}
}

// TestOpenedIndexAgreesWithTheViews: the requests opened on a local day,
// from the opened-date index, are those whose views say they were opened
// that day, for every day of a demo hotel, in a zone ahead of UTC (a day
// spans two UTC dates).
func TestOpenedIndexAgreesWithTheViews(t *testing.T) {
	f := demoFixture(t, 5, 3000)
	zone := time.FixedZone("CST", 8*3600)
	reqs := requests.New(f.Core)
	total := 0
	for day := apptest.Start.AddDate(0, 0, -61).In(zone); !day.After(apptest.Start); day = day.AddDate(0, 0, 1) {
		rows, err := reqs.Rows(requests.RowQuery{Now: apptest.Start, OpenedOn: day})
		if err != nil {
			t.Fatal(err)
		}
		var got, want []string
		for _, r := range rows {
			got = append(got, r.ID)
		}
		y, m, d := day.Date()
		start := time.Date(y, m, d, 0, 0, 0, 0, zone)
		all, _ := app.ListViews[requests.Request](f.Core, requests.KindRequest, func(r *requests.Request) bool {
			return !r.OpenedAt.Before(start) && r.OpenedAt.Before(start.AddDate(0, 0, 1))
		})
		for _, r := range all {
			want = append(want, r.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("%s: index %d requests, views %d", day.Format(time.DateOnly), len(got), len(want))
		}
		total += len(got)
	}
	if total < 500 {
		t.Fatalf("only %d requests checked", total)
	}
}

// TestOpenReportsIndexAgreesWithTheViews: the open loss reports read from
// their index are the reports whose views are not closed, in the same
// order (oldest filed first).
func TestOpenReportsIndexAgreesWithTheViews(t *testing.T) {
	f := demoFixture(t, 5, 3000)
	indexed, err := f.Svc.OpenLostReports()
	if err != nil {
		t.Fatal(err)
	}
	all, err := app.ListViews(f.Core, found.KindLostReport, func(r *found.LostReport) bool { return !r.Closed })
	if err != nil {
		t.Fatal(err)
	}
	app.SortBy(all, func(r found.LostReport) time.Time { return r.FiledAt })
	if got, want := reportIDs(indexed), reportIDs(all); !slices.Equal(got, want) || len(got) < 5 {
		t.Fatalf("index %d reports, views %d (want at least 5)", len(got), len(want))
	}
}

// TestOutIndexAgreesWithTheLoans: the stock out at each desk, counted
// from the loans' out index, is what the open loans' views have out.
func TestOutIndexAgreesWithTheLoans(t *testing.T) {
	f := demoFixture(t, 5, 3000)
	open, err := app.ScanViews(f.Core, loans.KindLoan, []string{"open"}, func(*loans.Loan) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for _, l := range open {
		for _, ln := range l.Lines {
			if n := ln.Outstanding(); n > 0 {
				want[l.Desk+" "+ln.Item] += n
			}
		}
	}
	rows, err := f.Svc.Stock("")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, r := range rows {
		if r.Out > 0 {
			got[r.Desk+" "+r.Item] = r.Out
		}
	}
	if !maps.Equal(got, want) || len(want) < 5 {
		t.Fatalf("out from the index %v\nfrom the loans %v", got, want)
	}
}

func reportIDs(rs []found.LostReport) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// byteScan is how open lists were read before the status index: every view
// of kind searched for `"status":"<st>"`, in ID order.
func byteScan(st *data.Store, kind string, statuses []string) ([]json.RawMessage, error) {
	var out []json.RawMessage
	err := st.Views(kind, func(_ string, v []byte) error {
		for _, s := range statuses {
			if bytes.Contains(v, []byte(`"status":"`+s+`"`)) {
				out = append(out, json.RawMessage(v))
				return nil
			}
		}
		return nil
	})
	return out, err
}

// TestBulkDemoIndexesNeedNoRebuild makes a demo hotel as the demo command
// does (a store opened with Bulk, closed, opened again as a desk's) and
// rebuilds every index from the views: nothing moves.
func TestBulkDemoIndexesNeedNoRebuild(t *testing.T) {
	opts := data.Options{Dir: t.TempDir(), Desk: "desk-a", Fold: app.Fold, FoldMany: app.FoldMany, Index: app.Index,
		IndexVersion: app.IndexVersion, GCInterval: -1, Bulk: true}
	st, err := data.Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	svc := app.New(st, func() time.Time { return apptest.Start })
	svc.PINCost = app.TestPINCost
	if err := Demo(svc, DemoOptions{Seed: 5, Size: 3000}); err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(st.Sync(), st.Close()); err != nil {
		t.Fatal(err)
	}
	opts.Bulk = false
	if st, err = data.Open(opts); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	names := []string{app.IndexConflicts, "requests/opened", "attendance.in"}
	for _, kind := range []string{requests.KindRequest, loans.KindLoan, found.KindFound, messages.KindMessage, attendance.KindAttendance} {
		names = append(names, "status/"+kind)
	}
	before := indexEntries(t, st, names)
	if len(before) < 3000 {
		t.Fatalf("only %d index entries", len(before))
	}
	if err := st.RebuildIndexes(); err != nil {
		t.Fatal(err)
	}
	if after := indexEntries(t, st, names); !slices.Equal(before, after) {
		t.Fatalf("a rebuild moved the indexes: %d entries before, %d after", len(before), len(after))
	}
}

// indexEntries lists the entries of the named indexes, with a digest of
// each entity's view.
func indexEntries(t *testing.T, st *data.Store, names []string) []string {
	t.Helper()
	var out []string
	for _, name := range names {
		err := st.Indexed(name, func(key []byte, ref wire.EntityRef, view []byte) error {
			out = append(out, fmt.Sprintf("%s %x %s %x", name, key, ref, sha256.Sum256(view)))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}
