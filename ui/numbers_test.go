package ui

import (
	"testing"
	"time"

	"floordesk/app"
	appdemo "floordesk/app/demo"
	appfound "floordesk/app/found"
	apphandover "floordesk/app/handover"
	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestTheSameScopeGivesTheSameNumber: on a hotel with keys out and items
// held at two desks, the dashboard of desk D1, its handover and the
// registers asked for D1 count the same keys out and the same items held,
// and the tiles say the count is this desk's.
func TestTheSameScopeGivesTheSameNumber(t *testing.T) {
	se := dashEnv(t, kit.Chinese)
	sup := "S01"
	if _, err := se.Svc.SetDesk(sup, "D2", "5F", nil); err != nil {
		t.Fatal(err)
	}
	for _, k := range []appkeys.NewKey{{Tag: "F3-SEC", Type: appkeys.KeySection, Desk: "D1"},
		{Tag: "F5-SEC", Type: appkeys.KeySection, Desk: "D2"}, {Tag: "F5-SEC-B", Type: appkeys.KeySection, Desk: "D2"}} {
		if _, err := se.Svc.RegisterKey(sup, k); err != nil {
			t.Fatal(err)
		}
	}
	atDesk(se.Env, "D2", func() {
		lendKey(t, se.Env, "F5-SEC")
		lendKey(t, se.Env, "F5-SEC-B")
		logFound(t, se.Env, "umbrella")
		logFound(t, se.Env, "scarf")
	})
	lendKey(t, se.Env, "F3-SEC")
	lendKey(t, se.Env, "F3-MASTER") // hangs on every board
	logFound(t, se.Env, "book")
	se.settle()
	se.sh.Tick()

	h, err := se.Svc.DraftHandover(sup, apphandover.HandoverInput{KeysCounted: 0})
	if err != nil {
		t.Fatal(err)
	}
	handoverKeys, _ := apphandover.HandoverSection[appkeys.HandoverKey](h.Lists, appkeys.ModuleName)
	handoverFound, _ := apphandover.HandoverSection[appfound.HandoverFound](h.Lists, appfound.ModuleName)
	keysOut, _ := se.Svc.KeysOutAt("D1")
	held, _ := se.Svc.AwaitingClaimAt("D1")
	d := se.sh.Dashboard()
	for _, c := range []struct {
		what                       string
		dashboard, handover, query int
		want                       int
	}{
		{"keys out", d.Count("dash.tile_keys_out"), len(handoverKeys), len(keysOut), 2},
		{"items held", d.Count("dash.tile_found"), len(handoverFound), len(held), 1},
	} {
		if c.dashboard != c.want || c.handover != c.want || c.query != c.want {
			t.Errorf("%s at D1: dashboard %d, handover %d, register %d; want %d each",
				c.what, c.dashboard, c.handover, c.query, c.want)
		}
	}
	if all, _ := se.Svc.KeysOutAt(""); len(all) != 4 {
		t.Errorf("keys out in the whole hotel: %d, want 4", len(all))
	}
	kittest.Shows(t, d.Content(), "本台钥匙已签出", "本台待认领失物", "本台今日应还")
}

// atDesk runs fn as desk code would.
func atDesk(e *kittest.Env, code string, fn func()) {
	was := e.Svc.DeskCode
	e.Svc.DeskCode = code
	defer func() { e.Svc.DeskCode = was }()
	fn()
}

func lendKey(t *testing.T, e *kittest.Env, tag string) {
	t.Helper()
	_, err := e.Svc.SignOutKey("S01", appkeys.KeySignOut{Tag: tag, Holder: "A01", Witness: "S01", WitnessPIN: appdemo.DemoPIN,
		Purpose: "查房", Due: e.Clock.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
}

func logFound(t *testing.T, e *kittest.Env, what string) {
	t.Helper()
	_, err := e.Svc.FileFound("S01", appfound.FoundInput{FoundAt: e.Clock.Now().Add(-time.Minute), Place: "大堂", Finder: "保洁", Category: app.CatOther,
		Description: what, Storage: "柜1"})
	if err != nil {
		t.Fatal(err)
	}
}
