package loans

import (
	"fmt"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/data"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// lendIron lends room an iron through the service, as another desk would.
func lendIron(t *testing.T, e *kittest.Env, room string) app.Loan {
	t.Helper()
	l, err := e.Svc.Lend(e.Session.UserID(), app.LendInput{Room: room,
		Lines: []app.LoanLine{{Item: "iron", Count: 1}}, DueAt: e.Clock.Now().Add(24 * time.Hour)})
	must(t, err)
	return l
}

// extend moves loan id's due time on through the service, as another desk
// would, and returns the change to refresh with.
func extend(t *testing.T, e *kittest.Env, id, reason string) []data.EntityRef {
	t.Helper()
	_, err := e.Svc.ExtendLoan(e.Session.UserID(), id, e.Clock.Now().Add(48*time.Hour), reason)
	must(t, err)
	return []data.EntityRef{{Kind: kit.KindLoan, ID: id}}
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
	kittest.ScrollDown(t, sc.pane.Content(), 300)
	return id
}

func TestRefreshOfAnotherLoanLeavesTheDetail(t *testing.T) {
	e, sc := world(t, kit.English)
	other := lendIron(t, e, "302").ID
	longLoan(t, e, sc)
	before := sc.pane.Object()
	sc.Refresh(extend(t, e, other, "Late check-out"))
	kittest.StillShows(t, sc.pane, before, 300)
}

func TestRefreshOfTheShownLoanKeepsTheReadersPlace(t *testing.T) {
	e, sc := world(t, kit.English)
	id := longLoan(t, e, sc)
	sc.Refresh(extend(t, e, id, "Conference runs a day longer"))
	kittest.ShowsAt(t, sc.pane, "Conference runs a day longer", 300)
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
			kittest.TypeThrough(t, sc.pane, tt.open(sc, id), "45", func() {
				sc.Refresh(extend(t, e, id, "Guest stays another night"))
				sc.Refresh(nil)
			})
		})
	}
}
