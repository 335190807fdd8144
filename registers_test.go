package main

import (
	"testing"

	"floordesk/app"
	"floordesk/ui/kit/kittest"
)

// TestEveryRegisterIsOnTheDesk checks main's list against the domain's
// modules: every register has its screen on the desk, and one that hands
// rows over at shift end has its section on the handover screen. A
// register added to app/ but not to main fails here.
func TestEveryRegisterIsOnTheDesk(t *testing.T) {
	e := kittest.New(t)
	regs := registers(e.Svc.Service, nil)(e.Session)
	byName := map[string]bool{}
	sections := map[string]bool{}
	for _, r := range regs {
		byName[r.Name] = r.Screen != nil
		sections[r.Name] = r.Handover != nil
	}
	if len(app.Modules()) < 5 {
		t.Fatalf("only %d modules registered", len(app.Modules()))
	}
	for _, m := range app.Modules() {
		if !byName[m.Name] && m.NoScreen == "" {
			t.Errorf("register %s has no screen in main's list", m.Name)
		}
		if m.Handover != nil && !sections[m.Name] {
			t.Errorf("register %s hands rows over but the handover screen shows no section for it", m.Name)
		}
	}
}
