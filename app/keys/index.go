package keys

import (
	"floordesk/app"
	"floordesk/data/wire"
)

// Indexes of the keys' history: door openings and key counts by time,
// and counts by desk, so a week's openings and a desk's last count read
// those and not years of them.
const (
	doorsAtIndex      = "doors.at"
	countsAtIndex     = "keycounts.at"
	countsByDeskIndex = "keycounts.desk"
)

func init() {
	app.RegisterIndex(KindDoor, func(d *DoorOpening) []wire.IndexEntry {
		return []wire.IndexEntry{{Name: doorsAtIndex, Key: app.TimeKey(d.At)}}
	})
	app.RegisterIndexVersion(KindDoor, "1")
	app.RegisterIndex(KindKeyCount, func(c *KeyCount) []wire.IndexEntry {
		return []wire.IndexEntry{
			{Name: countsAtIndex, Key: app.TimeKey(c.At)},
			{Name: countsByDeskIndex, Key: deskTimeKey(c.Desk, c)},
		}
	})
	app.RegisterIndexVersion(KindKeyCount, "1")
}

// deskTimeKey files a count under its desk, then its time, so a desk's
// counts are one run of the index, the latest last.
func deskTimeKey(desk string, c *KeyCount) []byte {
	return append(append([]byte(desk), 0), app.TimeKey(c.At)...)
}
