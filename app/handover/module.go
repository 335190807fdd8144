package handover

import "floordesk/app"

func init() {
	app.Register(app.Module{Name: "handover", Order: 90, Kinds: []string{KindHandover},
		NoHandover: "it is the handover",
		NoDemo:     "a demo hotel starts with no handovers: the attendants draft them",
	})
}
