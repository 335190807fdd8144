package loans

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	apploans "floordesk/app/loans"
	"floordesk/ui/kit"
)

// TestHistoryFindsALoanReturnedMonthsAgo: a desk opened today finds a
// loan returned two months ago, which it never held, by the item's name
// in the history, by who took it back, and within last month; not in the
// last 7 days.
func TestHistoryFindsALoanReturnedMonthsAgo(t *testing.T) {
	e, _ := world(t, kit.Chinese)
	sup := e.Session.UserID()
	old, err := e.Svc.Lend(sup, apploans.LendInput{Room: "301", Guest: "王小明", Lines: []apploans.LoanLine{{Item: "iron", Count: 1}}})
	must(t, err)
	e.Clock.Advance(2 * time.Hour)
	_, err = e.Svc.ReturnAll(sup, old.ID)
	must(t, err)
	e.Clock.Advance(45 * 24 * time.Hour)
	now, err := e.Svc.Lend(sup, apploans.LendInput{Room: "302", Lines: []apploans.LoanLine{{Item: "hair_dryer", Count: 1}}})
	must(t, err)

	sc := New(e.Session, e.Svc).(*Screen)
	e.Window.SetContent(sc.Content())
	sc.Refresh(nil)
	if _, held := sc.Record(old.ID); held {
		t.Fatal("the screen holds the old loan before any search")
	}
	sc.Filter().SetSelectedIndex(int(filterHistory))
	if got := sc.List().IDs(); !slices.Equal(got, []string{now.ID, old.ID}) {
		t.Fatalf("every loan: %v", got)
	}
	test.Type(sc.Search(), "yd") // 熨斗 by its initials
	if got := sc.List().IDs(); !slices.Equal(got, []string{old.ID}) {
		t.Errorf("irons ever lent: %v", got)
	}
	sc.Period().SetSelected("近7天")
	if got := sc.List().IDs(); len(got) != 0 {
		t.Errorf("irons of the last 7 days: %v", got)
	}
	sc.Period().SetSelected("不限时间")
	sc.Filter().SetSelectedIndex(int(filterReturned))
	if got := sc.List().IDs(); !slices.Equal(got, []string{old.ID}) {
		t.Errorf("returned irons: %v", got)
	}
	if !sc.ShowDetail(old.ID) {
		t.Error("the old loan cannot be opened")
	}
}
