package data

import (
	"fmt"
	"testing"

	"floordesk/data/wire"
)

// BenchmarkAppend measures durable single-event appends (one fsync each).
func BenchmarkAppend(b *testing.B) {
	s := openTest(b, b.TempDir(), "desk-a")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Append(newEvent("key", fmt.Sprint(i%40), "key.signed_out")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyRemote1000 measures folding in a pulled batch of 1,000
// events spread over 200 entities, as a desk catching up does.
func BenchmarkApplyRemote1000(b *testing.B) {
	src := openTest(b, b.TempDir(), "desk-src")
	batch := make([]wire.Event, 1000)
	for i := range batch {
		batch[i] = newEvent("loan", fmt.Sprint(i%200), "loan.opened")
	}
	evs, err := src.AppendAll(batch)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dst := openTest(b, b.TempDir(), "desk-dst")
		b.StartTimer()
		if _, err := dst.ApplyRemote(evs, 1); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		dst.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(evs)*b.N)/b.Elapsed().Seconds(), "events/s")
}
