package badgerstore

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"floordesk/server"
	"floordesk/server/storetest"
)

// TestOldIDIndexIsUpgraded: a store whose ID index predates sequences (the
// property alone) gets them at its next open, so a changed event pushed
// again is found a conflict there too.
func TestOldIDIndexIsUpgraded(t *testing.T) {
	dir := t.TempDir()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()
	s, err := Open(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	evs := storetest.NewEvents("desk-a", 3, 20)
	if _, err := s.Append(ctx, "hotel", evs); err != nil {
		t.Fatal(err)
	}
	err = s.update(func(txn *badger.Txn) error { // as an older version left it
		for _, p := range evs {
			if err := txn.Set(idKey(p.Event.ID), []byte("hotel")); err != nil {
				return err
			}
		}
		return txn.Delete([]byte(idIndexKey))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	changed := evs[1]
	changed.Event.Type = "key.returned"
	if changed.Raw, err = changed.Event.Encode(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Append(ctx, "hotel", []server.Pushed{changed}); !errors.Is(err, server.ErrConflict) {
		t.Fatalf("changed event after the upgrade = %v, want a conflict", err)
	}
	res, err := s.Append(ctx, "hotel", evs)
	if err != nil || res.Duplicates != 3 {
		t.Fatalf("re-push after the upgrade = %+v, %v", res, err)
	}
}
