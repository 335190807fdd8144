package handover

import "floordesk/app"

// ModuleName is the register's app.Module name: its section's key in a
// handover's lists.
const ModuleName = "handover"

func init() {
	app.Register(app.Module{Name: ModuleName, Order: 90, Kinds: []string{KindHandover},
		NoHandover: "it is the handover",
		NoDemo:     "a demo hotel starts with no handovers: the attendants draft them",
	})
}
