package main

import (
	"strings"
	"testing"

	"floordesk/version"
)

// --version answers with the build's version and touches no data folder.
func TestVersionFlag(t *testing.T) {
	t.Parallel()
	for _, arg := range []string{"--version", "-version", "version"} {
		r := floordesk(t, arg)
		r.wantCode(t, exitOK)
		if want := "floordesk " + version.String() + "\n"; r.stdout != want {
			t.Errorf("floordesk %s printed %q, want %q", arg, r.stdout, want)
		}
		if strings.TrimSpace(r.stderr) != "" {
			t.Errorf("floordesk %s wrote to stderr: %q", arg, r.stderr)
		}
		wantEmptyFolder(t, r.home)
	}
}
