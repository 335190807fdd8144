package data

import (
	"errors"
	"net/http"
	"slices"

	"floordesk/data/wire"
)

// refusedForGood tells whether the server refused one event of batch for
// good (it breaks a limit the server keeps, or the server holds another
// event with its ID): pushing it again can never work, so it is set aside
// and the events after it go. It returns the event's ID and the server's
// words. A refusal that names no event names the batch's only one; for a
// bigger batch it is not for good (the pusher tries the events one by one
// to find the one).
func refusedForGood(err error, batch []wire.Event) (id, reason string, ok bool) {
	var se *ServerError
	if !errors.As(err, &se) || !permanentRefusal(se) {
		return "", "", false
	}
	id = se.Body.Event
	if id == "" && len(batch) == 1 {
		id = batch[0].ID
	}
	if !slices.ContainsFunc(batch, func(ev wire.Event) bool { return ev.ID == id }) {
		return "", "", false
	}
	_, words := plainError(err)
	if se.Body.Message != "" && se.Body.Code != wire.ErrCodeConflict {
		words += " (" + se.Body.Message + ")"
	}
	return id, words, true
}

// refusedUnnamed tells whether the server refused a batch for one of its
// events without naming it.
func refusedUnnamed(err error) bool {
	var se *ServerError
	return errors.As(err, &se) && permanentRefusal(se) && se.Body.Event == ""
}

// permanentRefusal: the refusals of an event's content, which no retry
// changes. A malformed request as a whole (bad_request) is this desk's
// bug, not one event's, and sets nothing aside.
func permanentRefusal(se *ServerError) bool {
	switch se.Body.Code {
	case wire.ErrCodeInvalidEvent, wire.ErrCodeTooLarge, wire.ErrCodeConflict, wire.ErrCodeBadSignature, wire.ErrCodeChainBroken:
		return true
	}
	return se.Status == http.StatusRequestEntityTooLarge
}

// setAside sets an event the server refused for good aside, so the rest
// of the outbox goes; the status keeps the count for IT.
func (c *SyncClient) setAside(id, reason string) error {
	if err := c.store.SetAside(id, reason); err != nil {
		return err
	}
	c.log.Warn("the server refuses an event for good: set aside for IT", "event", id, "reason", reason)
	c.refreshPending()
	return nil
}
