package demo

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/data"
	"floordesk/server"
	"floordesk/server/badgerstore"
)

// joinSkipPulls leaves the reference out (it takes minutes at 700k).
var joinSkipPulls = flag.Bool("join.nopulls", false, "BenchmarkJoin: time the snapshot only")

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
// everything the server had; noSnapshot makes it pull everything (the
// way before snapshots), as a desk of a server without them does.
func joinDesk(b *testing.B, js *joinServer, noSnapshot bool) time.Duration {
	st, err := data.Open(data.Options{Dir: b.TempDir(), Fold: app.Fold, FoldMany: app.FoldMany, Index: app.Index, IndexVersion: app.IndexVersion, GCInterval: -1, Logger: quietLog})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	code, err := server.CreateEnrolment(context.Background(), js.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
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
	took := time.Since(start)
	cancel()
	<-done
	return took
}

// BenchmarkJoin times a new desk joining the hotel of each demo store
// through a real server on loopback (its Badger store holding the
// store's events) from the server's snapshot ("fig-ms") and, in the same
// run, pulling every event as before snapshots ("ref-ms"). The desk is
// ready once its cursor holds the server's latest event.
func BenchmarkJoin(b *testing.B) {
	for _, dir := range benchStores(b) {
		b.Run("store="+filepath.Base(dir), func(b *testing.B) {
			js := serveDemo(b, dir)
			var figs, refs []time.Duration
			for range b.N {
				figs = append(figs, joinDesk(b, js, false))
				if !*joinSkipPulls {
					refs = append(refs, joinDesk(b, js, true))
				}
			}
			reportDurations(b, figs, refs)
		})
	}
}
