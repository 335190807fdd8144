package main

import (
	"encoding/json"
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"time"

	"fyne.io/fyne/v2"
)

// benchReadyEnv names a file the desk writes when its screens first show a
// signed-in person's data, for `make bench` (cmd/floordesk-bench), which
// times the start from outside and reads the Go heap from the file.
const benchReadyEnv = "FLOORDESK_BENCH_READY"

// startProfileEnv names a file prefix: with benchReadyEnv set too, the desk
// profiles its processor (PREFIX.cpu.pprof) and traces its goroutines
// (PREFIX.trace) from main's start to the report, to explain a start-up
// figure (`go tool pprof`, `go tool trace`). Development only.
const startProfileEnv = "FLOORDESK_START_PROFILE"

// stopStartProfile ends the start-up profile; nil when none runs.
var stopStartProfile func()

// profileStart starts the start-up profile when startProfileEnv names a
// prefix and the bench report is asked for.
func profileStart() {
	prefix := os.Getenv(startProfileEnv)
	if prefix == "" || os.Getenv(benchReadyEnv) == "" {
		return
	}
	cpu, err := os.Create(prefix + ".cpu.pprof")
	if err != nil {
		return
	}
	tr, err := os.Create(prefix + ".trace")
	if err != nil {
		cpu.Close()
		return
	}
	if pprof.StartCPUProfile(cpu) != nil || trace.Start(tr) != nil {
		cpu.Close()
		tr.Close()
		return
	}
	stopStartProfile = func() {
		pprof.StopCPUProfile()
		trace.Stop()
		cpu.Close()
		tr.Close()
	}
}

// started is when the process began running Go code.
var started = time.Now()

// benchReport is what the desk writes to the bench file.
type benchReport struct {
	ReadyMS   float64 `json:"ready_ms"`   // since main started
	HeapBytes uint64  `json:"heap_bytes"` // live heap after a collection
}

// benchReady returns the shell's Ready hook writing the report to path
// once the frame after the first refresh is drawn; nil without a path.
func benchReady(path string) func() {
	if path == "" {
		return nil
	}
	return func() {
		ready := time.Since(started)
		if stopStartProfile != nil {
			stopStartProfile()
			stopStartProfile = nil
		}
		go fyne.Do(func() { // after the frame the refresh asked for
			go writeBenchReport(path, ready)
			go profileIdle(path + ".cpu.pprof")
		})
	}
}

func writeBenchReport(path string, ready time.Duration) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	writeHeapProfile(path + ".heap.pprof")
	b, _ := json.Marshal(benchReport{ReadyMS: float64(ready.Microseconds()) / 1000, HeapBytes: m.HeapAlloc})
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		slog.Error("bench report", "err", err)
		return
	}
	if err := os.Rename(tmp, path); err != nil {
		slog.Error("bench report", "err", err)
	}
}

// writeHeapProfile leaves a heap profile beside the report, for `go tool
// pprof` when a figure needs explaining.
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		slog.Error("heap profile", "err", err)
	}
}

// idleProfiled is how long after its start the idle desk's processor use
// is profiled, beside the report, for a figure that needs explaining.
const idleProfiled = 30 * time.Second

func profileIdle(path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	time.Sleep(5 * time.Second)
	if err := pprof.StartCPUProfile(f); err != nil {
		return
	}
	time.Sleep(idleProfiled)
	pprof.StopCPUProfile()
}
