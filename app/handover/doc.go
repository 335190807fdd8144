// Package handover is the shift-handover register (交接班): at shift end
// the desk takes what the next shift inherits from every register (see
// app.Module.Handover) with the board count, adds notes, and the outgoing
// and incoming attendants each sign with their PIN.
//
// Files, as in every register: doc.go (this), register.go (the register
// type on the core service), module.go (what it adds to the handover and
// the demo), the entity file named after the register (state, event types
// and bodies), fold.go, commands.go, queries.go, demo.go, and a file per
// further topic.
package handover
