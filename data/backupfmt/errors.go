// Package backupfmt is what a FloorDesk backup file and a data folder look
// like, shared by the desk's store (package data) and the server's
// embedded store: the frame around a backup stream (a header line, the
// stream, a trailer with its length and SHA-256), and the folder checks a
// restore makes. It imports only the standard library, so the server links
// it without the desk's store.
package backupfmt

import "errors"

var (
	// ErrNotEmpty: a restore was asked into a folder that already holds data.
	ErrNotEmpty = errors.New("data folder is not empty")
	// ErrBadBackup: the file is not a FloorDesk backup, or it is damaged.
	ErrBadBackup = errors.New("not a FloorDesk backup file")
)
