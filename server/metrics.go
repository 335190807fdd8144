package server

import (
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's counters, served at /metrics by the Prometheus
// client library beside its standard Go and process collectors. The names
// are those the server wrote by hand before (dashboards may use them);
// docs/SERVER.md lists them.
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

	pushLatency prometheus.Histogram
	pullLatency prometheus.Histogram
	storeErrors *prometheus.CounterVec

	handler http.Handler
}

// latencyBuckets are the push and pull histograms' bounds, in seconds.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

func newMetrics() *metrics {
	m := &metrics{
		pushLatency: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "floordesk_push_duration_seconds",
			Help: "Time to check and store a push.", Buckets: latencyBuckets}),
		pullLatency: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "floordesk_pull_duration_seconds",
			Help: "Time to read a pull's answer from the store, not counting the time it was held waiting for events.", Buckets: latencyBuckets}),
		storeErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "floordesk_store_errors_total",
			Help: "Requests failed by the store, by operation and reason (disk_full or error)."}, []string{"op", "reason"}),
	}
	// The series of the requests that reach the store start at 0, so
	// that rates and alerts see the first error.
	for _, op := range []string{"push", "pull", "auth", "info", "enroll"} {
		for _, reason := range []string{"error", "disk_full"} {
			m.storeErrors.WithLabelValues(op, reason)
		}
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.pushLatency, m.pullLatency, m.storeErrors,
	)
	for _, c := range []struct {
		name, help string
		v          *atomic.Int64
	}{
		{"floordesk_pushes_total", "Push requests accepted.", &m.pushes},
		{"floordesk_push_rejected_total", "Push requests refused as malformed or too large, or for a full disk.", &m.pushRejected},
		{"floordesk_events_stored_total", "Events stored (new to the server).", &m.stored},
		{"floordesk_events_duplicate_total", "Pushed events the server already had.", &m.duplicates},
		{"floordesk_pulls_total", "Pull requests answered.", &m.pulls},
		{"floordesk_events_pulled_total", "Events sent in pull answers.", &m.pulledEvents},
		{"floordesk_unauthorized_total", "Requests refused for a missing, unknown or revoked token.", &m.unauthorized},
		{"floordesk_peer_wakeups_total", "Notices of events stored through another server sharing the database, each waking this server's held pulls of a property.", &m.peerWakes},
	} {
		reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: c.name, Help: c.help}, load(c.v)))
	}
	reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "floordesk_longpolls_connected",
		Help: "Pulls held open on this server now (about the desks connected to it)."}, load(&m.longPolls)))
	m.handler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
	return m
}

func load(v *atomic.Int64) func() float64 {
	return func() float64 { return float64(v.Load()) }
}

func (m *metrics) pushed(res AppendResult, d time.Duration) {
	m.pushes.Add(1)
	m.stored.Add(int64(res.Stored))
	m.duplicates.Add(int64(res.Duplicates))
	m.pushLatency.Observe(d.Seconds())
}

func (m *metrics) pulled(n int) {
	m.pulls.Add(1)
	m.pulledEvents.Add(int64(n))
}

// storeError counts a request the store failed, under op ("push",
// "admin enroll": spaces become underscores).
func (m *metrics) storeError(op string, err error) {
	reason := "error"
	if errors.Is(err, ErrDiskFull) {
		reason = "disk_full"
	}
	m.storeErrors.WithLabelValues(strings.ReplaceAll(op, " ", "_"), reason).Inc()
}

func (m *metrics) serve(w http.ResponseWriter, r *http.Request) { m.handler.ServeHTTP(w, r) }
