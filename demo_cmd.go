package main

import (
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"strconv"
	"time"

	"floordesk/app"
	appdemo "floordesk/app/demo"
	"floordesk/data"
)

// maxDemoSize is the most records of history the demo command makes:
// about ten years of a 300-room hotel, beyond the 700,000 the benchmarks
// use.
const maxDemoSize = 1_000_000

// demoMemoryLimit is the heap the demo command asks the Go runtime to keep
// under, unless GOMEMLIMIT says otherwise: Badger's table builders make
// buffers of tens of megabytes that live for a moment, and the collector
// would otherwise let them pile up to twice what is live.
const demoMemoryLimit = 320 << 20

// demoCommand makes a demo hotel in a new data folder without a window,
// for benchmarks, tests and an IT person trying the desk, with a progress
// line on the terminal.
func demoCommand(args []string) int {
	fs, dir := newFlags("floordesk demo")
	size := fs.Int("size", 2000, "records of history")
	seed := fs.Uint64("seed", 1, "the same seed makes the same hotel")
	if _, code, ok := parse(fs, args, 0); !ok {
		return code
	}
	if !demoSizeOK(*size) {
		say(os.Stderr, "cli.demo_size", map[string]string{"Max": strconv.Itoa(maxDemoSize)})
		return exitUsage
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(demoMemoryLimit)
	}
	key, err := folderKey(*dir, keyFileFlag(fs))
	if err != nil {
		return openFailed(*dir, err, "cli.already_running")
	}
	st, err := data.Open(data.Options{Dir: *dir, Fold: app.Fold, FoldMany: app.FoldMany, Index: app.Index, IndexVersion: app.IndexVersion,
		GCInterval: -1, Bulk: true, Key: key})
	if err != nil {
		return openFailed(*dir, err, "cli.already_running")
	}
	defer st.Close()
	start, made := time.Now(), 0
	progress := func(done, total int) {
		made = done
		say(os.Stdout, "cli.demo_progress", map[string]string{"Done": strconv.Itoa(done), "Total": strconv.Itoa(total)})
	}
	code := fillDemo(st, app.New(st, nil), appdemo.DemoOptions{Seed: *seed, Size: *size, Progress: progress})
	if code == exitOK {
		if err := st.Sync(); err != nil {
			slog.Error("sync store", "err", err)
			code = exitFailed
		}
	}
	if err := st.Close(); err != nil { // merges what the load left in level 0
		slog.Error("close store", "err", err)
		return exitFailed
	}
	if code == exitOK {
		say(os.Stdout, "cli.demo_done", map[string]string{"Dir": *dir, "Total": strconv.Itoa(made),
			"Seconds": fmt.Sprintf("%.1f", time.Since(start).Seconds())})
	}
	return code
}

// demoSizeOK reports whether the demo command makes a hotel of n records.
func demoSizeOK(n int) bool { return n >= 1 && n <= maxDemoSize }
