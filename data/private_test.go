package data_test

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"floordesk/data"
	"floordesk/data/private"
	"floordesk/data/wire"
)

// The desk's data folder is its user's alone (0700, files 0600), fresh or
// found open to others, which is then reported.
func TestDataFolderIsPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions: Windows keeps a user's application data to the user")
	}
	dir := filepath.Join(t.TempDir(), "FloorDesk")
	open := func(log *slog.Logger) *data.Store {
		st, err := data.Open(data.Options{Dir: dir, Desk: "desk-a", Logger: log, GCInterval: -1,
			Fold: func(_ wire.EntityRef, _ []byte, ev wire.Event) ([]byte, error) { return ev.Body, nil }})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := open(slog.New(slog.DiscardHandler))
	_, err := st.Append(wire.Event{Actor: "staff-1", Entity: wire.EntityRef{Kind: "key", ID: "k1"}, Type: "key.signed_out", Body: []byte(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	checkPrivate(t, dir, "open")
	st.Close()
	checkPrivate(t, dir, "closed")

	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Join(dir, "MANIFEST"), 0o644)
	var log bytes.Buffer
	st = open(slog.New(slog.NewTextHandler(&log, nil)))
	defer st.Close()
	checkPrivate(t, dir, "reopened")
	if !strings.Contains(log.String(), "made private") {
		t.Fatalf("a folder found open was not reported: %q", log.String())
	}
}

func checkPrivate(t *testing.T, dir, when string) {
	t.Helper()
	loose, err := private.Loose(dir)
	if err != nil || len(loose) > 0 {
		t.Fatalf("%s: open to others: %v (%v)", when, loose, err)
	}
}
