package server

import (
	"cmp"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/netutil"
)

// ListenConfig says where and how to serve.
type ListenConfig struct {
	Addr         string // host:port
	TLSCert      string // PEM files; both or neither
	TLSKey       string
	InsecureHTTP bool // allow plain HTTP off loopback (behind a TLS proxy)
	MaxConns     int  // connections served at once; 0: DefaultMaxConns
}

// ErrNeedTLS refuses plain HTTP on an address other desks can reach.
var ErrNeedTLS = errors.New("refusing plain HTTP on a non-loopback address: give --tls-cert and --tls-key, or --insecure-http behind a TLS proxy")

// Check refuses a configuration that would send tokens in clear over the
// network: plain HTTP on anything but a loopback address.
func (c ListenConfig) Check() error {
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return errors.New("give both --tls-cert and --tls-key, or neither")
	}
	if c.MaxConns < 0 {
		return fmt.Errorf("--max-conns %d: give a number of connections above 0", c.MaxConns)
	}
	if c.TLSCert != "" || c.InsecureHTTP {
		return nil
	}
	host, _, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return fmt.Errorf("listen address %q: %w", c.Addr, err)
	}
	if !isLoopback(host) {
		return ErrNeedTLS
	}
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Serve listens and serves s until ctx is done, then shuts down gracefully:
// held pulls answer at once and requests in flight get up to grace to
// finish. ready, when not nil, receives the bound address once listening.
func Serve(ctx context.Context, s *Server, lc ListenConfig, grace time.Duration, ready func(net.Addr)) error {
	if err := lc.Check(); err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: HeaderTimeout,
		ReadTimeout:       RequestTimeout,
		WriteTimeout:      AnswerTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	if lc.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(lc.TLSCert, lc.TLSKey)
		if err != nil {
			return fmt.Errorf("load tls certificate: %w", err)
		}
		hs.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}}
	}
	ln, err := net.Listen("tcp", lc.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	ln = netutil.LimitListener(ln, cmp.Or(lc.MaxConns, DefaultMaxConns))
	if ready != nil {
		ready(ln.Addr())
	}
	s.log.Info("listening", "addr", ln.Addr().String(), "tls", lc.TLSCert != "")
	errc := make(chan error, 1)
	go func() { errc <- serve(hs, ln, lc) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	return shutdown(s, hs, grace, errc)
}

func serve(hs *http.Server, ln net.Listener, lc ListenConfig) error {
	var err error
	if lc.TLSCert != "" {
		err = hs.ServeTLS(ln, "", "")
	} else {
		err = hs.Serve(ln)
	}
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return fmt.Errorf("serve: %w", err)
}

func shutdown(s *Server, hs *http.Server, grace time.Duration, errc <-chan error) error {
	s.log.Info("shutting down")
	s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil {
		hs.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	return <-errc
}
