package wire

import "errors"

// ErrNotFound is what a store answers for an event or entity view it does
// not hold. It lives here, beside the envelope, so the domain can test for
// it without linking the store.
var ErrNotFound = errors.New("not found")
