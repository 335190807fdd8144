package loans

import (
	"fmt"
	"testing"
	"time"

	"floordesk/app"
	apploans "floordesk/app/loans"
	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// lendIron lends room an iron through the service, as another desk would.
func lendIron(t *testing.T, e *kittest.Env, room string) apploans.Loan {
	t.Helper()
	l, err := e.Svc.Lend(e.Session.UserID(), apploans.LendInput{Room: room,
		Lines: []apploans.LoanLine{{Item: "iron", Count: 1}}, DueAt: e.Clock.Now().Add(24 * time.Hour)})
	must(t, err)
	return l
}

// extend moves loan id's due time on through the service, as another desk
// would, and returns the change to refresh with.
func extend(t *testing.T, e *kittest.Env, id, reason string) []wire.EntityRef {
	t.Helper()
	_, err := e.Svc.ExtendLoan(e.Session.UserID(), id, e.Clock.Now().Add(48*time.Hour), reason)
	must(t, err)
	return []wire.EntityRef{{Kind: kit.KindLoan, ID: id}}
}

// longLoan lends room 301 an iron, extends it many times, shows it and
// scrolls its detail down by 300.
func longLoan(t *testing.T, e *kittest.Env, sc *Screen) string {
	t.Helper()
	id := lendIron(t, e, "301").ID
	for i := range 30 {
		extend(t, e, id, fmt.Sprintf("Guest stays another night, round %d", i+1))
	}
	sc.Show(kit.KindLoan, id)
	kittest.ScrollDown(t, sc.Pane().Content(), 300)
	return id
}

func TestRefreshOfAnotherLoanLeavesTheDetail(t *testing.T) {
	e, sc := world(t, kit.English)
	other := lendIron(t, e, "302").ID
	longLoan(t, e, sc)
	before := sc.Pane().Object()
	sc.Refresh(extend(t, e, other, "Late check-out"))
	kittest.StillShows(t, sc.Pane(), before, 300)
}

func TestRefreshOfTheShownLoanKeepsTheReadersPlace(t *testing.T) {
	e, sc := world(t, kit.English)
	id := longLoan(t, e, sc)
	sc.Refresh(extend(t, e, id, "Conference runs a day longer"))
	kittest.ShowsAt(t, sc.Pane(), "Conference runs a day longer", 300)
}

func TestRefreshLeavesTheFormBeingTyped(t *testing.T) {
	tests := []struct {
		name string
		open func(sc *Screen, id string) *kit.Entry
	}{
		{"lend", func(sc *Screen, _ string) *kit.Entry { return sc.openLendForm().guest }},
		{"return", func(sc *Screen, id string) *kit.Entry { return sc.openReturnForm(id).lines[0].charge }},
		{"extend", func(sc *Screen, id string) *kit.Entry {
			sc.showExtendForm(id)
			return sc.s.Window.Canvas().Focused().(*kit.Entry)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, sc := world(t, kit.English)
			id := lendIron(t, e, "301").ID
			sc.Show(kit.KindLoan, id)
			kittest.TypeThrough(t, sc.Pane(), tt.open(sc, id), "45", func() {
				sc.Refresh(extend(t, e, id, "Guest stays another night"))
				sc.Refresh(nil)
			})
		})
	}
}

// lendMany gives desk D1 n towels of their own kinds and lends each once
// to room 302, through the service, so that the stock and the
// frequent-loans tables scroll.
func lendMany(t *testing.T, e *kittest.Env, n int) {
	t.Helper()
	for i := range n {
		code := fmt.Sprintf("towel_%02d", i+1)
		_, err := e.Svc.SetItemType("S01", app.ItemTypeInput{Code: code, Name: fmt.Sprintf("Towel %02d", i+1),
			Stock: map[string]int{"D1": 5}})
		must(t, err)
		_, err = e.Svc.Lend(e.Session.UserID(), apploans.LendInput{Room: "302",
			Lines: []apploans.LoanLine{{Item: code, Count: 1}}, DueAt: e.Clock.Now().Add(24 * time.Hour)})
		must(t, err)
	}
}

// setItem names item type code name and sets desk D1's stock of it to n,
// through the service, as the supervisor would, and returns the change to
// refresh with.
func setItem(t *testing.T, e *kittest.Env, code, name string, n int) []wire.EntityRef {
	t.Helper()
	_, err := e.Svc.SetItemType("S01", app.ItemTypeInput{Code: code, Name: name, Stock: map[string]int{"D1": n}})
	must(t, err)
	return []wire.EntityRef{{Kind: kit.KindItemType, ID: code}}
}

func TestRefreshRebuildsTheTablesAtTheReadersPlace(t *testing.T) {
	lend := func(t *testing.T, e *kittest.Env) []wire.EntityRef {
		return []wire.EntityRef{{Kind: kit.KindLoan, ID: lendIron(t, e, "301").ID}}
	}
	tests := []struct {
		name   string
		show   func(*Screen)
		change func(*testing.T, *kittest.Env) []wire.EntityRef
		want   string // the row that changed
	}{
		{"stock, an iron lent", (*Screen).showStock, lend, "熨斗\nFloor 3 desk\n3\n1\n2\n"},
		{"stock, irons bought", (*Screen).showStock, func(t *testing.T, e *kittest.Env) []wire.EntityRef {
			return setItem(t, e, "iron", "熨斗", 5)
		}, "熨斗\nFloor 3 desk\n5\n0\n5\n"},
		{"frequent loans, an iron lent", (*Screen).showFrequent, lend, "熨斗\n1\n1\n"},
		{"frequent loans, a towel renamed", (*Screen).showFrequent, func(t *testing.T, e *kittest.Env) []wire.EntityRef {
			return setItem(t, e, "towel_01", "Bath towel", 5)
		}, "Bath towel\n1\n1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, sc := world(t, kit.English)
			lendMany(t, e, 30)
			sc.Refresh(nil)
			tt.show(sc)
			kittest.ScrollDown(t, sc.Pane().Content(), 300)
			sc.Refresh(tt.change(t, e))
			kittest.ShowsAt(t, sc.Pane(), tt.want, 300)
		})
	}
}

func TestRefreshOfWhatTheTablesDoNotReadLeavesThem(t *testing.T) {
	for name, show := range map[string]func(*Screen){"stock": (*Screen).showStock, "frequent loans": (*Screen).showFrequent} {
		t.Run(name, func(t *testing.T) {
			e, sc := world(t, kit.English)
			lendMany(t, e, 30)
			sc.Refresh(nil)
			show(sc)
			kittest.ScrollDown(t, sc.Pane().Content(), 300)
			before := sc.Pane().Object()
			must(t, e.Svc.UpdateStaff("S01", "A01", "front_office", app.RoleAttendant, ""))
			sc.Refresh([]wire.EntityRef{{Kind: kit.KindStaff, ID: "A01"}})
			kittest.StillShows(t, sc.Pane(), before, 300)
		})
	}
}
