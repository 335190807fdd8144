// Package keys is the key register (钥匙管理): work keys signed out to a
// named staff member and back in, with a witness for master keys; lost
// keys and re-keying; the board count at each handover; door openings for
// guests locked out; and the reports a supervisor asks of the register.
//
// Files, as in every register: doc.go (this), register.go (the register
// type on the core service), module.go (what it adds to the handover and
// the demo), the entity file named after the register (state, event types
// and bodies), fold.go, commands.go, queries.go, demo.go, and a file per
// further topic.
package keys
