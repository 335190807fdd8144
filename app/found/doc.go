// Package found is the lost-and-found register (失物招领): found items
// from intake through custody (transfers, claims, disposal after the
// holding period) and guests' loss reports, matched both ways.
//
// Files, as in every register: doc.go (this), register.go (the register
// type on the core service), module.go (what it adds to the handover and
// the demo), the entity file named after the register (state, event types
// and bodies), fold.go, commands.go, queries.go, demo.go, and a file per
// further topic.
package found
