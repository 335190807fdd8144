package data

import (
	"encoding/json"
	"errors"
	"net/http"

	"floordesk/data/wire"
)

// defaultPushBudget bounds the bytes of events in one push: the server's
// default push limit, less room for the request around them. Counting
// events alone, a batch of big events (each within the limits) would be
// refused as too large at every try, and nothing after it would ever go.
const defaultPushBudget = wire.DefaultMaxBodyBytes - 64<<10

func encodeAll(evs []wire.Event) ([]json.RawMessage, error) {
	raws := make([]json.RawMessage, len(evs))
	for i, ev := range evs {
		raw, err := ev.Encode()
		if err != nil {
			return nil, err
		}
		raws[i] = raw
	}
	return raws, nil
}

// fitPush is how many of raws go in one push: as many as fit budget
// bytes (with a comma each), and at least one.
func fitPush(raws []json.RawMessage, budget int) int {
	size := 0
	for i, raw := range raws {
		size += len(raw) + 1
		if i > 0 && size > budget {
			return i
		}
	}
	return len(raws)
}

// batchTooLarge reports whether the server refused a push as too large as
// a whole (a server with a smaller push limit), not for one event in it.
func batchTooLarge(err error) bool {
	var se *ServerError
	return errors.As(err, &se) && se.Status == http.StatusRequestEntityTooLarge && se.Body.Event == ""
}
