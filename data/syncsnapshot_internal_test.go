package data

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"

	"floordesk/data/wire"
)

// TestSnapshotThatStallsIsGivenUp: a snapshot that sends nothing for
// snapshotIdle is given up, keeping the transactions it stored (none
// here), and the desk goes on to pull.
func TestSnapshotThatStallsIsGivenUp(t *testing.T) {
	defer func(d time.Duration) { snapshotIdle = d }(snapshotIdle)
	snapshotIdle = 200 * time.Millisecond
	release := make(chan struct{})
	defer close(release)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		zw := gzip.NewWriter(w)
		sw, _ := wire.NewSnapshotWriter(zw, wire.SnapshotHeader{Epoch: "ep", Upto: 5})
		raw, _ := remoteEvent("desk-a", "K1", 1_700_000_000_000).Encode()
		sw.Event(1, raw)
		zw.Flush()
		w.(http.Flusher).Flush()
		select { // stalls
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer hs.Close()
	s := openTest(t, t.TempDir(), "desk-new")
	c := NewSyncClient(s, SyncConfig{URL: hs.URL, Token: "t", Logger: quietLogger()})
	start := time.Now()
	err := c.joinFromSnapshot(context.Background())
	if took := time.Since(start); err == nil || took < snapshotIdle || took > 5*time.Second {
		t.Fatalf("a stalled snapshot: %v after %s", err, time.Since(start))
	}
	if cursor, _ := s.Cursor(); cursor != 0 {
		t.Fatalf("cursor %d after a snapshot that stalled within its first transaction", cursor)
	}
}
