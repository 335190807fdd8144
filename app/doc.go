// Package app is the core of FloorDesk's domain: what every register
// shares. It holds the Store interface and the Service on it (clock, IDs,
// the lock every register's commands take, Emit and Authorize), the fold
// registry and FoldWith, refusals and their messages, staff and PINs, the
// hotel set-up (rooms, desks, departments, item types), conflicts, the
// store indexes (Index), and Module, through which each register (the
// packages under app/: keys, loans, found, requests, handover) adds its
// kinds, handover rows and demo history. Commands validate their input,
// check the actor's role and append events; queries answer from folded
// views. It imports neither Fyne nor Badger nor net/http, and links only
// data/wire of the store (app/deps_test.go).
package app
