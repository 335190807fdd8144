package ui

import (
	"strings"
	"testing"
	"time"

	"floordesk/app"
	appdemo "floordesk/app/demo"
	appkeys "floordesk/app/keys"
	apprequests "floordesk/app/requests"
	"floordesk/data/wire"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// dashEnv is a signed-in shell on a hotel with a desk D1, a supervisor
// S01, an attendant A01 and a key.
func dashEnv(t *testing.T, language string) *shellEnv {
	t.Helper()
	se := newShellEnv(t, language, func(e *kittest.Env) {
		sup := e.Supervisor(t)
		e.Attendant(t, sup.ID, "A01", "Wang Fang")
		awake := app.MaxSignOutAfter // the tests move the clock hours on; TestIdleDeskSignsOut signs out
		if _, err := e.Svc.ChangeSettings(sup.ID, app.HotelChange{SignOutAfter: &awake}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Svc.SetDesk(sup.ID, "D1", "3F", nil); err != nil {
			t.Fatal(err)
		}
		e.Svc.DeskCode = "D1"
		if _, err := e.Svc.RegisterKey(sup.ID, appkeys.NewKey{Tag: "F3-MASTER", Type: appkeys.KeyFloorMaster}); err != nil {
			t.Fatal(err)
		}
		e.SignIn(t, "S01")
	})
	return se
}

func TestDashboardCalmWhenNothingIsDue(t *testing.T) {
	se := dashEnv(t, kit.Chinese)
	d := se.sh.Dashboard()
	if !d.Calm() || len(d.Lines()) != 0 || d.Count("dash.tile_keys_out") != 0 {
		t.Errorf("calm %v, lines %v", d.Calm(), d.Lines())
	}
	if len(se.Session.Notices()) != 0 {
		t.Errorf("notices on a calm desk: %v", se.Session.Notices())
	}
}

func TestDashboardFollowUpFallsDue(t *testing.T) {
	se := dashEnv(t, kit.English)
	r, err := se.Svc.OpenRequest("A01", apprequests.NewRequest{Room: "1203", Kind: apprequests.RequestService, Channel: apprequests.ChannelPhone,
		Description: "hair dryer broken"})
	if err != nil {
		t.Fatal(err)
	}
	se.settle()
	se.sh.Tick()
	d := se.sh.Dashboard()
	if d.Count("dash.tile_follow_ups") != 0 {
		t.Fatalf("a follow-up is due at once: %v", d.Lines())
	}
	se.Clock.Advance(se.Svc.FollowUpInterval() + 2*time.Minute)
	se.sh.Tick()
	lines := d.Lines()
	if len(lines) != 1 || !strings.Contains(lines[0], "Room 1203 · hair dryer broken | Follow-up due") || !strings.Contains(lines[0], "2 min late") {
		t.Errorf("lines %q", lines)
	}
	if got := se.Session.LastNotice(); !strings.Contains(got, "1203") {
		t.Errorf("notice %q, want the follow-up reminder", got)
	}
	se.Clock.Advance(3 * time.Minute)
	se.sh.Tick()
	if !strings.Contains(d.Lines()[0], "5 min late") || len(se.Session.Notices()) != 1 {
		t.Errorf("after 3 more minutes %q, notices %v", d.Lines(), se.Session.Notices())
	}
	var opened string
	se.Session.SetOpener(func(kind, id string) bool { opened = kind + "/" + id; return true })
	d.OpenLine(0)
	if opened != "request/"+r.ID {
		t.Errorf("tapping the line opened %q", opened)
	}
}

func TestDashboardOverdueKeyCountsUp(t *testing.T) {
	se := dashEnv(t, kit.Chinese)
	_, err := se.Svc.SignOutKey("S01", appkeys.KeySignOut{Tag: "F3-MASTER", Holder: "A01", Witness: "S01",
		Purpose: "开房门", WitnessPIN: appdemo.DemoPIN, Due: se.Clock.Now().Add(30 * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	se.settle()
	d := se.sh.Dashboard()
	if d.Count("dash.tile_keys_out") != 1 || len(d.Lines()) != 0 {
		t.Fatalf("key out, not due: count %d lines %v", d.Count("dash.tile_keys_out"), d.Lines())
	}
	se.Clock.Advance(45 * time.Minute)
	se.sh.Tick()
	if got := d.Lines(); len(got) != 1 || got[0] != "钥匙 F3-MASTER | 领用人：Wang Fang · 开房门 | 超时15分钟" {
		t.Errorf("overdue key line %q", got)
	}
}

// TestShellTickerRunsThroughDo: each tick re-evaluates the dashboard on
// the Fyne goroutine (here: the test's, through Do).
func TestShellTickerRunsThroughDo(t *testing.T) {
	se := dashEnv(t, kit.English)
	ran := make(chan func(), 8)
	se.Session.Do = func(f func()) {
		select {
		case ran <- f:
		default: // the test has what it waits for
		}
	}
	if _, err := se.Svc.OpenRequest("A01", apprequests.NewRequest{Room: "1203", Kind: apprequests.RequestService,
		Channel: apprequests.ChannelPhone, Description: "towels"}); err != nil {
		t.Fatal(err)
	}
	se.settle()
	se.Clock.Advance(time.Hour)
	se.tick <- time.Now()
	deadline := time.After(5 * time.Second)
	d := se.sh.Dashboard()
	for d.Count("dash.tile_follow_ups") != 1 {
		select {
		case f := <-ran:
			f()
		case <-deadline:
			t.Fatal("the tick did not reach the dashboard")
		}
	}
}

// TestShellFollowsStoreChanges: a change saved elsewhere (another screen,
// sync) reaches the dashboard through the store's change feed and Do.
func TestShellFollowsStoreChanges(t *testing.T) {
	e := kittest.New(t)
	sup := e.Supervisor(t)
	if _, err := e.Svc.RegisterKey(sup.ID, appkeys.NewKey{Tag: "F3-SEC-A", Type: appkeys.KeySection}); err != nil {
		t.Fatal(err)
	}
	e.SignIn(t, sup.ID)
	ran := make(chan func(), 64)
	e.Session.Do = func(f func()) {
		select {
		case ran <- f:
		default: // the test has what it waits for
		}
	}
	sh := NewShell(e.Session, withDashboard(e.Svc, e.Session), Options{Feed: e.Store, Tick: make(chan time.Time)})
	e.Window.SetContent(sh.Content())
	sh.Start()
	defer sh.Stop()
	_, err := e.Svc.SignOutKey(sup.ID, appkeys.KeySignOut{Tag: "F3-SEC-A", Holder: sup.ID, Purpose: "store room", Due: e.Clock.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.After(5 * time.Second)
	for sh.Dashboard().Count("dash.tile_keys_out") != 1 {
		select {
		case f := <-ran:
			f()
		case <-deadline:
			t.Fatal("the change did not reach the dashboard")
		}
	}
}

// TestDashboardReadsOnlyWhatAChangeMoves: the clock's tick reads nothing
// from the store, and a change reads again only the parts whose kinds it
// touches; their times still move with the clock.
func TestDashboardReadsOnlyWhatAChangeMoves(t *testing.T) {
	e := kittest.New(t)
	e.SignIn(t, e.Supervisor(t).ID)
	loads := map[string]int{}
	due := e.Clock.Now().Add(time.Minute)
	source := func(kind string) *kit.DashSource {
		tile := "dash.tile_" + kind
		return &kit.DashSource{Tiles: []string{tile}, Kinds: []string{kind}, Load: func() (kit.DashView, error) {
			loads[kind]++
			return func(now time.Time) kit.DashPart {
				late := 0
				if now.After(due) {
					late = 1
				}
				return kit.DashPart{Counts: map[string]kit.TileCount{tile: {N: 1, Late: late}}}
			}, nil
		}}
	}
	d := NewDashboard(e.Session, []*kit.DashSource{source("key"), source("loan")})
	d.Refresh(nil)
	if loads["key"] != 1 || loads["loan"] != 1 {
		t.Fatalf("the first refresh read %v, want each part once", loads)
	}
	e.Clock.Advance(2 * time.Minute)
	d.Tick()
	d.Tick()
	if loads["key"] != 1 || loads["loan"] != 1 {
		t.Errorf("the tick read the store: %v", loads)
	}
	if got := d.tiles["dash.tile_key"].overdue.Text; got == " " || got == "" {
		t.Errorf("a part past due after the tick shows no overdue count (%q)", got)
	}
	d.Refresh([]wire.EntityRef{{Kind: "loan", ID: "L1"}})
	if loads["key"] != 1 || loads["loan"] != 2 {
		t.Errorf("a loan's change read %v, want the loans part only", loads)
	}
}
