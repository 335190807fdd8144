package badgerstore_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"floordesk/data/diskspace/disktest"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

// TestRestoreStopsBeforeTheDiskIsFull: restoring a backup larger than the
// room the disk has left stops at the reserve with server.ErrDiskFull
// (Badger would die of SIGBUS loading it to the last byte) and leaves the
// folder as it was; and the store does not open on a disk below its
// reserve.
func TestRestoreStopsBeforeTheDiskIsFull(t *testing.T) {
	s, err := badgerstore.Open(t.TempDir(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for range 8 { // 40 MB
		if _, err := s.Append(t.Context(), "hotel", storetest.NewEvents("desk-a", 50, 100<<10)); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := s.Backup(&buf); err != nil {
		t.Fatal(err)
	}

	root := disktest.Tmpfs(t, badgerstore.DiskReserve+16<<20)
	dir := filepath.Join(root, "restored")
	if err := badgerstore.Restore(dir, &buf, quiet); !errors.Is(err, server.ErrDiskFull) {
		t.Fatalf("restore onto a disk too small = %v, want server.ErrDiskFull", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a stopped restore left %s behind (%v)", dir, err)
	}
	disktest.Fill(t, root, badgerstore.DiskReserve-8<<20)
	if _, err := badgerstore.Open(filepath.Join(root, "new"), quiet); !errors.Is(err, server.ErrDiskFull) {
		t.Fatalf("open on a full disk = %v, want server.ErrDiskFull", err)
	}
}
