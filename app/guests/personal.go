package guests

import (
	"floordesk/app"
	"floordesk/app/personal"
)

// Each imported list is sealed whole under a key of its own; once a list
// has been replaced by a newer import for longer than the hotel's
// retention, its key is destroyed (app/personal), and with it the names of
// the guests who have left; a list imported before sealing has its guests
// erased from its event then. The current list stays readable.
func init() {
	personal.RegisterReplaced(KindGuests, func(l *List) personal.Record { return personal.Record{Retired: l.Keys} }, "guests")
	app.RegisterIndexVersion(KindGuests, "1") // 1: filed for the personal-data housekeeping
}
