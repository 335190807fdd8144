package demo

import (
	"testing"
	"time"

	"floordesk/app"
	"floordesk/data"
)

// BenchmarkDemo100k fills a fresh store with a 100,000-record demo, the
// size the search and list targets are measured at.
func BenchmarkDemo100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		st, err := data.Open(data.Options{Dir: b.TempDir(), Desk: "desk-demo", Fold: app.Fold, GCInterval: -1})
		if err != nil {
			b.Fatal(err)
		}
		svc := app.New(st, func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) })
		svc.PINCost = app.PINCost{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}
		if err := Demo(svc, DemoOptions{Seed: 1, Size: 100_000}); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
