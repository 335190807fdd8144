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
// With -soak.diskfull (as root) TestSoakDiskFull also fills the server's
// disk while desks push, then frees it: the server runs in a child process
// on a tmpfs the test mounts. It is off by default because today the
// server dies on a full disk (Badger takes a SIGBUS writing its
// memory-mapped write-ahead log); the test reports that, and checks that
// once the disk is freed and the server started again nothing acknowledged
// was lost.
package soak
