package badgerstore_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"testing"

	"floordesk/data"
	"floordesk/data/backupfmt"
	"floordesk/data/wire"
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

// TestRestoreRefusesCutAndForeignBackups: a server backup cut at the end
// of its stream (where Badger's format alone cannot tell), damaged, or a
// desk's backup is refused, and the folder is left as it was.
func TestRestoreRefusesCutAndForeignBackups(t *testing.T) {
	s, err := badgerstore.Open(t.TempDir(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Append(context.Background(), "hotel", storetest.NewEvents("desk-a", 50, 100)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	damaged := bytes.Clone(whole)
	damaged[len(whole)/2] ^= 0x40
	desk := deskBackup(t)
	for name, b := range map[string][]byte{
		"cut before the trailer": whole[:bytes.LastIndex(whole, []byte("\nFLOORDESK-END "))],
		"cut in the trailer":     whole[:len(whole)-10],
		"damaged":                damaged,
		"a desk's backup":        desk,
	} {
		dir := t.TempDir()
		if err := badgerstore.Restore(dir, bytes.NewReader(b), quiet); !errors.Is(err, backupfmt.ErrBadBackup) {
			t.Errorf("%s: %v, want backupfmt.ErrBadBackup", name, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			t.Errorf("%s: the refused restore left %d files", name, len(entries))
		}
	}
	if err := data.Restore(t.TempDir(), bytes.NewReader(whole)); !errors.Is(err, backupfmt.ErrBadBackup) {
		t.Errorf("a desk restoring a server backup: %v, want backupfmt.ErrBadBackup", err)
	}
}

func deskBackup(t *testing.T) []byte {
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-a", Logger: quiet, GCInterval: -1,
		Fold: func(_ wire.EntityRef, _ []byte, ev wire.Event) ([]byte, error) { return ev.Body, nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var buf bytes.Buffer
	if err := st.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
