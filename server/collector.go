package server

import (
	"fmt"
	"runtime/debug"
)

// The server's live heap is small (some megabytes beside the answers
// being written), and Go's collector runs each time the heap doubles
// from it: about thirty collections for every 10,000 events pushed and
// pulled, a fifth of the server's processor time (docs/SERVER.md,
// Processor time per event). A server has memory to spare, so it lets
// the heap grow to five times the live heap (GOGC=400) within a soft
// limit (GOMEMLIMIT) past which the collector runs as often as it must.
// Either environment variable, when set, wins.
const (
	ServerGCPercent   = 400
	ServerMemoryLimit = 1 << 30
)

// TuneCollector applies the server's collector settings, each unless
// getenv gives its environment variable, and returns what it did, in
// words for the log, and a function that puts back what was there.
func TuneCollector(getenv func(string) string) (said string, restore func()) {
	percent, limit := "GOGC from the environment", "GOMEMLIMIT from the environment"
	var undo []func()
	if getenv("GOGC") == "" {
		old := debug.SetGCPercent(ServerGCPercent)
		undo = append(undo, func() { debug.SetGCPercent(old) })
		percent = fmt.Sprintf("GOGC=%d", ServerGCPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(ServerMemoryLimit)
		undo = append(undo, func() { debug.SetMemoryLimit(old) })
		limit = fmt.Sprintf("GOMEMLIMIT=%dMiB", ServerMemoryLimit>>20)
	}
	return percent + ", " + limit, func() {
		for _, u := range undo {
			u()
		}
	}
}
