package data

import (
	"encoding/json"

	"floordesk/data/wire"
)

// checkLimits holds a new local event to the limits the server checks at
// push, so the desk never makes an event the server would refuse and keep
// in its outbox for ever. The body is first put in the form the event is
// encoded and sent in (compact, with <, > and & escaped), so its size is
// the size the server sees.
func checkLimits(ev *wire.Event) error {
	if len(ev.Body) > 0 {
		body, err := json.Marshal(ev.Body)
		if err != nil {
			return &wire.EnvelopeError{Field: "body", Problem: "must be JSON"}
		}
		ev.Body = body
	}
	return ev.CheckLimits()
}
