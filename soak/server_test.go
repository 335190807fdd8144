package soak

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"floordesk/server"
	"floordesk/server/badgerstore"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// property is the hotel every soak desk belongs to.
const property = "soak-hotel"

// liveServer is the real sync server on a Badger folder, in this process,
// on one loopback address it keeps across restarts.
type liveServer struct {
	dir  string
	addr string // 127.0.0.1:port, chosen at the first start

	mu    sync.Mutex // guards the fields below against the test's readers
	store *badgerstore.Store
	srv   *server.Server
	hs    *http.Server
	done  chan struct{}
}

func startServer(t *testing.T, dir string) *liveServer {
	t.Helper()
	l := &liveServer{dir: dir, addr: "127.0.0.1:0"}
	if err := l.start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.stop(false) })
	return l
}

func (l *liveServer) url() string { return "http://" + l.addr }

// start opens the store and serves on the server's address. The port may
// stay taken for a moment after a stop: it tries for up to 5 s.
func (l *liveServer) start() error {
	st, err := badgerstore.Open(l.dir, quiet)
	if err != nil {
		return fmt.Errorf("open server store: %w", err)
	}
	srv, err := server.New(server.Config{Store: st, Logger: quiet, LongPoll: 2 * time.Second, Version: "soak"})
	if err != nil {
		st.Close()
		return err
	}
	ln, err := listen(l.addr)
	if err != nil {
		st.Close()
		return err
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: server.HeaderTimeout,
		ReadTimeout:       server.RequestTimeout,
		WriteTimeout:      server.AnswerTimeout,
		IdleTimeout:       server.IdleTimeout,
		MaxHeaderBytes:    server.MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(quiet.Handler(), slog.LevelWarn),
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		hs.Serve(ln)
	}()
	l.mu.Lock()
	l.addr, l.store, l.srv, l.hs, l.done = ln.Addr().String(), st, srv, hs, done
	l.mu.Unlock()
	return nil
}

func listen(addr string) (net.Listener, error) {
	deadline := time.Now().Add(5 * time.Second)
	for {
		ln, err := net.Listen("tcp", addr)
		if err == nil || time.Now().After(deadline) {
			return ln, err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop stops the server. Abruptly, every connection is cut at once and the
// store closed under whatever is still running, as near a kill as one
// process allows; otherwise as floordesk-server shuts down on SIGTERM:
// held pulls answer, requests in flight get up to 10 s.
func (l *liveServer) stop(abrupt bool) {
	l.mu.Lock()
	st, srv, hs, done := l.store, l.srv, l.hs, l.done
	l.store, l.srv, l.hs, l.done = nil, nil, nil, nil
	l.mu.Unlock()
	if st == nil {
		return
	}
	srv.Close()
	if abrupt {
		hs.Close()
	} else {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if hs.Shutdown(ctx) != nil {
			hs.Close()
		}
		cancel()
	}
	<-done
	st.Close()
}

// events reads every event the server holds, in sequence order, from the
// running server's store (or from the folder while it is stopped).
func (l *liveServer) events(ctx context.Context) ([]server.Record, error) {
	l.mu.Lock()
	st := l.store
	l.mu.Unlock()
	if st == nil {
		return storedEvents(ctx, l.dir)
	}
	return allEvents(ctx, st)
}

// storedEvents reads every event of the server folder dir, which no
// server may hold open.
func storedEvents(ctx context.Context, dir string) ([]server.Record, error) {
	st, err := badgerstore.Open(dir, quiet)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return allEvents(ctx, st)
}

func allEvents(ctx context.Context, st server.Store) ([]server.Record, error) {
	var all []server.Record
	for {
		recs, err := st.Since(ctx, property, lastSeq(all), 5000, 64<<20)
		if err != nil || len(recs) == 0 {
			return all, err
		}
		all = append(all, recs...)
	}
}

func lastSeq(recs []server.Record) uint64 {
	if len(recs) == 0 {
		return 0
	}
	return recs[len(recs)-1].Seq
}

// enrolment makes a one-time code for a desk of the soak hotel.
func (l *liveServer) enrolment(ctx context.Context) (string, error) {
	l.mu.Lock()
	st := l.store
	l.mu.Unlock()
	if st == nil {
		return "", fmt.Errorf("server stopped")
	}
	return server.CreateEnrolment(ctx, st, property, time.Now(), time.Hour)
}
