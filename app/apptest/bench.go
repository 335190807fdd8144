package apptest

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
)

// BenchCommand times cmd(i) for i from 0 to b.N-1, each one command,
// beside "raw": a 300-byte append to the same store (one event, one
// fsync) right after it, so both see the same load on a shared machine.
// It reports the median and 99th percentile of each, in µs, and the
// command's over raw's (issue 12: a command's median within 1.5 times a
// raw append's, its p99 within 3 times).
func BenchCommand(b *testing.B, st *data.Store, cmd func(i int)) {
	b.Helper()
	body := json.RawMessage(`{"note":"` + strings.Repeat("x", 288) + `"}`)
	raw := wire.Event{Actor: "x", Entity: wire.EntityRef{Kind: "bench", ID: "raw"}, Type: "bench.raw", Body: body}
	cmds := make([]time.Duration, 0, b.N)
	raws := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		cmd(i)
		mid := time.Now()
		if _, err := st.Append(raw); err != nil {
			b.Fatal(err)
		}
		cmds, raws = append(cmds, mid.Sub(start)), append(raws, time.Since(mid))
	}
	b.StopTimer()
	c50, c99 := percentiles(cmds)
	r50, r99 := percentiles(raws)
	b.ReportMetric(c50, "cmd-p50-µs")
	b.ReportMetric(c99, "cmd-p99-µs")
	b.ReportMetric(r50, "raw-p50-µs")
	b.ReportMetric(r99, "raw-p99-µs")
	b.ReportMetric(c50/r50, "p50-ratio")
	b.ReportMetric(c99/r99, "p99-ratio")
}

// percentiles are the median and the 99th percentile of ds, in µs.
func percentiles(ds []time.Duration) (p50, p99 float64) {
	slices.Sort(ds)
	at := func(q float64) float64 {
		i := int(q*float64(len(ds))+0.999999) - 1
		return float64(ds[max(i, 0)].Nanoseconds()) / 1e3
	}
	return at(0.50), at(0.99)
}
