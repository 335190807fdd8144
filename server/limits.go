package server

import (
	"errors"
	"fmt"
	"net/http"
	"unicode/utf8"

	"floordesk/data/wire"
)

// checkLimits holds a pushed event to the limits every desk keeps (see
// wire.CheckLimits): a field too big is refused with 413, bad characters
// or an encoding that is not UTF-8 with 400, both naming the event and the field. Desks check the same
// limits before saving, so only a buggy, old or hostile desk meets this.
func checkLimits(field string, ev wire.Event, compact []byte) *pushError {
	if !utf8.Valid(compact) {
		// The decoder reads bytes that are not UTF-8 as U+FFFD: only
		// the encoding still shows them.
		return badPush(field, field+": must be valid UTF-8").naming(ev.ID)
	}
	err := ev.CheckLimits()
	if err == nil {
		err = wire.CheckEncodedSize(len(compact))
	}
	if err == nil {
		return nil
	}
	var le *wire.LimitError
	if errors.As(err, &le) {
		return (&pushError{http.StatusRequestEntityTooLarge, wire.ErrorBody{
			Code: wire.ErrCodeTooLarge, Field: field + "." + le.Field,
			Message: fmt.Sprintf("%s: %s is %d bytes, at most %d allowed", field, le.Field, le.Size, le.Max),
		}}).naming(ev.ID)
	}
	var ee *wire.EnvelopeError
	if errors.As(err, &ee) {
		return badPush(field+"."+ee.Field, fmt.Sprintf("%s: %s %s", field, ee.Field, ee.Problem)).naming(ev.ID)
	}
	return badPush(field, field+": "+err.Error()).naming(ev.ID)
}

// naming adds the ID of the event refused, when it has one, to the
// answer: the desk's IT person finds the event by it.
func (e *pushError) naming(id string) *pushError {
	if id != "" {
		e.body.Event = id
		e.body.Message += " (event " + id + ")"
	}
	return e
}

// MinPushBodyBytes is the smallest push body limit (Config.MaxBodyBytes)
// a server may be given: a push must hold one event of the largest size
// allowed, or the desk that made it could never send it nor anything
// after it.
const MinPushBodyBytes = wire.MaxEventBytes + 4<<10
