package attendance

import (
	"time"

	appattendance "floordesk/app/attendance"
	"floordesk/ui/kit"
)

// TileOnDuty is the dashboard tile counting the staff on duty now,
// hotel-wide: everyone clocks in at a desk, wherever they then work.
const TileOnDuty = "dash.tile_on_duty"

// Dashboard is the attendance register's part of the dashboard: a tile
// counting who is on duty now, its number urgent while a clock-out is
// forgotten (a supervisor closes it on the attendance screen).
func Dashboard(svc Service) *kit.DashSource {
	return &kit.DashSource{Tiles: []string{TileOnDuty}, Kinds: []string{kit.KindAttendance},
		Load: func() (kit.DashView, error) {
			days, err := svc.OpenDays()
			return func(now time.Time) kit.DashPart { return dashAt(days, now) }, err
		}}
}

// dashAt is the part at now, from the open days when read: on duty are
// those whose clock-in is younger than MaxOnDuty.
func dashAt(days []appattendance.Day, now time.Time) kit.DashPart {
	n, forgotten := 0, false
	for _, d := range days {
		if d.OnDuty(now) != nil {
			n++
		}
		forgotten = forgotten || d.Forgotten(now) != nil
	}
	return kit.DashPart{Counts: map[string]kit.TileCount{TileOnDuty: {N: n, Urgent: forgotten}}}
}
