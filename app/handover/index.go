package handover

import (
	"floordesk/app"
	"floordesk/data/wire"
)

// The handover list reads the handovers of the last listDays days, by the
// time they were drafted, and every one not yet signed by both, however
// old: three shifts a day at every desk make thousands a year.
const (
	draftedIndex  = "handover.drafted"
	unsignedIndex = "handover.unsigned"
	listDays      = 62
)

func init() {
	app.RegisterIndex(KindHandover, func(h *Handover) []wire.IndexEntry {
		out := []wire.IndexEntry{{Name: draftedIndex, Key: app.TimeKey(h.DraftedAt)}}
		if !h.Signed() {
			out = append(out, wire.IndexEntry{Name: unsignedIndex})
		}
		return out
	})
	app.RegisterIndexVersion(KindHandover, "1")
}
