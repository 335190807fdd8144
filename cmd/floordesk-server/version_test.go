package main

import (
	"bytes"
	"io"
	"os"
	"testing"

	"floordesk/version"
)

func TestVersionCommand(t *testing.T) {
	for _, arg := range []string{"--version", "version"} {
		out := captureStdout(t, func() {
			if err := run(t.Context(), []string{arg}); err != nil {
				t.Errorf("floordesk-server %s: %v", arg, err)
			}
		})
		if want := "floordesk-server " + version.String() + "\n"; out != want {
			t.Errorf("floordesk-server %s printed %q, want %q", arg, out, want)
		}
	}
}

func captureStdout(t *testing.T, fn func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	fn()
	os.Stdout = old
	w.Close()
	var b bytes.Buffer
	io.Copy(&b, r)
	return b.String()
}
