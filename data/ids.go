package data

import (
	"crypto/rand"
	"encoding/hex"

	"github.com/google/uuid"
)

// NewEventID returns a fresh UUIDv7 in canonical lowercase form. UUIDv7s
// begin with the creation time, so IDs made on one desk sort roughly in
// creation order.
func NewEventID() string {
	id, err := uuid.NewV7()
	if err != nil {
		// uuid.NewV7 fails only when the system's random source fails,
		// and then nothing else on the desk can work either.
		panic("data: no randomness for event IDs: " + err.Error())
	}
	return id.String()
}

// newDeskID makes a short random desk ID for a store opened without one.
func newDeskID() string {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("data: no randomness for a desk ID: " + err.Error())
	}
	return "desk-" + hex.EncodeToString(b[:])
}
