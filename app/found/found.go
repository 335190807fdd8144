package found

import (
	"time"

	"floordesk/app"
	"floordesk/app/personal"
)

// Lost and found (失物招领): found items from intake through custody to a
// claim or a disposal. An item's entity ID is its printable tag.

const KindFound = "found"

// Found-item event types.
const (
	TypeFoundLogged      = "found.logged"
	TypeFoundTransferred = "found.transferred"
	TypeFoundClaimed     = "found.claimed"
	TypeFoundDisposed    = "found.disposed"
	// TypeFoundToPolice hands the item to the police on a hand-over list
	// (police.go). Versioned: an older desk folds it as nothing.
	TypeFoundToPolice = "found.police.v1"
)

// FoundStatus is where a found item stands.
type FoundStatus string

// Found-item statuses.
const (
	FoundHeld     FoundStatus = "held"
	FoundClaimed  FoundStatus = "claimed"
	FoundDisposed FoundStatus = "disposed"
)

// FoundItem is a found item's view.
type FoundItem struct {
	app.Meta    `json:"meta"`
	Tag         string       `json:"tag"`
	FoundAt     time.Time    `json:"found_at"`
	Place       string       `json:"place"`
	Room        bool         `json:"room,omitempty"` // Place is a room number
	Finder      string       `json:"finder"`
	Category    app.Category `json:"category"`
	Description string       `json:"description"`
	Valuable    bool         `json:"valuable,omitempty"`
	Witness     string       `json:"witness,omitempty"`
	Storage     string       `json:"storage"`
	InSafe      bool         `json:"in_safe,omitempty"`
	Dangerous   bool         `json:"dangerous,omitempty"`
	Police      bool         `json:"police,omitempty"` // report to the police at once
	HoldUntil   time.Time    `json:"hold_until"`
	Desk        string       `json:"desk"`
	LoggedBy    string       `json:"logged_by"`
	LoggedAt    time.Time    `json:"logged_at"`
	Status      FoundStatus  `json:"status"`
	Custody     []Custody    `json:"custody"`
	// Handover is the police hand-over list the item went on, if it did.
	Handover *PoliceHandover `json:"police_handover,omitempty"`
	Claims   []Claim         `json:"claims,omitempty"` // two only after a conflict
	Disposal *Disposal       `json:"disposal,omitempty"`
	// Personal is the claimants' data's keys, and its removal.
	Personal personal.State `json:"personal,omitzero"`
}

// Custody is one link of the custody chain: where the item was put, by whom.
type Custody struct {
	At       time.Time `json:"at"`
	By       string    `json:"by"`
	Location string    `json:"location"`
	InSafe   bool      `json:"in_safe,omitempty"`
	Note     string    `json:"note,omitempty"`
	// Police is the hand-over list's ID when this link is the item handed
	// to the police (Location the unit, Note the officer, By who handed
	// it over).
	Police string `json:"police,omitempty"`
}

// Claim is a hand-over to the owner, in person or shipped.
type Claim struct {
	Claimant    string    `json:"claimant"`
	Contact     string    `json:"contact"`
	IDType      string    `json:"id_type"`
	IDLast4     string    `json:"id_last4"`
	Description string    `json:"description"` // the claimant's own, before hand-over
	ReturnedBy  string    `json:"returned_by"`
	Carrier     string    `json:"carrier,omitempty"`
	Tracking    string    `json:"tracking,omitempty"`
	Report      string    `json:"report,omitempty"`
	At          time.Time `json:"at"`
	Desk        string    `json:"desk"`
}

// Shipped reports whether the item was sent rather than handed over.
func (c Claim) Shipped() bool { return c.Carrier != "" }

// Disposal ends the holding of an unclaimed item.
type Disposal struct {
	Method string    `json:"method"`
	Reason string    `json:"reason,omitempty"`
	Early  bool      `json:"early,omitempty"` // before the holding period ended
	By     string    `json:"by"`
	At     time.Time `json:"at"`
	// Handover is the police hand-over list's ID for a disposal to the
	// police on one (police.go).
	Handover string `json:"handover,omitempty"`
}

// Location is the item's current storage place.
func (f *FoundItem) Location() Custody {
	if len(f.Custody) == 0 {
		return Custody{}
	}
	return f.Custody[len(f.Custody)-1]
}
