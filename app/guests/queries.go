package guests

import (
	"cmp"
	"errors"
	"slices"

	"floordesk/app"
)

// Guests returns the in-house list as last imported; an empty list
// before the first import.
func (s *GuestRegister) Guests() (List, error) {
	l, err := app.LoadView[List](s.Service, KindGuests, ListID)
	if errors.Is(err, app.ErrNotFound) {
		return List{}, nil
	}
	return l, err
}

// Departing lists the guests leaving on day (DateLayout), by room.
func Departing(guests []Guest, day string) []Guest {
	var out []Guest
	for _, g := range guests {
		if g.Departure == day {
			out = append(out, g)
		}
	}
	slices.SortStableFunc(out, func(a, b Guest) int { return cmp.Compare(a.Room, b.Room) })
	return out
}
