package server

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// metrics are the server's counters, served at /metrics in the Prometheus
// text format.
type metrics struct {
	pushes       atomic.Int64
	pushRejected atomic.Int64
	stored       atomic.Int64
	duplicates   atomic.Int64
	pulls        atomic.Int64
	pulledEvents atomic.Int64
	unauthorized atomic.Int64
	longPolls    atomic.Int64 // pulls held open right now: about the desks connected
	peerWakes    atomic.Int64 // notices of events stored through another server
	pushLatency  *histogram
}

func newMetrics() *metrics {
	return &metrics{pushLatency: newHistogram(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)}
}

func (m *metrics) pushed(res AppendResult, d time.Duration) {
	m.pushes.Add(1)
	m.stored.Add(int64(res.Stored))
	m.duplicates.Add(int64(res.Duplicates))
	m.pushLatency.observe(d.Seconds())
}

func (m *metrics) pulled(n int) {
	m.pulls.Add(1)
	m.pulledEvents.Add(int64(n))
}

func (m *metrics) serve(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	counter(w, "floordesk_pushes_total", "Push requests accepted.", m.pushes.Load())
	counter(w, "floordesk_push_rejected_total", "Push requests refused as malformed or too large.", m.pushRejected.Load())
	counter(w, "floordesk_events_stored_total", "Events stored (new to the server).", m.stored.Load())
	counter(w, "floordesk_events_duplicate_total", "Pushed events the server already had.", m.duplicates.Load())
	counter(w, "floordesk_pulls_total", "Pull requests answered.", m.pulls.Load())
	counter(w, "floordesk_events_pulled_total", "Events sent in pull answers.", m.pulledEvents.Load())
	counter(w, "floordesk_unauthorized_total", "Requests refused for a missing, unknown or revoked token.", m.unauthorized.Load())
	fmt.Fprintf(w, "# HELP floordesk_longpolls_connected Pulls held open now (about the desks connected).\n# TYPE floordesk_longpolls_connected gauge\nfloordesk_longpolls_connected %d\n", m.longPolls.Load())
	m.pushLatency.write(w, "floordesk_push_duration_seconds", "Time to check and store a push.")
	writeRuntime(w)
}

// writeRuntime adds the Go runtime's figures under their usual names.
func writeRuntime(w io.Writer) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauge(w, "go_goroutines", "Goroutines that currently exist.", uint64(runtime.NumGoroutine()))
	gauge(w, "go_memstats_heap_inuse_bytes", "Heap bytes in use.", ms.HeapInuse)
	gauge(w, "go_memstats_sys_bytes", "Bytes obtained from the system.", ms.Sys)
}

func gauge(w io.Writer, name, help string, v uint64) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %d\n", name, help, name, name, v)
}

func counter(w io.Writer, name, help string, v int64) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n%s %d\n", name, help, name, name, v)
}

// histogram is a fixed-bucket Prometheus histogram.
type histogram struct {
	mu     sync.Mutex
	bounds []float64
	counts []uint64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	n      uint64
}

func newHistogram(bounds ...float64) *histogram {
	return &histogram{bounds: bounds, counts: make([]uint64, len(bounds)+1)}
}

func (h *histogram) observe(v float64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	i := 0
	for i < len(h.bounds) && v > h.bounds[i] {
		i++
	}
	h.counts[i]++
	h.sum += v
	h.n++
}

func (h *histogram) write(w io.Writer, name, help string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name)
	var cum uint64
	for i, b := range h.bounds {
		cum += h.counts[i]
		fmt.Fprintf(w, "%s_bucket{le=%q} %d\n", name, strconv.FormatFloat(b, 'g', -1, 64), cum)
	}
	fmt.Fprintf(w, "%s_bucket{le=\"+Inf\"} %d\n%s_sum %g\n%s_count %d\n", name, h.n, name, h.sum, name, h.n)
}
