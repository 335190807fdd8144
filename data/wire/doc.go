// Package wire is FloorDesk's shared vocabulary: the event envelope
// (Event, EntityRef), the hybrid logical clock's reading and its text form
// (Timestamp), and the sync protocol's push and pull messages with their
// one-pass decoders. It imports only the standard library, so the domain
// registers and the server speak it without linking the desk's store,
// Badger or HTTP (as syncthing's lib/protocol).
package wire
