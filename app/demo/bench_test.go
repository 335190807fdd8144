package demo

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/requests"
	"floordesk/data"
)

// BenchmarkDemo100k fills a fresh store with a 100,000-record demo, the
// size the search and list targets are measured at, as the demo command
// does: a store opened with Bulk, synced and closed (Close merges what the
// load left in level 0). The 700,000-record store of the benchmarks takes
// minutes: time it with the command (floordesk demo --size 700000).
func BenchmarkDemo100k(b *testing.B) {
	const size = 100_000
	for i := 0; i < b.N; i++ {
		st, err := data.Open(data.Options{Dir: b.TempDir(), Desk: "desk-demo", Fold: app.Fold, FoldMany: app.FoldMany, Index: app.Index,
			IndexVersion: app.IndexVersion, GCInterval: -1, Bulk: true})
		if err != nil {
			b.Fatal(err)
		}
		svc := app.New(st, func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) })
		svc.PINCost = app.PINCost{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}
		if err := Demo(svc, DemoOptions{Seed: 1, Size: size}); err != nil {
			b.Fatal(err)
		}
		if err := errors.Join(st.Sync(), st.Close()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*size)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkConflicts lists the open conflicts of a 20,000-record demo
// hotel (it has none): "index" as the desk does, beside "scan", the
// same answer from decoding every view of every kind (how it was read
// before the conflict index), measured in the same run; and the same for
// the unfinished requests, from the status index and from a byte search
// of every request (as before it).
func BenchmarkConflicts(b *testing.B) {
	st, err := data.Open(data.Options{Dir: b.TempDir(), Desk: "desk-demo", Fold: app.Fold, FoldMany: app.FoldMany, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	svc := app.New(st, func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) })
	svc.PINCost = app.TestPINCost
	if err := Demo(svc, DemoOptions{Seed: 1, Size: 20_000}); err != nil {
		b.Fatal(err)
	}
	b.Run("index", func(b *testing.B) {
		for range b.N {
			if _, err := svc.Conflicts(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("scan", func(b *testing.B) {
		for range b.N {
			scanConflicts(b, st)
		}
	})
	open := func(*json.RawMessage) bool { return true }
	b.Run("open-requests/index", func(b *testing.B) {
		for range b.N {
			if _, err := app.ScanViews(svc, requests.KindRequest, []string{"open", "dispatched", "resolved"}, open); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("open-requests/scan", func(b *testing.B) {
		for range b.N {
			if _, err := byteScan(st, requests.KindRequest, []string{"open", "dispatched", "resolved"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func scanConflicts(b *testing.B, st *data.Store) int {
	n := 0
	for _, kind := range app.RegisteredKinds() {
		err := st.Views(kind, func(_ string, v []byte) error {
			var view struct {
				Meta app.Meta `json:"meta"`
			}
			if err := json.Unmarshal(v, &view); err != nil {
				return err
			}
			n += len(view.Meta.Conflicts)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return n
}
