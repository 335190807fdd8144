//go:build !gles && !arm && !arm64 && !wasm

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A desk started on a demo hotel, on a virtual screen, opens its store
// while it checks the screen, shows the signed-in supervisor's dashboard
// (the bench report is written only once it is drawn), and, asked to stop
// as a shutdown asks, closes its store so the folder opens again. Needs
// Xvfb (scripts/setup-deps.sh).
func TestDeskStartsToItsDashboard(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "desk")
	floordesk(t, "demo", "--data", dir, "--size", "50").wantCode(t, exitOK)
	display := startXvfb(t)
	report := filepath.Join(t.TempDir(), "ready.json")
	home := t.TempDir()
	cmd := exec.Command(os.Args[0], "--data", dir, "--signed-in", "S01", "--lang", "zh",
		"--backups", filepath.Join(t.TempDir(), "backups"))
	cmd.Env = append(withoutDisplay(os.Environ()), "DISPLAY="+display, "LIBGL_ALWAYS_SOFTWARE=1",
		childEnv+"=1", benchReadyEnv+"="+report, "HOME="+home, "XDG_CONFIG_HOME="+home, "AppData="+home)
	logf, err := os.Create(filepath.Join(t.TempDir(), "desk.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill() })

	got := waitDashboard(t, report, exited, logf.Name())
	if got.ReadyMS <= 0 || got.HeapBytes == 0 {
		t.Fatalf("the report says ready after %v ms with a heap of %d bytes", got.ReadyMS, got.HeapBytes)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("the desk stopped with %v\n%s", err, readLog(logf.Name()))
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("the desk did not stop within 30 s of SIGTERM\n%s", readLog(logf.Name()))
	}
	openStore(t, dir)
}

// waitDashboard waits for the desk's bench report, which it writes once its
// dashboard is drawn, and fails when the desk exits first or a minute
// passes.
func waitDashboard(t *testing.T, report string, exited <-chan error, log string) benchReport {
	t.Helper()
	deadline := time.After(time.Minute)
	for {
		if b, err := os.ReadFile(report); err == nil {
			var r benchReport
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatalf("the report %q: %v", b, err)
			}
			return r
		}
		select {
		case err := <-exited:
			t.Fatalf("the desk exited (%v) before its dashboard was drawn\n%s", err, readLog(log))
		case <-deadline:
			t.Fatalf("no dashboard within a minute\n%s", readLog(log))
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// readLog is what the desk wrote to its log file.
func readLog(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}
