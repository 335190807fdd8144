package personal

import (
	"slices"
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// TypePurged is the event on a record that removes its personal fields
// from every desk's view (Purged). Versioned: an older desk folds it as
// nothing.
const TypePurged = "personal.purged.v1"

// Why a record's personal data was removed.
const (
	ReasonRetention = "retention" // closed longer than the hotel's retention
	ReasonRequest   = "request"   // the guest asked (DeleteGuest)
)

// Purged is TypePurged's body, and what a view keeps of it: why, after how
// many days of retention, and when.
type Purged struct {
	Reason string    `json:"reason"`
	Days   int       `json:"days,omitempty"`
	At     time.Time `json:"at"`
}

// State is what a record's view keeps about its personal data: the keys
// its fields were sealed with, and the purge that removed them. A view
// embeds it under "personal".
type State struct {
	Keys    []string `json:"keys,omitempty"`
	Removed *Purged  `json:"removed,omitempty"`
}

// Note records what DecodeBody found of one event's fields.
func (st *State) Note(o Opened) {
	// A key not found (Gone) marks nothing: it may be destroyed, its
	// purge folded next, or not yet readable; only the purge says removed.
	if o.Key != "" && !slices.Contains(st.Keys, o.Key) {
		st.Keys = append(st.Keys, o.Key)
	}
}

// Purge folds a TypePurged event: the register has cleared its fields.
func (st *State) Purge(ev wire.Event) error {
	b, err := app.DecodeBody[Purged](ev)
	st.Removed = &b
	return err
}
