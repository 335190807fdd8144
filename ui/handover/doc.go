// Package handover is the shift handover screen (交接班): the shift's
// handover prepared from live data (unfinished guest requests, keys out,
// loans due, found items awaiting claim, the key count), free notes, the
// outgoing and then the incoming attendant signing with their PIN, and the
// list of earlier handovers. A handover signed by both is read-only.
//
// It imports ui/kit and app, never another screen package.
package handover
