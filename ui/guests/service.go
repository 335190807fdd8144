package guests

import (
	"io"

	"floordesk/app"
	appfound "floordesk/app/found"
	appguests "floordesk/app/guests"
	apploans "floordesk/app/loans"
	apprequests "floordesk/app/requests"
)

// Service is what the guests screen needs of its register.
type Service interface {
	Guests() (appguests.List, error)
	PreviewGuests(actorID, file string, r io.Reader) (appguests.Preview, error)
	ConfirmGuests(actorID string, p appguests.Preview) (appguests.List, error)
	GuestColumns(actorID string, r io.Reader) (app.ColumnSample, error)
	PreviewGuestsMapped(actorID, file string, r io.Reader, m appguests.Mapping) (appguests.Preview, error)
}

var _ Service = (*appguests.GuestRegister)(nil)

// Collect is what the departures read of the other registers: what a
// room leaving has to give back or pick up. main gives the registers.
type Collect struct {
	Loans interface {
		OpenLoansForRooms(rooms []string) ([]apploans.Loan, error)
		ItemTypes() ([]app.ItemType, error)
	}
	Requests interface {
		OpenRequests(desk string) ([]apprequests.RequestRow, error)
	}
	Found interface {
		AwaitingClaim() ([]appfound.FoundItem, error)
	}
}
