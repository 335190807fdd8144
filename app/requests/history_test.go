package requests

import (
	"testing"
	"time"

	"floordesk/app/apptest"
)

// TestRowsOfTheLastDaysIncludeClosedOnes: a desk browsing its last 30 days
// finds the requests opened in them whatever became of them (a cancelled
// one too), and not one opened before; a one-day query reads today's.
func TestRowsOfTheLastDaysIncludeClosedOnes(t *testing.T) {
	f := newFixture(t)
	importRooms(f)
	old := openReq(f, towels())
	f.Clock.Advance(10 * 24 * time.Hour)
	closed := openReq(f, towels())
	if _, err := f.Svc.CancelRequest(apptest.AttID, closed.ID, "guest changed their mind"); err != nil {
		t.Fatal(err)
	}
	f.Clock.Advance(25 * 24 * time.Hour)
	today := openReq(f, noiseComplaint(SeverityMinor))
	now := f.Clock.Now()

	ids := func(days int) []string {
		rows, err := f.Svc.Rows(RowQuery{Now: now, OpenedOn: now, Days: days})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, r.ID)
		}
		return out
	}
	if got := ids(30); len(got) != 2 || !contains(got, closed.ID) || !contains(got, today.ID) || contains(got, old.ID) {
		t.Errorf("last 30 days = %v, want the cancelled %s and today's %s, not %s of 35 days ago", got, closed.ID, today.ID, old.ID)
	}
	if got := ids(1); len(got) != 1 || got[0] != today.ID {
		t.Errorf("today = %v", got)
	}
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
