package guests

import "floordesk/app"

// ModuleName is the register's app.Module name.
const ModuleName = "guests"

func init() {
	app.Register(app.Module{Name: ModuleName, Order: 60, Kinds: []string{KindGuests},
		NoHandover: "the departures show on the dashboard, and the list is the PMS's, imported again each day",
		NoDemo:     "the list comes from the hotel's PMS; a demo hotel has none to import"})
}
