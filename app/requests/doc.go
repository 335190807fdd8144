// Package requests is the guest-request register (客人需求): service
// requests, inquiries and complaints from the moment the guest asks until
// the guest confirms the result, with dispatch, follow-up, escalation and
// compensation.
//
// Files, as in every register: doc.go (this), register.go (the register
// type on the core service), module.go (what it adds to the handover and
// the demo), the entity file named after the register (state, event types
// and bodies), fold.go, commands.go, queries.go, demo.go, and a file per
// further topic.
package requests
