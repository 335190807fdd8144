// Package privatetest checks that a store keeps its data folder private,
// for the desk's store and the server's alike.
package privatetest

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"floordesk/data/private"
)

// KeepsFolderPrivate opens a store on dir (a new folder) with open, which
// also writes to it, and checks that the folder is its user's alone (0700,
// files 0600) while open and once closed; then opens it again after the
// folder and a file were made readable by others, and checks that they
// are private again and that the store reported it.
func KeepsFolderPrivate(t *testing.T, dir string, open func(log *slog.Logger) (io.Closer, error)) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions: Windows keeps a user's application data to the user")
	}
	st, err := open(slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	check(t, dir, "open")
	st.Close()
	check(t, dir, "closed")

	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Join(dir, "MANIFEST"), 0o644)
	var log bytes.Buffer
	st, err = open(slog.New(slog.NewTextHandler(&log, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	check(t, dir, "reopened")
	if !strings.Contains(log.String(), "made private") {
		t.Fatalf("a folder found open was not reported: %q", log.String())
	}
}

func check(t *testing.T, dir, when string) {
	t.Helper()
	loose, err := private.Loose(dir)
	if err != nil || len(loose) > 0 {
		t.Fatalf("%s: open to others: %v (%v)", when, loose, err)
	}
}
