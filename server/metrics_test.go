package server_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
	"floordesk/server/storetest"
)

// scrape reads /metrics as Prometheus does, failing on anything it could
// not parse.
func (e *env) scrape() map[string]*dto.MetricFamily {
	e.t.Helper()
	resp := e.do("GET", "/metrics", testAdminToken, nil, nil)
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		e.t.Fatalf("/metrics answered %d", resp.StatusCode)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		e.t.Fatalf("/metrics is not Prometheus text: %v", err)
	}
	return fams
}

// sample is the value of a family's sample with the labels given (name,
// value pairs): a counter's or gauge's value, a histogram's or summary's
// count; -1 when there is none.
func sample(fams map[string]*dto.MetricFamily, name string, labels ...string) float64 {
	f := fams[name]
	if f == nil {
		return -1
	}
	for _, m := range f.GetMetric() {
		if !hasLabels(m, labels) {
			continue
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		case m.Summary != nil:
			return float64(m.Summary.GetSampleCount())
		}
	}
	return -1
}

func hasLabels(m *dto.Metric, labels []string) bool {
	for i := 0; i+1 < len(labels); i += 2 {
		found := false
		for _, l := range m.GetLabel() {
			found = found || (l.GetName() == labels[i] && l.GetValue() == labels[i+1])
		}
		if !found {
			return false
		}
	}
	return true
}

// What an operator looks at on a real server on loopback: the standard Go
// and process series, the push and pull histograms moving with traffic,
// events stored, and the held pulls gauge while a pull is held.
func TestMetricsScrapedAsPrometheusDoes(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.LongPoll = 20 * time.Second })
	a := e.enroll("hotel", "desk-a")
	b := e.enroll("hotel", "desk-b")
	fams := e.scrape()
	standard := []string{"go_goroutines", "go_memstats_heap_inuse_bytes", "go_memstats_sys_bytes", "go_gc_duration_seconds"}
	if runtime.GOOS == "linux" {
		standard = append(standard, "process_cpu_seconds_total", "process_resident_memory_bytes", "process_open_fds", "process_start_time_seconds")
	}
	for _, name := range standard {
		if sample(fams, name) < 0 {
			t.Errorf("no %s", name)
		}
	}
	for name, typ := range map[string]dto.MetricType{
		"floordesk_push_duration_seconds": dto.MetricType_HISTOGRAM, "floordesk_pull_duration_seconds": dto.MetricType_HISTOGRAM,
		"floordesk_events_stored_total": dto.MetricType_COUNTER, "floordesk_longpolls_connected": dto.MetricType_GAUGE,
	} {
		if f := fams[name]; f == nil || f.GetType() != typ {
			t.Errorf("%s: %v, want a %v", name, f, typ)
		}
	}
	if n := sample(fams, "floordesk_push_duration_seconds"); n != 0 {
		t.Fatalf("push histogram count %v before any push", n)
	}

	e.push(a, storetest.NewEvents("desk-a", 3, 10))
	fams = e.scrape()
	if n := sample(fams, "floordesk_push_duration_seconds"); n != 1 {
		t.Errorf("push histogram count after a push: %v, want 1", n)
	}
	if n := sample(fams, "floordesk_events_stored_total"); n != 3 {
		t.Errorf("events stored after a push of 3: %v", n)
	}

	held := make(chan wire.PullResponse, 1)
	go func() { held <- e.pull(b, "after=3") }()
	waitFor(t, "the held pulls gauge to show the pull", 5*time.Second, func() bool {
		return sample(e.scrape(), "floordesk_longpolls_connected") == 1
	})
	e.push(a, storetest.NewEvents("desk-a", 1, 10))
	if got := <-held; len(got.Events) != 1 {
		t.Fatalf("the held pull woke with %d events", len(got.Events))
	}
	fams = e.scrape()
	if n := sample(fams, "floordesk_longpolls_connected"); n != 0 {
		t.Errorf("held pulls after the pull answered: %v, want 0", n)
	}
	if n := sample(fams, "floordesk_pull_duration_seconds"); n != 1 {
		t.Errorf("pull histogram count after one pull: %v, want 1", n)
	}
	if n := sample(fams, "floordesk_push_duration_seconds"); n != 2 {
		t.Errorf("push histogram count after two pushes: %v, want 2", n)
	}
}

// A push the store fails shows in floordesk_store_errors_total, by
// operation: here PostgreSQL lost the events table.
func TestMetricsCountStoreErrors(t *testing.T) {
	url := pgtest.NewDB(t)
	st, err := pgstore.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	e := newEnvOn(t, st, nil)
	a := e.enroll("hotel", "desk-a")
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), "ALTER TABLE fd_events RENAME TO fd_events_lost"); err != nil {
		t.Fatal(err)
	}
	resp := e.do("POST", "/v1/events", a, pushBody(storetest.NewEvents("desk-a", 1, 10)), nil)
	resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Fatalf("push without the events table: %d, want 500", resp.StatusCode)
	}
	if n := sample(e.scrape(), "floordesk_store_errors_total", "op", "push", "reason", "error"); n != 1 {
		t.Fatalf(`floordesk_store_errors_total{op="push",reason="error"} = %v, want 1`, n)
	}
}

// The example dashboard and alert rules in docs/ use only series the
// server serves: a renamed metric fails here before it blanks a panel or
// silences an alert.
func TestDocsUseServedMetrics(t *testing.T) {
	e := newEnv(t, nil)
	fams := e.scrape()
	dash, err := os.ReadFile("../docs/grafana-dashboard.json")
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(dash) {
		t.Fatal("docs/grafana-dashboard.json is not JSON")
	}
	alerts, err := os.ReadFile("../docs/alerts.yml")
	if err != nil {
		t.Fatal(err)
	}
	for file, text := range map[string][]byte{"grafana-dashboard.json": dash, "alerts.yml": alerts} {
		names := servedName.FindAllString(string(text), -1)
		if len(names) == 0 {
			t.Errorf("docs/%s names no FloorDesk series", file)
		}
		for _, name := range names {
			if fams[name] == nil && fams[histogramSeries.ReplaceAllString(name, "")] == nil {
				t.Errorf("docs/%s uses %s, which /metrics does not serve", file, name)
			}
		}
	}
}

var (
	servedName      = regexp.MustCompile(`\b(floordesk|go|process)_[a-z_]+`)
	histogramSeries = regexp.MustCompile(`_(bucket|sum|count)$`)
)

// The alert rules parse, and fire as docs/alerts_test.yml says (a server
// down, pushes failing, a full disk, a disk filling) and not otherwise:
// promtool's own unit tests, run when promtool is installed (Debian's
// prometheus package).
func TestAlertRules(t *testing.T) {
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		t.Skip("skipping: promtool not installed (apt-get install prometheus)")
	}
	for _, args := range [][]string{{"check", "rules", "alerts.yml"}, {"test", "rules", "alerts_test.yml"}} {
		cmd := exec.Command(promtool, args...)
		cmd.Dir = "../docs"
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("promtool %v: %v\n%s", args, err, out)
		}
	}
}

// A push whose desk hung up before it was answered (a desk pushing ahead
// cancels the pushes after one that failed) is no store error: the server
// notes it quietly, and no alert on store errors fires for it.
func TestAPushTheDeskGaveUpIsNoStoreError(t *testing.T) {
	seen := make(chan string, 1024)
	log := slog.New(&noteHandler{seen: seen})
	e := newEnv(t, func(c *server.Config) { c.Logger = log; c.FollowWait = 10 * time.Second })
	key := storetest.NewKey(1)
	token := e.enrollWithKey("hotel", "desk-a", key)
	var link wire.ChainLink
	ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "POST", e.http.URL+"/v1/events", pushBody(storetest.SealEvents("desk-a", key, &link, 3, 50)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(wire.FollowsHeader, "0190c3e2-6a1b-7c3d-8e4f-0123456789ab") // a push that never comes
	if resp, err := e.http.Client().Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("the push was answered %d before the desk gave up", resp.StatusCode)
	}
	deadline := time.After(5 * time.Second)
	for given := false; !given; {
		select {
		case msg := <-seen:
			given = strings.Contains(msg, "the desk went away")
		case <-deadline:
			t.Fatal("the server did not note the push its desk gave up")
		}
	}
	if n := sample(e.scrape(), "floordesk_store_errors_total", "op", "push", "reason", "error"); n > 0 {
		t.Fatalf(`floordesk_store_errors_total{op="push",reason="error"} = %v for a desk that hung up, want none`, n)
	}
}

// noteHandler sends every log message, debug included, to seen.
type noteHandler struct{ seen chan<- string }

func (h *noteHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *noteHandler) Handle(_ context.Context, r slog.Record) error {
	select {
	case h.seen <- r.Message:
	default:
	}
	return nil
}
func (h *noteHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *noteHandler) WithGroup(string) slog.Handler      { return h }
