// Package soak is FloorDesk's soak test: many real desks (data.Store in
// temporary folders, each with its data.SyncClient) push and pull on
// loopback through the real sync server on a Badger store, while the
// server is killed and started again on the same folder and one desk
// sends malformed and oversized events. Afterwards no acknowledged event
// is lost or stored twice, every desk holds the same events and the same
// views, the process's memory and goroutines are back where they were,
// and the bad desk's refusals showed in its sync status.
//
// The package has no code outside its tests. `go test ./soak` runs a short
// soak (a few seconds, as part of `make test`); `make soak` runs a long one
// and prints its figures:
//
//	go test -tags migrated_fynedo ./soak -run TestSoak -v -soak.duration 5m -soak.desks 16
//
// TestSoakKill kills the server process with SIGKILL while desks push
// (-soak.kills times) and starts it again: nothing it acknowledged is lost.
//
// As root, TestSoakDiskFull also fills the server's disk while desks push,
// then frees it: the server runs in a child process on a tmpfs the test
// mounts (640 MB: the server keeps 384 MB free). The server must stay up,
// refusing pushes with 507 while the disk is full, and once it is freed
// every desk's events must arrive, none acknowledged lost or stored twice.
// It is skipped when the test cannot mount a tmpfs (not root);
// -soak.diskfull=false turns it off.
package soak
