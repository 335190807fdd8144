package requests

import (
	"fmt"

	"floordesk/app"
	"floordesk/app/personal"
	"floordesk/data/wire"
)

// A request's guest name and contact are sealed under a key of the
// request's own and removed after the hotel's retention once it is
// confirmed or cancelled, or a wake-up call made (app/personal); the room,
// the description and the handling stay. Each occurrence of a scheduled
// request (schedule.go) is sealed and purged on its own.
var personalFields = []string{"guest", "contact"}

func init() { personal.Register(KindRequest, describeRequest, personalFields...) }

// openSealed appends a request's opening with its guest's data sealed,
// and returns the request.
func (s *RequestRegister) openSealed(actor app.Staff, id string, body RequestOpened) (Request, error) {
	evs, err := personal.SealedEvent(s.Service, actor.ID, app.Ref(KindRequest, id), TypeRequestOpened, body, personalFields...)
	if err != nil {
		return Request{}, err
	}
	if _, err := s.Store().AppendAll(evs); err != nil {
		return Request{}, fmt.Errorf("save %s: %w", TypeRequestOpened, app.StoreRefusal(err))
	}
	return app.LoadView[Request](s.Service, KindRequest, id)
}

func purgeRequest(r *Request, ev wire.Event) error {
	r.Guest, r.Contact = "", ""
	return r.Personal.Purge(ev)
}

func describeRequest(r *Request) personal.Record {
	rec := personal.Record{State: r.Personal, Holds: r.Guest != "" || r.Contact != "",
		Names: []string{r.Guest}, Phones: []string{r.Contact}, Rooms: []string{r.Room},
		Summary: r.Description}
	switch {
	case !r.Finished():
	case r.Confirmation != nil:
		rec.Closed = r.Confirmation.At
	case r.Cancellation != nil:
		rec.Closed = r.Cancellation.At
	case r.Resolution != nil: // a wake-up call closes when it is made (applyRequestCalled)
		rec.Closed = r.Resolution.At
	}
	return rec
}
