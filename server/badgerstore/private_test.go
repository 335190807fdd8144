package badgerstore_test

import (
	"io"
	"log/slog"
	"path/filepath"
	"testing"

	"floordesk/data/private/privatetest"
	"floordesk/data/seal"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

// The server's data folder is its user's alone (0700, files 0600), fresh
// or found open to others, which is then reported; encrypted as it runs.
func TestDataFolderIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "server-data")
	n, key := 0, seal.NewKey()
	privatetest.KeepsFolderPrivate(t, dir, func(log *slog.Logger) (io.Closer, error) {
		s, err := badgerstore.OpenWith(dir, key, log)
		if err != nil {
			return nil, err
		}
		n++
		_, err = s.Append(t.Context(), "hotel", storetest.NewEvents("desk-"+string(rune('a'+n)), 3, 10))
		return s, err
	})
}
