package server

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"floordesk/data/wire"
)

// checkClocks refuses a push with an event whose clock is more than
// wire.MaxClockAhead ahead of the server's (a desk PC whose date is
// wrong). Stored, such an event would sort after every other desk's
// events for as long as the PC's date was wrong, deciding the state of its
// entity at every desk. The whole push is refused with 422, the server's
// time in the answer; the desk keeps its events and, once its clock is
// right, stamps them again and sends them.
func checkClocks(evs []Pushed, now time.Time) *pushError {
	limit := now.Add(wire.MaxClockAhead).UnixMilli()
	for i, p := range evs {
		if p.Event.HLC.Millis() <= limit {
			continue
		}
		field := "events[" + strconv.Itoa(i) + "]"
		return &pushError{http.StatusUnprocessableEntity, wire.ErrorBody{
			Code: wire.ErrCodeClockAhead, Field: field + ".hlc", Event: p.Event.ID, ServerTime: now.UTC(),
			Message: fmt.Sprintf("%s: its clock reads %s, more than %v ahead of the server's (%s): set the desk PC's date and time right (event %s)",
				field, p.Event.HLC.Time().UTC().Format(time.RFC3339), wire.MaxClockAhead, now.UTC().Format(time.RFC3339), p.Event.ID),
		}}
	}
	return nil
}
