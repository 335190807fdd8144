// Package server is FloorDesk's central sync server: the HTTP API desks
// push their events to and pull each other's from, desk enrolment and
// tokens, and the Store interface its event stores (Badger embedded by
// default, PostgreSQL for a hotel group) implement.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"floordesk/data/wire"
)

// DefaultLongPoll is how long a pull with nothing to send is held open.
const DefaultLongPoll = 30 * time.Second

// Config configures a Server. Only Store is required.
type Config struct {
	Store        Store
	Logger       *slog.Logger     // nil: slog.Default()
	Version      string           // reported by /v1/info
	MaxBatch     int              // events in one push; 0: wire.DefaultMaxBatch
	MaxBodyBytes int64            // push body bytes, after gzip; 0: wire.DefaultMaxBodyBytes
	LongPoll     time.Duration    // longest hold of an empty pull; 0: DefaultLongPoll
	PollInterval time.Duration    // while holding a pull, look at the store this often (for several servers on one database); 0: only when this server stores events
	AdminToken   string           // bearer token for /metrics and /v1/admin/…; "": both refused
	Now          func() time.Time // nil: time.Now

	// MinDeskProtocol is the oldest desk protocol level served; 0:
	// wire.MinDeskProtocol. Older desks are told to update (426).
	MinDeskProtocol int

	// FollowWait bounds how long a push waits for the push it follows
	// (wire.FollowsHeader); 0: FollowWait.
	FollowWait time.Duration

	// GatherPulls bounds how long a pull waits, while pushes to its
	// property are being stored, for them to land, so that it takes them
	// in one answer (see gather); 0: GatherPulls, negative: never.
	GatherPulls time.Duration
}

// Server serves the sync API. Create it with New; its Handler is safe for
// concurrent use.
type Server struct {
	cfg     Config
	store   Store
	log     *slog.Logger
	hub     *hub
	metrics *metrics
	held    heldPulls // pulls in flight, ended when their desk is revoked
	keys    keyCache  // the desks' public keys
	tips    tipCache  // each desk's latest sealed event stored
	flights flights   // the pushes checked and not yet stored
	queue   *appendQueue

	followWait time.Duration

	closeOnce sync.Once
	closing   chan struct{} // closed by Close: held pulls answer at once
}

// New makes a Server from cfg, filling in defaults.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxBatch <= 0 {
		cfg.MaxBatch = wire.DefaultMaxBatch
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = wire.DefaultMaxBodyBytes
	}
	if cfg.LongPoll <= 0 {
		cfg.LongPoll = DefaultLongPoll
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	if cfg.MinDeskProtocol <= 0 {
		cfg.MinDeskProtocol = wire.MinDeskProtocol
	}
	if cfg.FollowWait <= 0 {
		cfg.FollowWait = FollowWait
	}
	if cfg.GatherPulls == 0 {
		cfg.GatherPulls = GatherPulls
	}
	s := &Server{
		cfg:        cfg,
		store:      cfg.Store,
		queue:      newAppendQueue(cfg.Store, cfg.MaxBatch, cfg.MaxBodyBytes),
		followWait: cfg.FollowWait,
		log:        cfg.Logger,
		hub:        newHub(),
		metrics:    newMetrics(),
		closing:    make(chan struct{}),
	}
	if dw, ok := cfg.Store.(DeskWatcher); ok {
		dw.WatchDesks(func(desk string) { go s.deskChanged(desk) })
	}
	if ew, ok := cfg.Store.(EventWatcher); ok {
		ew.WatchEvents(s.notifyFromPeer)
	}
	return s, nil
}

// Close makes every held pull answer at once, so a graceful shutdown does
// not wait out the long polls. It does not close the store.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.closing) })
}

// Handler routes the API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.Handle("GET /metrics", s.adminToken(s.metrics.serve))
	mux.Handle("POST /v1/admin/backup", s.adminLocal(noStore(noWriteDeadline(s.handleAdminBackup))))
	mux.Handle("POST /v1/admin/enroll", s.adminLocal(noStore(jsonOnly(s.handleAdminEnroll))))
	mux.Handle("POST /v1/admin/revoke", s.adminLocal(noStore(jsonOnly(s.handleAdminRevoke))))
	mux.Handle("GET /v1/admin/desks", s.adminLocal(noStore(s.handleAdminDesks)))
	mux.Handle("POST /v1/admin/verify", s.adminLocal(noStore(noWriteDeadline(s.handleAdminVerify))))
	mux.HandleFunc("POST /v1/enroll", noStore(jsonOnly(s.handleEnroll)))
	mux.Handle("POST /v1/events", s.authed(s.writer(jsonOnly(s.pushDeadlines(s.handlePush)))))
	mux.Handle("GET /v1/events", s.authed(s.pullDeadlines(s.endOnRevoke(s.scoped(s.handlePull)))))
	mux.Handle("GET /v1/info", s.authed(s.scoped(s.handleInfo)))
	mux.Handle("GET "+wire.SnapshotPath, s.authed(noStore(noWriteDeadline(s.scoped(s.handleSnapshot)))))
	mux.Handle("POST /v1/key", s.authed(s.writer(noStore(jsonOnly(s.handleKey)))))
	mux.HandleFunc("/", s.handleUnknown)
	return nosniff(s.protocol(s.recoverPanics(mux)))
}

func (s *Server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

func (s *Server) handleUnknown(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, wire.ErrorBody{Code: wire.ErrCodeNotFound, Message: "no such endpoint: " + r.Method + " " + r.URL.Path})
}

func (s *Server) handleInfo(w http.ResponseWriter, r *http.Request) {
	desk := deskFrom(r.Context())
	epoch, err := s.epoch(w, r.Context())
	if err != nil {
		s.internalError(w, "info", err)
		return
	}
	last, err := s.store.LastSeq(r.Context(), desk.Property)
	if err != nil {
		s.internalError(w, "info", err)
		return
	}
	writeJSON(w, r, http.StatusOK, wire.InfoResponse{
		Epoch: epoch, Version: s.cfg.Version, Protocol: wire.Protocol, MinDeskProtocol: s.cfg.MinDeskProtocol,
		Property: desk.Property, Desk: desk.ID, LastSeq: last,
	})
}

// epoch reads the store's epoch and sets it as a header on the answer.
func (s *Server) epoch(w http.ResponseWriter, ctx context.Context) (string, error) {
	epoch, err := s.store.Epoch(ctx)
	if err == nil {
		w.Header().Set(wire.EpochHeader, epoch)
	}
	return epoch, err
}

func (s *Server) internalError(w http.ResponseWriter, op string, err error) {
	if errors.Is(err, context.Canceled) {
		// The desk hung up (a desk pushing ahead cancels the pushes after
		// one that failed): nothing failed here, and no alert should fire.
		s.log.Debug(op+" given up: the desk went away", "err", err)
		return
	}
	s.metrics.storeError(op, err)
	if errors.Is(err, ErrDiskFull) {
		s.log.Warn(op+" refused: the disk is full", "err", err)
		writeError(w, http.StatusInsufficientStorage, diskFull.body)
		return
	}
	s.log.Error(op+" failed", "err", err)
	writeError(w, http.StatusInternalServerError, wire.ErrorBody{Code: wire.ErrCodeInternal, Message: "the server could not complete the request"})
}

func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("handler panic", "path", r.URL.Path, "panic", v)
				writeError(w, http.StatusInternalServerError, wire.ErrorBody{Code: wire.ErrCodeInternal, Message: "internal error"})
			}
		}()
		next.ServeHTTP(w, r)
	})
}
