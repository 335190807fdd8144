package keys

import (
	"fmt"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/data"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// lend signs tag out to Zhang Wei for purpose through the service, as
// another desk would, and returns the change to refresh with.
func lend(t *testing.T, e *kittest.Env, tag, purpose string) []data.EntityRef {
	t.Helper()
	_, err := e.Svc.SignOutKey(e.Session.UserID(), app.KeySignOut{Tag: tag, Holder: "A02",
		Purpose: purpose, Due: e.Clock.Now().Add(time.Hour)})
	must(t, err)
	return []data.EntityRef{{Kind: kit.KindKey, ID: tag}}
}

// longKey gives F3-SEC-A a long history of sign-outs, shows it and
// scrolls its detail down by 300.
func longKey(t *testing.T, e *kittest.Env, sc *Screen) {
	t.Helper()
	for i := range 30 {
		lend(t, e, "F3-SEC-A", fmt.Sprintf("Turn-down service, round %d", i+1))
		_, err := e.Svc.SignInKey(e.Session.UserID(), "F3-SEC-A")
		must(t, err)
	}
	sc.Show(kit.KindKey, "F3-SEC-A")
	kittest.ScrollDown(t, sc.pane.Content(), 300)
}

func TestRefreshOfAnotherKeyLeavesTheDetail(t *testing.T) {
	e, sc := world(t, kit.English)
	longKey(t, e, sc)
	before := sc.pane.Object()
	_, err := e.Svc.ReportKeyLost(e.Session.UserID(), "F3-MASTER", "left in the lift")
	must(t, err)
	sc.Refresh([]data.EntityRef{{Kind: kit.KindKey, ID: "F3-MASTER"}})
	kittest.StillShows(t, sc.pane, before, 300)
}

func TestRefreshOfTheShownKeyKeepsTheReadersPlace(t *testing.T) {
	e, sc := world(t, kit.English)
	longKey(t, e, sc)
	sc.Refresh(lend(t, e, "F3-SEC-A", "Minibar restock"))
	kittest.ShowsAt(t, sc.pane, "Minibar restock", 300)
}

func TestRefreshLeavesTheFormBeingTyped(t *testing.T) {
	tests := []struct {
		name string
		open func(sc *Screen) *kit.Entry
	}{
		{"sign out", func(sc *Screen) *kit.Entry { return sc.openSignOut("F3-SEC-A").purpose }},
		{"report lost", func(sc *Screen) *kit.Entry { return sc.openLost("F3-SEC-A").First.(*kit.Entry) }},
		{"door opening", func(sc *Screen) *kit.Entry { return sc.openDoors().room }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, sc := world(t, kit.English)
			sc.Show(kit.KindKey, "F3-SEC-A")
			kittest.TypeThrough(t, sc.pane, tt.open(sc), "Room 305", func() {
				sc.Refresh(lend(t, e, "F3-SEC-A", "Maintenance"))
				sc.Refresh(nil)
			})
		})
	}
}
