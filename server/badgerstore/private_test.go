package badgerstore_test

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"floordesk/data/private"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

// The server's data folder is its user's alone (0700, files 0600), fresh
// or found open to others, which is then reported.
func TestDataFolderIsPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "server-data")
	s, err := badgerstore.Open(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Append(t.Context(), "hotel", storetest.NewEvents("desk-a", 3, 10)); err != nil {
		t.Fatal(err)
	}
	checkPrivate(t, dir, "open")
	s.Close()
	checkPrivate(t, dir, "closed")

	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Join(dir, "MANIFEST"), 0o644)
	var log bytes.Buffer
	s, err = badgerstore.Open(dir, slog.New(slog.NewTextHandler(&log, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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
