package requests

import (
	"floordesk/app"
	"floordesk/data/wire"
)

// roomIndexName files requests by room, so a room's requests (the guest
// at the desk asks what became of them) read that room's and not every
// request.
const roomIndexName = "requests.room"

func init() {
	app.RegisterIndex(KindRequest, func(r *Request) []wire.IndexEntry {
		if r.Room == "" {
			return nil
		}
		return []wire.IndexEntry{{Name: roomIndexName, Key: []byte(r.Room)}}
	})
	app.RegisterIndexVersion(KindRequest, "5") // 2: complaints by room and guest (complaint_repeat.go); 3: filed for the personal-data housekeeping; 4: wake-up calls filed closed when made; 5: the word index (search.go)
}
