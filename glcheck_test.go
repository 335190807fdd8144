//go:build !gles && !arm && !arm64 && !wasm

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"floordesk/assets"
)

// Without a screen the desk says so, in both languages, instead of
// Fyne's log line and a silent exit.
func TestNoScreenSaysSo(t *testing.T) {
	t.Parallel()
	r := floordesk(t, "--data", filepath.Join(t.TempDir(), "desk"))
	r.wantCode(t, exitFailed)
	wantSaidStart(t, r.stderr, "cli.no_display")
}

// With OpenGL older than 2.1 (Mesa told to offer 1.4, as an old PC's
// driver or a remote desktop session does), the desk says what to do
// instead of quitting without a word. Needs Xvfb (scripts/setup-deps.sh).
func TestNoOpenGLSaysWhatToDo(t *testing.T) {
	t.Parallel()
	display := startXvfb(t)
	env := append(withoutDisplay(os.Environ()), "DISPLAY="+display, "LIBGL_ALWAYS_SOFTWARE=1", "MESA_GL_VERSION_OVERRIDE=1.4")
	r := floordeskIn(t, env, "--data", filepath.Join(t.TempDir(), "desk"))
	r.wantCode(t, exitFailed)
	wantSaidStart(t, r.stderr, "cli.no_opengl")
}

// wantSaidStart is wantSaid for a sentence ending in {{.Error}}, the
// driver's own words, which differ by system: the rest must be there.
func wantSaidStart(t *testing.T, out, key string) {
	t.Helper()
	for _, l := range assets.Languages {
		want := sentence(t, l, key, map[string]string{"Error": ""})
		if !strings.Contains(out, want) {
			t.Fatalf("stderr lacks the %s sentence %q (%s); it reads:\n%s", l, want, key, out)
		}
	}
}

// startXvfb starts a virtual screen for the test and returns its DISPLAY.
func startXvfb(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("no Xvfb (scripts/setup-deps.sh test installs it)")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "800x600x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	got := make(chan string, 1)
	go func() {
		b := make([]byte, 16)
		n, _ := r.Read(b)
		got <- strings.TrimSpace(string(b[:n]))
	}()
	select {
	case n := <-got:
		if n == "" {
			t.Fatal("Xvfb gave no display number")
		}
		return ":" + n
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start within 20 s")
	}
	return ""
}
