package ui

import (
	"floordesk/data/wire"
	"floordesk/ui/kit"
)

// maxStaleRefs is how many changed records a screen behind others keeps
// to read when it comes to the front; beyond that it reads everything
// again, which then costs about the same.
const maxStaleRefs = 256

// staleScreens holds, by screen ID, the changes a screen behind others
// has not read yet: only the screen in front (and the dashboard, which
// announces what falls due) reads a change when it happens, the others
// when they come to the front. A nil list means everything.
type staleScreens map[string][]wire.EntityRef

// add remembers that changed (everything for nil) moved screen id.
func (st staleScreens) add(id string, changed []wire.EntityRef) {
	old, ok := st[id]
	switch {
	case ok && old == nil:
	case changed == nil || len(old)+len(changed) > maxStaleRefs:
		st[id] = nil
	default:
		st[id] = append(old, changed...)
	}
}

// bringForward refreshes scr with what changed while it was behind, and
// moves its times to the clock.
func (st staleScreens) bringForward(scr kit.Screen) {
	if scr == nil {
		return
	}
	if changed, ok := st[scr.ID()]; ok {
		delete(st, scr.ID())
		scr.Refresh(changed)
	}
	if t, ok := scr.(kit.Ticker); ok {
		t.Tick()
	}
}
