package app

func init() {
	Register(Module{Name: "handover", Order: 90, Kinds: []string{KindHandover},
		NoHandover: "it is the handover",
		NoDemo:     "a demo hotel starts with no handovers: the attendants draft them",
	})
}
