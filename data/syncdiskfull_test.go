package data_test

import (
	"errors"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/diskspace/disktest"
)

// TestSyncPullWaitsForDiskSpace: a desk whose disk is full pulls nothing
// it cannot save: its status says its disk is full, what it holds stays as
// it was, and once space is freed the other desks' events arrive without
// a restart.
func TestSyncPullWaitsForDiskSpace(t *testing.T) {
	srv := newSyncServer(t)
	root := disktest.Tmpfs(t, data.DiskReserve+48<<20)
	a := openDesk(t, "desk-a")
	b, err := data.Open(data.Options{Dir: disktest.Dir(t, root, "desk-b"), Desk: "desk-b", Fold: listFold, Logger: quiet, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	for _, st := range []*data.Store{a, b} {
		if err := data.EnrollStore(t.Context(), st, srv.http.URL, srv.code("hotel")); err != nil {
			t.Fatalf("enrol %s: %v", st.Desk(), err)
		}
	}
	startSync(t, a, data.SyncConfig{})
	cb := startSync(t, b, data.SyncConfig{})
	first := appendKey(t, a, "K1", "key.signed_out")
	waitFor(t, "desk B to pull the first event", 10*time.Second, func() bool { return hasEvent(b, first.ID) })
	cursor, _ := b.Cursor()

	filler := disktest.Fill(t, root, data.DiskReserve-8<<20)
	waitFor(t, "desk B to see its disk full", 10*time.Second, func() bool { return b.Disk().Full })
	second := appendKey(t, a, "K1", "key.returned")
	waitFor(t, "desk B to say its disk is full", 10*time.Second, func() bool {
		return cb.Status().Problem == data.ProblemDiskFull
	})
	if hasEvent(b, second.ID) {
		t.Fatal("desk B saved a pulled event on a full disk")
	}
	if c, _ := b.Cursor(); c != cursor || !hasEvent(b, first.ID) {
		t.Fatalf("desk B's cursor moved from %d to %d, or lost the first event", cursor, c)
	}

	filler.Remove()
	waitFor(t, "desk B to pull once space is freed", 15*time.Second, func() bool { return hasEvent(b, second.ID) })
	waitFor(t, "desk B back online", 10*time.Second, func() bool {
		s := cb.Status()
		return s.Online && s.Problem == data.ProblemNone
	})
}

// TestEnrolOnFullDiskKeepsTheCode: a desk that could not save its token
// does not use the one-time code up: it says the disk is full, and the
// same code works once space is freed.
func TestEnrolOnFullDiskKeepsTheCode(t *testing.T) {
	srv := newSyncServer(t)
	root := disktest.Tmpfs(t, data.DiskReserve+48<<20)
	st, err := data.Open(data.Options{Dir: disktest.Dir(t, root, "desk"), Desk: "desk-a", Fold: listFold, Logger: quiet, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	code := srv.code("hotel")
	filler := disktest.Fill(t, root, data.DiskReserve-8<<20)
	waitFor(t, "the desk to see its disk full", 10*time.Second, func() bool { return st.Disk().Full })
	if err := data.EnrollStore(t.Context(), st, srv.http.URL, code); !errors.Is(err, data.ErrDiskFull) {
		t.Fatalf("enrol on a full disk = %v, want ErrDiskFull", err)
	}
	filler.Remove()
	waitFor(t, "room on the disk", 10*time.Second, func() bool { return !st.Disk().Full })
	if err := data.EnrollStore(t.Context(), st, srv.http.URL, code); err != nil {
		t.Fatalf("enrol with the same code once space was freed: %v", err)
	}
}
