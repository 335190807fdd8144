package badgerstore

import (
	"bytes"
	"io"
	"log/slog"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"floordesk/server/storetest"
)

// TestVerifyCatchesAlteredEvents: an event changed in the store's Badger
// folder is found by server.Verify.
func TestVerifyCatchesAlteredEvents(t *testing.T) {
	s, err := Open(t.TempDir(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storetest.VerifyCatchesAlteredEvents(t, s, func(t *testing.T, id string, change func([]byte) []byte) {
		err := s.db.Update(func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(evPrefix), PrefetchValues: true})
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				v, err := it.Item().ValueCopy(nil)
				if err != nil {
					return err
				}
				if bytes.Contains(v, []byte(id)) {
					return txn.Set(it.Item().KeyCopy(nil), change(v))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
