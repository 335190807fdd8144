package demo

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/data"
	"floordesk/server"
	"floordesk/server/badgerstore"
)

// BenchmarkJoin's limits: at 700k records the server's load alone takes
// minutes, and pulling every event (the reference) a quarter of an hour.
var (
	joinSkipPulls = flag.Bool("join.nopulls", false, "BenchmarkJoin: time the snapshot only")
	joinMax       = flag.Int("join.max", 100_000, "BenchmarkJoin: the largest demo store (in records) joined")
)

var quietLog = slog.New(slog.NewTextHandler(io.Discard, nil))

// joinServer is a real server on loopback over a Badger folder holding
// a demo hotel's events.
type joinServer struct {
	store *badgerstore.Store
	url   string
	last  uint64
}

// serveDemo loads the events of the demo folder dir into a new server.
func serveDemo(b *testing.B, dir string) *joinServer {
	key := folderKey(b, dir)
	src, err := data.Open(data.Options{Dir: copyStore(b, dir), Key: key, Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1, DeferIndexes: true, Logger: quietLog})
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	st, err := badgerstore.Open(b.TempDir(), quietLog)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	start := time.Now()
	n := 0
	for after := uint64(0); ; {
		evs, next, err := src.Log(after, 1_000)
		if err != nil {
			b.Fatal(err)
		}
		if len(evs) == 0 {
			break
		}
		var ps []server.Pushed
		for _, ev := range evs {
			raw, err := ev.Encode()
			if err != nil {
				b.Fatal(err)
			}
			ps = append(ps, server.Pushed{Event: ev, Raw: raw})
		}
		if _, err := st.Append(context.Background(), "hotel", ps); err != nil {
			b.Fatal(err)
		}
		n += len(evs)
		after = next
	}
	last, _ := st.LastSeq(context.Background(), "hotel")
	b.Logf("server loaded %d events in %s", n, time.Since(start))
	srv, err := server.New(server.Config{Store: st, Logger: quietLog, LongPoll: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	hs := &http.Server{Handler: srv.Handler()}
	go hs.Serve(ln)
	b.Cleanup(func() { srv.Close(); hs.Close() })
	return &joinServer{store: st, url: "http://" + ln.Addr().String(), last: last}
}

// joinDesk enrols a new desk and times it until its cursor holds
// everything the server had, in wall-clock time and in the processor time
// of the process (the desk's and the server's: on a shared machine the
// steadier figure); noSnapshot makes it pull everything (the way before
// snapshots), as a desk of a server without them does.
func joinDesk(b *testing.B, js *joinServer, noSnapshot bool) (wall, cpu time.Duration) {
	st, err := data.Open(data.Options{Dir: b.TempDir(), Fold: app.Fold, FoldMany: app.FoldMany, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1, Logger: quietLog})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	code, err := server.CreateEnrolment(context.Background(), js.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	start, cpu0 := time.Now(), processCPU()
	if err := data.EnrollStore(context.Background(), st, js.url, code); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c := data.NewSyncClient(st, data.SyncConfig{Logger: quietLog, NoSnapshot: noSnapshot})
	done := make(chan struct{})
	go func() { c.Run(ctx); close(done) }()
	for {
		cur, _ := st.Cursor()
		if cur >= js.last {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	wall, cpu = time.Since(start), processCPU()-cpu0
	cancel()
	<-done
	if got := c.Status().FromSnapshot; (got > 0) == noSnapshot {
		b.Fatalf("the desk loaded %d events from the snapshot (told to pull: %v)", got, noSnapshot)
	}
	return wall, cpu
}

// processCPU is the processor time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkJoin times a new desk joining the hotel of each demo store
// through a real server on loopback (its Badger store holding the
// store's events) from the server's snapshot ("fig-ms") and, in the same
// run, pulling every event as before snapshots ("ref-ms"). The desk is
// ready once its cursor holds the server's latest event.
func BenchmarkJoin(b *testing.B) {
	for _, dir := range benchStores(b) {
		var size int
		if _, err := fmt.Sscanf(filepath.Base(dir), "demo-%d", &size); err == nil && size > *joinMax {
			continue
		}
		b.Run("store="+filepath.Base(dir), func(b *testing.B) {
			js := serveDemo(b, dir)
			var figs, refs, figCPU, refCPU []time.Duration
			for range b.N {
				wall, cpu := joinDesk(b, js, false)
				figs, figCPU = append(figs, wall), append(figCPU, cpu)
				if !*joinSkipPulls {
					wall, cpu := joinDesk(b, js, true)
					refs, refCPU = append(refs, wall), append(refCPU, cpu)
				}
			}
			reportDurations(b, figs, refs)
			b.ReportMetric(ms(percentile(figCPU, 50)), "fig-cpu-ms")
			b.ReportMetric(ms(percentile(refCPU, 50)), "ref-cpu-ms")
		})
	}
}
