package demo

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest/registers"
	"floordesk/app/found"
	"floordesk/app/keys"
	"floordesk/app/loans"
	"floordesk/app/requests"
	"floordesk/data"
	"floordesk/data/deskkey"
	"floordesk/data/seal"
	"floordesk/data/wire"
)

// benchStoresEnv lists the demo data folders BenchmarkHistory reads,
// comma-separated (make bench passes its cached 10k/100k/700k stores);
// unset, it makes a 10,000-record demo of its own.
const benchStoresEnv = "FLOORDESK_BENCH_STORES"

// BenchmarkHistory reads what the desk's screens read on stores of
// growing history, each figure beside the same records read straight
// from the store (their view bytes, from the same index, not decoded) in
// the same run, interleaved: "fig-ms" and "ref-ms" are medians, "p99-ms"
// the figure's 99th percentile. A query's cost should follow its answer,
// so the figures should stay flat as the history grows.
func BenchmarkHistory(b *testing.B) {
	for _, dir := range benchStores(b) {
		b.Run("store="+filepath.Base(dir), func(b *testing.B) {
			st, reg := openBenchStore(b, dir)
			defer st.Close()
			desk := "D1"
			for _, q := range historyQueries(reg, desk) {
				b.Run(q.name, func(b *testing.B) { pair(b, q.fig, func() error { return rawRead(st, q.raw) }) })
			}
		})
	}
}

// historyQuery is what one screen reads, and where its records lie.
type historyQuery struct {
	name string
	fig  func() error
	raw  []rawSource
}

// rawSource is one index (or all views of a kind, when index is "") the
// reference reads.
type rawSource struct {
	index, kind string
	keys        []string
}

func status(kind string, keys ...string) rawSource {
	return rawSource{index: "status/" + kind, keys: keys}
}

func historyQueries(reg *registers.All, desk string) []historyQuery {
	unfinished := status(requests.KindRequest, "open", "dispatched", "resolved")
	open := status(requests.KindRequest, "open", "dispatched")
	loansOpen, held := status(loans.KindLoan, "open"), status(found.KindFound, string(found.FoundHeld))
	allKeys := rawSource{kind: keys.KindKey}
	return []historyQuery{
		{"dashboard", func() error { return dashboardReads(reg, desk) },
			[]rawSource{open, loansOpen, held, allKeys, {index: app.IndexConflicts}}},
		{"list/requests", func() error { _, err := reg.Rows(requests.RowQuery{Now: time.Now()}); return err },
			[]rawSource{unfinished}},
		{"list/loans", func() error { _, err := reg.OpenLoans(""); return err }, []rawSource{loansOpen}},
		{"list/found", func() error { _, err := reg.AwaitingClaim(); return err }, []rawSource{held}},
		{"list/keys", func() error { _, err := reg.Keys(); return err }, []rawSource{allKeys}},
	}
}

// dashboardReads is what the dashboard's parts read when they load.
func dashboardReads(reg *registers.All, desk string) error {
	if _, err := reg.OpenSet(desk); err != nil {
		return err
	}
	if _, err := reg.OpenLoans(desk); err != nil {
		return err
	}
	if _, err := reg.AwaitingClaim(); err != nil {
		return err
	}
	if _, err := reg.KeysOut(); err != nil {
		return err
	}
	_, err := reg.Conflicts()
	return err
}

// rawRead reads the view bytes of the records in srcs, decoding nothing.
func rawRead(st *data.Store, srcs []rawSource) error {
	n := 0
	count := func(_ wire.EntityRef, v []byte) error { n += len(v); return nil }
	for _, src := range srcs {
		var err error
		switch {
		case src.index == "":
			err = st.Views(src.kind, func(_ string, v []byte) error { n += len(v); return nil })
		case len(src.keys) == 0:
			err = st.Indexed(src.index, func(_ []byte, ref wire.EntityRef, v []byte) error { return count(ref, v) })
		default:
			for _, k := range src.keys {
				if err = st.IndexedAt(src.index, []byte(k), count); err != nil {
					break
				}
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// pair runs fig and ref alternately b.N times and reports their medians
// and the figure's p99, in milliseconds.
func pair(b *testing.B, fig, ref func() error) {
	figs, refs := make([]time.Duration, 0, b.N), make([]time.Duration, 0, b.N)
	for range b.N {
		figs = append(figs, timed(b, fig))
		refs = append(refs, timed(b, ref))
	}
	reportDurations(b, figs, refs)
}

func timed(b *testing.B, fn func() error) time.Duration {
	start := time.Now()
	if err := fn(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// reportDurations reports the medians of figs and refs and the p99 of
// figs, in milliseconds.
func reportDurations(b *testing.B, figs, refs []time.Duration) {
	b.ReportMetric(ms(percentile(figs, 50)), "fig-ms")
	b.ReportMetric(ms(percentile(figs, 99)), "p99-ms")
	b.ReportMetric(ms(percentile(refs, 50)), "ref-ms")
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// benchStores are the folders of $FLOORDESK_BENCH_STORES, or a 10k demo
// made in a temporary folder.
func benchStores(b *testing.B) []string {
	if list := os.Getenv(benchStoresEnv); list != "" {
		return strings.Split(list, ",")
	}
	dir := filepath.Join(b.TempDir(), "demo-10000")
	st, err := data.Open(data.Options{Dir: dir, Desk: "desk-demo", Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1})
	if err != nil {
		b.Fatal(err)
	}
	svc := app.New(st, nil)
	svc.PINCost = app.TestPINCost
	if err := Demo(svc, DemoOptions{Seed: 1, Size: 10_000}); err != nil {
		b.Fatal(err)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	return []string{dir}
}

// folderKey is the key of a demo folder made by the demo command (found
// as the desk finds it), or a new one for a new folder: every store a
// benchmark opens is encrypted, as the desk's are.
func folderKey(b *testing.B, dir string) seal.Key {
	if _, err := deskkey.ReadID(dir); err != nil {
		return seal.NewKey()
	}
	cfg, _ := os.UserConfigDir()
	k, _, err := deskkey.Finder{Dir: dir, ConfigDir: cfg}.Find()
	if err != nil {
		b.Fatalf("the key of %s: %v", dir, err)
	}
	return k
}

// openBenchStore opens a demo folder as the desk does.
func openBenchStore(b *testing.B, dir string) (*data.Store, *registers.All) {
	st, err := data.Open(data.Options{Dir: dir, Key: folderKey(b, dir), Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1})
	if err != nil {
		b.Fatal(err)
	}
	svc := app.New(st, nil)
	svc.DeskCode = "D1"
	return st, registers.New(svc)
}
