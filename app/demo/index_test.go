package demo

import (
	"encoding/json"
	"slices"
	"testing"

	"floordesk/app"
	"floordesk/app/found"
	"floordesk/app/loans"
	"floordesk/app/requests"
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
			scanned, err := app.ScanMarked(f.Core, kind, [][]byte{[]byte(`"status":"` + st + `"`)}, keep)
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
