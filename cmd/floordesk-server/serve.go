package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"floordesk/data/private"
	"floordesk/server"
	"floordesk/version"
)

type serveFlags struct {
	store    storeFlags
	listen   server.ListenConfig
	longPoll time.Duration
	pollDB   time.Duration
	maxBatch int
	maxBody  int64
	logLevel string
	logJSON  bool
}

func serve(ctx context.Context, args []string) error {
	var f serveFlags
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	f.store.register(fs)
	fs.StringVar(&f.listen.Addr, "listen", "127.0.0.1:8420", "address to listen on")
	fs.StringVar(&f.listen.TLSCert, "tls-cert", "", "TLS certificate (PEM)")
	fs.StringVar(&f.listen.TLSKey, "tls-key", "", "TLS private key (PEM)")
	fs.BoolVar(&f.listen.InsecureHTTP, "insecure-http", false, "allow plain HTTP off loopback (only behind a TLS reverse proxy)")
	fs.IntVar(&f.listen.MaxConns, "max-conns", server.DefaultMaxConns, "connections served at once; more wait to be accepted")
	fs.DurationVar(&f.longPoll, "long-poll", server.DefaultLongPoll, "longest hold of an empty pull")
	fs.DurationVar(&f.pollDB, "poll-db", 0, "while holding a pull, look at the database this often (several servers on one PostgreSQL); 0: only on own pushes")
	fs.IntVar(&f.maxBatch, "max-batch", 0, "most events in one push (0: default)")
	fs.Int64Var(&f.maxBody, "max-body", 0, "most bytes in one push body (0: default)")
	fs.StringVar(&f.logLevel, "log-level", "info", "debug, info, warn or error")
	fs.BoolVar(&f.logJSON, "log-json", false, "log as JSON lines")
	if err := parse(fs, args); err != nil {
		return err
	}
	log, err := f.logger()
	if err != nil {
		return err
	}
	if err := f.listen.Check(); err != nil {
		return err
	}
	if f.maxBody != 0 && f.maxBody < server.MinPushBodyBytes {
		return fmt.Errorf("-max-body %d is too small: a push must hold one event of the largest size allowed (at least %d)", f.maxBody, server.MinPushBodyBytes)
	}
	return serveWith(ctx, f, log)
}

func serveWith(ctx context.Context, f serveFlags, log *slog.Logger) error {
	st, err := f.store.open(ctx, log)
	if err != nil {
		return err
	}
	defer st.Close()
	token, err := f.adminToken(log)
	if err != nil {
		return err
	}
	srv, err := server.New(server.Config{
		Store: st, Logger: log, Version: version.String(),
		MaxBatch: f.maxBatch, MaxBodyBytes: f.maxBody,
		LongPoll: f.longPoll, PollInterval: f.pollDB,
		AdminToken: token,
	})
	if err != nil {
		return err
	}
	epoch, err := st.Epoch(ctx)
	if err != nil {
		return err
	}
	log.Info("floordesk-server starting", "version", version.String(), "store", f.storeName(), "epoch", epoch)
	return server.Serve(ctx, srv, f.listen, 10*time.Second, func(a net.Addr) {
		if err := writeAdminServer(f.store.data, a, f.listen); err != nil {
			log.Warn("commands will not reach this server", "err", err)
		}
	})
}

// adminToken loads the admin token from the data folder (with --postgres
// the folder holds only that and the server's address), creating both on
// first start.
func (f serveFlags) adminToken(log *slog.Logger) (string, error) {
	if tightened, err := private.Folder(f.store.data); err != nil {
		return "", err
	} else if len(tightened) > 0 {
		log.Warn("the data folder was open to other users: made private (0700)", "dir", f.store.data)
	}
	token, created, err := loadAdminToken(f.store.data)
	if created {
		log.Info("admin token created: give it to Prometheus for /metrics", "file", filepath.Join(f.store.data, adminTokenFile))
	}
	return token, err
}

func (f serveFlags) storeName() string {
	if f.store.postgres != "" {
		return "postgres"
	}
	return "badger:" + f.store.data
}

func (f serveFlags) logger() (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(strings.ToUpper(f.logLevel))); err != nil {
		return nil, fmt.Errorf("%w: --log-level %q", errUsage, f.logLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	if f.logJSON {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts)), nil
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts)), nil
}
