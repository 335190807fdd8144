package data_test

import (
	"io"
	"log/slog"
	"path/filepath"
	"testing"

	"floordesk/data"
	"floordesk/data/private/privatetest"
	"floordesk/data/seal"
	"floordesk/data/wire"
)

// The desk's data folder is its user's alone (0700, files 0600), fresh or
// found open to others, which is then reported.
func TestDataFolderIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "FloorDesk")
	key := seal.NewKey()
	privatetest.KeepsFolderPrivate(t, dir, func(log *slog.Logger) (io.Closer, error) {
		st, err := data.Open(data.Options{Dir: dir, Desk: "desk-a", Logger: log, GCInterval: -1, Key: key,
			Fold: func(_ wire.EntityRef, _ []byte, ev wire.Event) ([]byte, error) { return ev.Body, nil }})
		if err != nil {
			return nil, err
		}
		_, err = st.Append(wire.Event{Actor: "staff-1", Entity: wire.EntityRef{Kind: "key", ID: "k1"}, Type: "key.signed_out", Body: []byte(`{}`)})
		return st, err
	})
}
