package requests

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	apprequests "floordesk/app/requests"
)

// TestHistoryFindsARequestClosedMonthsAgo: a request cancelled four
// months ago, past the last 30 days, is found under "every request" by a
// word of its description and its department's name, not in the last 7
// days, and opens; the period menu shows only for the history.
func TestHistoryFindsARequestClosedMonthsAgo(t *testing.T) {
	d := newDesk(t)
	old := d.openRequest("301", "Extra pillow", "housekeeping")
	if _, err := d.env.Svc.CancelRequest(d.env.Session.UserID(), old, "not needed"); err != nil {
		t.Fatal(err)
	}
	d.env.Clock.Advance(120 * 24 * time.Hour)
	now := d.openRequest("302", "Extra blanket", "")
	d.sc.Refresh(nil)
	if d.sc.period.Visible() {
		t.Fatal("the period menu shows on the open requests")
	}
	d.sc.filter.SetSelected(filterRecent.name())
	if d.listed(old) {
		t.Fatal("a request of four months ago is under the last 30 days")
	}
	d.sc.filter.SetSelected(filterHistory.name())
	if !d.sc.period.Visible() || !slices.Equal(d.sc.List().IDs(), []string{now, old}) {
		t.Fatalf("every request: period shown %v, %v", d.sc.period.Visible(), d.sc.List().IDs())
	}
	test.Type(d.sc.Search(), "pillow")
	if got := d.sc.List().IDs(); !slices.Equal(got, []string{old}) {
		t.Errorf("pillow: %v", got)
	}
	d.sc.Search().SetText("Housekeeping")
	if got := d.sc.List().IDs(); !slices.Equal(got, []string{old}) {
		t.Errorf("housekeeping: %v", got)
	}
	d.sc.period.SetSelected("Last 7 days")
	if got := d.sc.List().IDs(); len(got) != 0 {
		t.Errorf("housekeeping in the last 7 days: %v", got)
	}
	d.sc.period.SetSelected("Any time")
	d.sc.kind.SetSelected(kindName(apprequests.RequestComplaint))
	if got := d.sc.List().IDs(); len(got) != 0 {
		t.Errorf("complaints for housekeeping: %v", got)
	}
	d.sc.kind.SetSelectedIndex(0)
	if !d.sc.ShowDetail(old) {
		t.Error("the old request cannot be opened")
	}
	d.sc.Search().SetText(strings.Repeat("pillow ", 11))
	if !d.sc.failed.Visible() || !strings.Contains(d.sc.failed.Text, "at most 10 words") {
		t.Errorf("eleven words: the list says %q (shown %v)", d.sc.failed.Text, d.sc.failed.Visible())
	}
	d.sc.Search().SetText("")
	d.sc.filter.SetSelected(filterOpen.name())
	if d.sc.period.Visible() || d.listed(old) {
		t.Error("back on the open requests: the period menu or the old request stays")
	}
}
