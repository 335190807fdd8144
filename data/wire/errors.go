package wire

import "errors"

// ErrNotFound is what a store answers for an event or entity view it does
// not hold. It lives here, beside the envelope, so the domain can test for
// it without linking the store.
var ErrNotFound = errors.New("not found")

// ErrDiskFull is what a store answers when its disk has too little room
// left to save: nothing was saved, and what was saved before stays
// readable. The desk's store and the server's stores use it, and the
// domain tests for it to say so to the user.
var ErrDiskFull = errors.New("disk full")
