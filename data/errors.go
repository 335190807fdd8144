package data

import (
	"errors"

	"floordesk/data/backupfmt"
	"floordesk/data/wire"
)

// Errors returned by the store. Badger's own errors never leave this
// package: they are translated into these, or wrapped with the operation.
var (
	// ErrNotFound: no event, entity view or metadata under that key.
	ErrNotFound = wire.ErrNotFound
	// ErrAlreadyRunning: another FloorDesk process has the store open.
	ErrAlreadyRunning = errors.New("FloorDesk is already running on this desk")
	// ErrClosed: the store was closed.
	ErrClosed = errors.New("store closed")
	// ErrNotEmpty: a restore was asked into a folder that already holds data.
	ErrNotEmpty = backupfmt.ErrNotEmpty
	// ErrBadBackup: the file is not a FloorDesk backup, or it is damaged.
	ErrBadBackup = backupfmt.ErrBadBackup
)
