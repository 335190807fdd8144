package server

import (
	"context"
	"errors"
	"net/http"
	"sync"
)

// A pull is held open up to the long-poll time, and its token was checked
// once, when it came in. So that revoking a desk cuts its pulls at once
// rather than at the end of their wait, the pulls in flight are kept by
// desk: a change to a desk (a revocation, here or, with a shared database,
// on another server) checks their tokens again and ends those refused with
// 401.

// DeskWatcher is a Store that hears of changes to desks made by other
// servers sharing it (revocations, enrolments that replace a token).
type DeskWatcher interface {
	// WatchDesks has fn called, on a goroutine of the store's, with the
	// ID of each desk whose token may have changed. fn must not block.
	// Changes may be missed while the store cannot hear them; a pull cut
	// late still ends at its long-poll time.
	WatchDesks(fn func(desk string))
}

// errTokenRefused is the cause of a held pull ended by a desk change.
var errTokenRefused = errors.New("token refused while the pull was held")

// heldPulls are the pulls in flight, by desk ID.
type heldPulls struct {
	mu     sync.Mutex
	byDesk map[string]map[*heldPull]struct{}
}

type heldPull struct {
	tokenHash string
	cancel    context.CancelCauseFunc
}

func (h *heldPulls) add(desk string, p *heldPull) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.byDesk == nil {
		h.byDesk = map[string]map[*heldPull]struct{}{}
	}
	if h.byDesk[desk] == nil {
		h.byDesk[desk] = map[*heldPull]struct{}{}
	}
	h.byDesk[desk][p] = struct{}{}
}

func (h *heldPulls) remove(desk string, p *heldPull) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.byDesk[desk], p)
	if len(h.byDesk[desk]) == 0 {
		delete(h.byDesk, desk)
	}
}

// of returns desk's pulls in flight.
func (h *heldPulls) of(desk string) []*heldPull {
	h.mu.Lock()
	defer h.mu.Unlock()
	ps := make([]*heldPull, 0, len(h.byDesk[desk]))
	for p := range h.byDesk[desk] {
		ps = append(ps, p)
	}
	return ps
}

// endOnRevoke serves an authenticated pull that a change to its desk can
// end: it then answers 401 instead of whatever the pull had to say, unless
// the answer had already begun.
func (s *Server) endOnRevoke(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		desk := deskFrom(r.Context())
		ctx, cancel := context.WithCancelCause(r.Context())
		defer cancel(nil)
		p := &heldPull{tokenHash: desk.TokenHash, cancel: cancel}
		s.held.add(desk.ID, p)
		defer s.held.remove(desk.ID, p)
		aw := &answerGate{w: w, ctx: ctx, header: w.Header().Clone()}
		next(aw, r.WithContext(ctx))
		if aw.state != answerSent && errors.Is(context.Cause(ctx), errTokenRefused) {
			s.unauthorized(w, r, "token revoked")
		}
	}
}

// deskChanged checks the tokens of desk's pulls in flight again and ends
// those no longer valid.
func (s *Server) deskChanged(desk string) {
	for _, p := range s.held.of(desk) {
		_, err := s.store.DeskByToken(context.Background(), p.tokenHash)
		if errors.Is(err, ErrRevoked) || errors.Is(err, ErrNotFound) {
			p.cancel(errTokenRefused)
		}
	}
}

// answerGate passes a handler's answer on, unless by the time it begins
// the pull was ended by a desk change: then it drops it, headers
// included, for endOnRevoke to answer 401.
type answerGate struct {
	w      http.ResponseWriter
	ctx    context.Context
	header http.Header // the handler's, copied to w's when the answer goes
	state  int
}

const (
	answerNone = iota
	answerSent
	answerDropped
)

func (g *answerGate) Header() http.Header { return g.header }

func (g *answerGate) open(status int) {
	if g.state != answerNone {
		return
	}
	if errors.Is(context.Cause(g.ctx), errTokenRefused) {
		g.state = answerDropped
		return
	}
	g.state = answerSent
	h := g.w.Header()
	clear(h)
	for k, v := range g.header {
		h[k] = v
	}
	g.w.WriteHeader(status)
}

func (g *answerGate) WriteHeader(status int) { g.open(status) }

func (g *answerGate) Write(b []byte) (int, error) {
	g.open(http.StatusOK)
	if g.state == answerDropped {
		return len(b), nil
	}
	return g.w.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (g *answerGate) Unwrap() http.ResponseWriter { return g.w }
