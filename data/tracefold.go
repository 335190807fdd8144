package data

import (
	"encoding/json"

	"floordesk/data/wire"
)

// TraceFold is a FoldFunc for tests and tools that know no domain: the view
// is the JSON list of the entity's event types and IDs in fold order, so
// two stores agree on a view only when they folded the same events in the
// same order.
func TraceFold(_ wire.EntityRef, state []byte, ev wire.Event) ([]byte, error) {
	var trace []string
	if state != nil {
		if err := json.Unmarshal(state, &trace); err != nil {
			return nil, err
		}
	}
	return json.Marshal(append(trace, ev.Type+" "+ev.ID))
}
