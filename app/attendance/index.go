package attendance

import (
	"floordesk/app"
	"floordesk/data/wire"
)

// The register's indexes: by status (the open days: who is on duty, and
// forgotten clock-outs), and by the first clock-in of the day, so a
// shift's or a month's attendance reads those days and not every day.
const inIndex = "attendance.in"

func init() {
	app.IndexStatus(KindAttendance, func(d *Day) string { return string(d.Status) })
	app.RegisterIndex(KindAttendance, func(d *Day) []wire.IndexEntry {
		if len(d.Stints) == 0 {
			return nil
		}
		return []wire.IndexEntry{{Name: inIndex, Key: app.TimeKey(d.Stints[0].In.At)}}
	})
	app.RegisterIndexVersion(KindAttendance, "1")
}
