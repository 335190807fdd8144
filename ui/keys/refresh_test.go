package keys

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"floordesk/app"
	appkeys "floordesk/app/keys"
	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// lend signs tag out to Zhang Wei for purpose through the service, as
// another desk would, and returns the change to refresh with.
func lend(t *testing.T, e *kittest.Env, tag, purpose string) []wire.EntityRef {
	t.Helper()
	_, err := e.Svc.SignOutKey(e.Session.UserID(), appkeys.KeySignOut{Tag: tag, Holder: "A02",
		Purpose: purpose, Due: e.Clock.Now().Add(time.Hour)})
	must(t, err)
	return []wire.EntityRef{{Kind: kit.KindKey, ID: tag}}
}

// turnDown signs F3-SEC-A out to Zhang Wei for purpose and back in by
// Wang Fang, through the service, as another desk would, and returns the
// change to refresh with.
func turnDown(t *testing.T, e *kittest.Env, purpose string) []wire.EntityRef {
	t.Helper()
	changed := lend(t, e, "F3-SEC-A", purpose)
	_, err := e.Svc.SignInKey(e.Session.UserID(), "F3-SEC-A")
	must(t, err)
	return changed
}

// turnDowns gives F3-SEC-A a long history of sign-outs, each signed in
// by someone other than the holder.
func turnDowns(t *testing.T, e *kittest.Env) {
	t.Helper()
	for i := range 30 {
		turnDown(t, e, fmt.Sprintf("Turn-down service, round %d", i+1))
	}
}

// longKey gives F3-SEC-A a long history of sign-outs, shows it and
// scrolls its detail down by 300.
func longKey(t *testing.T, e *kittest.Env, sc *Screen) {
	t.Helper()
	turnDowns(t, e)
	sc.Show(kit.KindKey, "F3-SEC-A")
	kittest.ScrollDown(t, sc.Pane().Content(), 300)
}

func TestRefreshOfAnotherKeyLeavesTheDetail(t *testing.T) {
	e, sc := world(t, kit.English)
	longKey(t, e, sc)
	before := sc.Pane().Object()
	_, err := e.Svc.ReportKeyLost(e.Session.UserID(), "F3-MASTER", "left in the lift")
	must(t, err)
	sc.Refresh([]wire.EntityRef{{Kind: kit.KindKey, ID: "F3-MASTER"}})
	kittest.StillShows(t, sc.Pane(), before, 300)
}

func TestRefreshOfTheShownKeyKeepsTheReadersPlace(t *testing.T) {
	e, sc := world(t, kit.English)
	longKey(t, e, sc)
	sc.Refresh(lend(t, e, "F3-SEC-A", "Minibar restock"))
	kittest.ShowsAt(t, sc.Pane(), "Minibar restock", 300)
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
			kittest.TypeThrough(t, sc.Pane(), tt.open(sc), "Room 305", func() {
				sc.Refresh(lend(t, e, "F3-SEC-A", "Maintenance"))
				sc.Refresh(nil)
			})
		})
	}
}

// openDoor records a door opening for guest in room through the service,
// as another desk would, and returns the change to refresh with.
func openDoor(t *testing.T, e *kittest.Env, room, guest string) []wire.EntityRef {
	t.Helper()
	d, err := e.Svc.OpenDoor(e.Session.UserID(), appkeys.DoorOpeningInput{Room: room, Guest: guest,
		IDType: "id_card", IDLast4: "1234", OpenedBy: "A02"})
	must(t, err)
	return []wire.EntityRef{{Kind: kit.KindDoor, ID: d.ID}}
}

func TestRefreshRebuildsTheDoorOpeningsBelowTheForm(t *testing.T) {
	e, sc := world(t, kit.English)
	for i := range 30 {
		openDoor(t, e, "302", fmt.Sprintf("Guest %d", i+1))
	}
	f := sc.openDoors()
	form := sc.Pane().Object()
	test.Type(f.room, "301")
	list := kittest.ScrollPaneDown(t, sc.Pane(), 300)
	sc.Refresh(lend(t, e, "F3-SEC-A", "Maintenance"))
	kittest.StillShowsView(t, sc.Pane(), list, 300)
	sc.Refresh(openDoor(t, e, "301", "Chen Jing"))
	kittest.ShowsAt(t, sc.Pane(), "Chen Jing", 300)
	if sc.Pane().Object() != form || f.room.Text != "301" {
		t.Errorf("the form was built again: room %q", f.room.Text)
	}
}

func TestRefreshRebuildsTheKeyReportKeepingWhatWasPicked(t *testing.T) {
	tests := []struct {
		name string
		kind report
		who  string
	}{
		{"sign-ins by others", reportByOthers, ""},
		{"one key", reportKey, "F3-SEC-A"},
		{"one person", reportStaff, "A02 Zhang Wei"},
		{"outside the shift", reportOutsideShift, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, sc := world(t, kit.English)
			must(t, e.Svc.UpdateStaff("S01", "A02", "housekeeping", app.RoleAttendant, "night"))
			turnDowns(t, e)
			sc.Refresh(nil)
			p := sc.openReports()
			p.kind.SetSelectedIndex(int(tt.kind))
			if tt.who != "" {
				p.who.SetSelected(tt.who)
			}
			results := kittest.ScrollDown(t, sc.Pane().Content(), 300)
			sc.Refresh(openDoor(t, e, "301", "Chen Jing"))
			kittest.StillShowsView(t, sc.Pane(), results, 300)
			sc.Refresh(turnDown(t, e, "Minibar restock"))
			kittest.ShowsAt(t, sc.Pane(), "Minibar restock", 300)
			if report(p.kind.SelectedIndex()) != tt.kind || p.who.Selected != tt.who {
				t.Errorf("the report shown is %v for %q", p.kind.Selected, p.who.Selected)
			}
		})
	}
}

func TestKeyReportsAreBuiltAgainForWhatTheyRead(t *testing.T) {
	key := []wire.EntityRef{{Kind: kit.KindKey, ID: "F3-MASTER"}}
	staff := []wire.EntityRef{{Kind: kit.KindStaff, ID: "A02"}}
	hotel := []wire.EntityRef{{Kind: kit.KindHotel, ID: "hotel"}}
	door := []wire.EntityRef{{Kind: kit.KindDoor, ID: "d1"}}
	tests := []struct {
		kind    report
		changed []wire.EntityRef
		want    bool
	}{
		{reportByOthers, key, true},
		{reportByOthers, staff, true},
		{reportByOthers, hotel, false},
		{reportByOthers, door, false},
		{reportKey, key, true},
		{reportStaff, staff, true},
		{reportStaff, hotel, false},
		{reportOutsideShift, hotel, true},
		{reportOutsideShift, staff, true},
		{reportOutsideShift, door, false},
	}
	for _, tt := range tests {
		t.Run(reportKeys[tt.kind]+", "+tt.changed[0].Kind, func(t *testing.T) {
			_, sc := world(t, kit.English)
			p := sc.openReports()
			p.kind.SetSelectedIndex(int(tt.kind))
			before := sc.Pane().Scroll()
			sc.Refresh(tt.changed)
			if got := sc.Pane().Scroll() != before; got != tt.want {
				t.Errorf("built again: %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRefreshRebuildsTheWhoHeldAnswerKeepingTheQuestion(t *testing.T) {
	e, sc := world(t, kit.English)
	f := sc.openLookup()
	form := sc.Pane().Object()
	f.key.SetSelected("F3-SEC-A")
	f.at.SetText("2026-03-03 14:30")
	enter(f.at)
	answer := f.answer.Objects[0]
	sc.Refresh(openDoor(t, e, "301", "Chen Jing"))
	if f.answer.Objects[0] != answer {
		t.Error("the answer was built again for a door opening")
	}
	f.at.SetText("2026-03-03 15:") // being typed, not asked yet
	sc.Refresh(lend(t, e, "F3-SEC-A", "Minibar restock"))
	if got := kittest.Labels(f.answer); !strings.Contains(got, "Minibar restock") {
		t.Errorf("at 14:30, after the sign-out: %q", got)
	}
	if sc.Pane().Object() != form || f.at.Text != "2026-03-03 15:" || f.key.Selected != "F3-SEC-A" {
		t.Errorf("the question changed: %q at %q", f.key.Selected, f.at.Text)
	}
}
