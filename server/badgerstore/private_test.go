package badgerstore_test

import (
	"io"
	"log/slog"
	"path/filepath"
	"testing"

	"floordesk/data/private/privatetest"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

// The server's data folder is its user's alone (0700, files 0600), fresh
// or found open to others, which is then reported.
func TestDataFolderIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "server-data")
	n := 0
	privatetest.KeepsFolderPrivate(t, dir, func(log *slog.Logger) (io.Closer, error) {
		s, err := badgerstore.Open(dir, log)
		if err != nil {
			return nil, err
		}
		n++
		_, err = s.Append(t.Context(), "hotel", storetest.NewEvents("desk-"+string(rune('a'+n)), 3, 10))
		return s, err
	})
}
