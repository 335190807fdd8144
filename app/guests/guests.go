package guests

import (
	"time"

	"floordesk/app"
	"floordesk/app/personal"
)

// KindGuests is the entity kind of the in-house guest list; the hotel
// has one, ListID.
const (
	KindGuests = "guests"
	ListID     = "inhouse"
)

// TypeGuestsImported replaces the whole list.
const TypeGuestsImported = "guests.imported"

// MaxGuests is the most guests a list may hold: a 1,000-room hotel full
// with several guests a room, and one event the sync carries whole
// (wire.MaxBodyBytes).
const MaxGuests = 5000

// MaxNameRunes is the longest guest name kept; a longer one is cut.
const MaxNameRunes = 40

// Guest is one in-house guest as the PMS lists them. Dates are the
// hotel's calendar dates, 2006-01-02. The JSON names are short: a list
// of MaxGuests is one event.
type Guest struct {
	Room      string `json:"r"`
	Name      string `json:"n,omitempty"`
	Arrival   string `json:"a,omitempty"`
	Departure string `json:"d"`
	VIP       bool   `json:"v,omitempty"`
}

// List is the in-house guest list as last imported.
type List struct {
	app.Meta `json:"meta"`
	File     string    `json:"file,omitempty"` // the file's name
	Guests   []Guest   `json:"guests"`
	Imported time.Time `json:"imported,omitzero"`
	By       string    `json:"by,omitempty"`
	// Keys are the keys each imported list was sealed with, until the
	// housekeeping destroys those of lists replaced longer than the
	// retention (app/personal).
	Keys []personal.KeyUse `json:"keys,omitempty"`
}

// Imported is the body of guests.imported: the whole list.
type Imported struct {
	File   string    `json:"file,omitempty"`
	At     time.Time `json:"at"`
	Guests []Guest   `json:"guests"`
}

// DateLayout is how a Guest's dates are written.
const DateLayout = "2006-01-02"

// Day is t's date in loc as a Guest's dates are written.
func Day(t time.Time, loc *time.Location) string { return t.In(loc).Format(DateLayout) }
