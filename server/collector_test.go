package server_test

import (
	"runtime/debug"
	"testing"

	"floordesk/server"
)

// gcPercent reads the collector's GOGC (setting it back at once).
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestTuneCollectorSetsTheServersSettingsAndPutsThemBack(t *testing.T) {
	before, beforeLimit := gcPercent(), debug.SetMemoryLimit(-1)
	said, restore := server.TuneCollector(func(string) string { return "" })
	if got := gcPercent(); got != server.ServerGCPercent {
		t.Errorf("GOGC = %d, want %d", got, server.ServerGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != server.ServerMemoryLimit {
		t.Errorf("memory limit = %d, want %d", got, server.ServerMemoryLimit)
	}
	if said != "GOGC=400, GOMEMLIMIT=1024MiB" {
		t.Errorf("said %q", said)
	}
	restore()
	if gcPercent() != before || debug.SetMemoryLimit(-1) != beforeLimit {
		t.Error("the settings before were not put back")
	}
}

func TestTuneCollectorLeavesWhatTheEnvironmentSets(t *testing.T) {
	before, beforeLimit := gcPercent(), debug.SetMemoryLimit(-1)
	env := map[string]string{"GOGC": "150", "GOMEMLIMIT": "300MiB"}
	said, restore := server.TuneCollector(func(k string) string { return env[k] })
	defer restore()
	if gcPercent() != before || debug.SetMemoryLimit(-1) != beforeLimit {
		t.Error("the collector was changed though the environment set it")
	}
	if said != "GOGC from the environment, GOMEMLIMIT from the environment" {
		t.Errorf("said %q", said)
	}
}
