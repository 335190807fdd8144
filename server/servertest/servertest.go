// Package servertest starts a real FloorDesk server for the tests of
// desks: the server over an embedded Badger store in a temporary folder,
// on a loopback port, closed when the test ends. Desk-level tests (sync,
// joining, group desks, personal data) use it instead of a fake.
package servertest

import (
	"context"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"floordesk/server"
	"floordesk/server/badgerstore"
)

// Server is a running server on loopback and its store.
type Server struct {
	Store  *badgerstore.Store
	Server *server.Server
	HTTP   *httptest.Server
	URL    string // the base URL desks are given
}

// Options change what Start starts; the zero value is a plain HTTP
// server whose held pulls wait at most a second.
type Options struct {
	Dir      string               // the store's folder; "" is a new temporary one
	TLS      bool                 // serve HTTPS with httptest's certificate
	LongPoll time.Duration        // 0: a second
	Config   func(*server.Config) // changes the server's configuration last
	// Wrap, if set, is given the server's handler and returns the one
	// the listener serves (a test that swaps or breaks the server).
	Wrap func(http.Handler) http.Handler
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// Start starts a server on loopback; it, its listener and its store are
// closed when the test ends.
func Start(t testing.TB, o Options) *Server {
	t.Helper()
	if o.Dir == "" {
		o.Dir = t.TempDir()
	}
	st, err := badgerstore.Open(o.Dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	cfg := server.Config{Store: st, Logger: quiet, LongPoll: o.LongPoll}
	if cfg.LongPoll == 0 {
		cfg.LongPoll = time.Second
	}
	if o.Config != nil {
		o.Config(&cfg)
	}
	srv, err := server.New(cfg)
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	h := srv.Handler()
	if o.Wrap != nil {
		h = o.Wrap(h)
	}
	hs := httptest.NewUnstartedServer(h)
	hs.Config.ErrorLog = log.New(io.Discard, "", 0)
	if o.TLS {
		hs.StartTLS()
	} else {
		hs.Start()
	}
	t.Cleanup(func() { srv.Close(); hs.Close(); st.Close() })
	return &Server{Store: st, Server: srv, HTTP: hs, URL: hs.URL}
}

// Code makes a one-time enrolment code for a desk of property.
func (s *Server) Code(t testing.TB, property string) string {
	t.Helper()
	code, err := server.CreateEnrolment(context.Background(), s.Store, property, time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// GroupCode makes a one-time enrolment code for a group supervisor's PC
// reading properties (each known to the server: a desk of it enrolled).
func (s *Server) GroupCode(t testing.TB, properties ...string) string {
	t.Helper()
	code, err := server.CreateGroupEnrolment(context.Background(), s.Store, properties, time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return code
}
