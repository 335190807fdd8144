// Package app is FloorDesk's domain: the desk's four registers (guest
// requests, item loans, keys, lost and found), shift handover, staff and
// roles. Commands validate their input, check the actor's role and append
// one event; queries answer from folded views. It imports neither Fyne nor
// Badger nor net/http.
package app
