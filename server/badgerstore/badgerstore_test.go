package badgerstore_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) server.Store {
		s, err := badgerstore.Open(t.TempDir(), quiet)
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopenKeepsEventsAndEpoch(t *testing.T) {
	dir := t.TempDir()
	s, err := badgerstore.Open(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	epoch, _ := s.Epoch(ctx)
	if _, err := s.Append(ctx, "hotel", storetest.NewEvents("desk-a", 3, 10)); err != nil {
		t.Fatal(err)
	}
	if _, err := badgerstore.Open(dir, quiet); !errors.Is(err, server.ErrLocked) {
		t.Fatalf("second open: err = %v, want ErrLocked", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = badgerstore.Open(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if again, _ := s.Epoch(ctx); again != epoch {
		t.Fatalf("epoch after reopen = %q, want %q", again, epoch)
	}
	if last, _ := s.LastSeq(ctx, "hotel"); last != 3 {
		t.Fatalf("last seq after reopen = %d, want 3", last)
	}
}

func TestRestoreKeepsEventsAndChangesEpoch(t *testing.T) {
	ctx := context.Background()
	s, err := badgerstore.Open(t.TempDir(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	evs := storetest.NewEvents("desk-a", 5, 10)
	if _, err := s.Append(ctx, "hotel", evs); err != nil {
		t.Fatal(err)
	}
	epoch, _ := s.Epoch(ctx)
	var buf bytes.Buffer
	if err := s.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := badgerstore.Restore(dir, &buf, quiet); err != nil {
		t.Fatalf("restore: %v", err)
	}
	r, err := badgerstore.Open(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if e, _ := r.Epoch(ctx); e == epoch || e == "" {
		t.Fatalf("restored epoch = %q, want a new one (old %q)", e, epoch)
	}
	recs, err := r.Since(ctx, "hotel", 0, 100)
	if err != nil || len(recs) != 5 || !bytes.Equal(recs[4].Raw, evs[4].Raw) {
		t.Fatalf("restored events: %d, %v", len(recs), err)
	}
	if res, _ := r.Append(ctx, "hotel", evs); res.Duplicates != 5 {
		t.Fatalf("re-push after restore = %+v, want 5 duplicates", res)
	}
}
