package data

import "floordesk/data/seal"

// ErrWrongKey: a backup or data folder made with another key than the
// one given. ErrNoKey: a sealed backup and no key. Their errors name the
// key that is wanted.
var (
	ErrWrongKey = seal.ErrWrongKey
	ErrNoKey    = seal.ErrNoKey
)
