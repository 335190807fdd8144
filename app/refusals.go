package app

import (
	"errors"

	"floordesk/data/wire"
)

func init() {
	RegisterMessages(map[string]string{
		"record.too_large":      "This record is too large to save — shorten the longest text or list in it and try again; if it keeps happening, tell IT.",
		"record.bad_characters": "This record contains characters that cannot be saved, such as a tab or a line break in a number or code — remove them and try again.",
		"disk.full":             "The disk is full — nothing was saved; free space or call IT.",
	})
}

// StoreRefusal turns a store error a user can act on into a *Refusal: an
// event over the limits every desk and the server keep (wire.ErrLimit, as
// ErrInvalid), or a full disk (ErrDiskFull). Any other error is returned
// as it is. Commands that save through the store directly pass its errors
// through this, as Emit does.
func StoreRefusal(err error) error {
	if errors.Is(err, ErrDiskFull) {
		return Refuse(ErrDiskFull, "", "disk.full", nil)
	}
	if !errors.Is(err, wire.ErrLimit) {
		return err
	}
	var le *wire.LimitError
	if errors.As(err, &le) {
		return Refuse(ErrInvalid, "", "record.too_large", []string{"part", le.Field})
	}
	var ee *wire.EnvelopeError
	if errors.As(err, &ee) {
		return Refuse(ErrInvalid, "", "record.bad_characters", []string{"part", ee.Field})
	}
	return Refuse(ErrInvalid, "", "record.too_large", nil)
}
