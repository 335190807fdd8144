// Package loans is the item-loan register (物品借用): hair dryers,
// adapters, irons, umbrellas and the like lent to a room from a desk's
// stock, returned (whole or in part, fine, damaged or lost) or extended;
// stock per desk and the frequent-loans report.
//
// Files, as in every register: doc.go (this), register.go (the register
// type on the core service), module.go (what it adds to the handover and
// the demo), the entity file named after the register (state, event types
// and bodies), fold.go, commands.go, queries.go, demo.go, and a file per
// further topic.
package loans
