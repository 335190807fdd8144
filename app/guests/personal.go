package guests

import (
	"encoding/json"

	"floordesk/app/personal"
	"floordesk/data/wire"
)

// Each imported list is sealed whole under a key of its own; once a list
// has been replaced by a newer import for longer than the hotel's
// retention, its key is destroyed (app/personal), and with it the names of
// the guests who have left. The current list stays readable.
func init() { personal.Register(KindGuests, readList) }

func readList(ref wire.EntityRef, b []byte) (personal.Record, error) {
	var l List
	if err := json.Unmarshal(b, &l); err != nil {
		return personal.Record{}, err
	}
	return personal.Record{Ref: ref, Retired: l.Keys}, nil
}
