package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"floordesk/data/wire"
)

// handlePush stores a batch of events: all of it, or nothing when any part
// is malformed.
func (s *Server) handlePush(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	desk := deskFrom(r.Context())
	evs, bad := s.readPush(w, r)
	if bad != nil {
		s.rejectPush(w, desk, bad)
		return
	}
	bad, check, err := s.checkPush(r, desk.ID, evs)
	if err != nil {
		s.internalError(w, "push", err)
		return
	}
	if bad != nil {
		s.rejectPush(w, desk, bad)
		return
	}
	res, err := s.appendInOrder(r.Context(), desk.Property, evs, check)
	if errors.Is(err, errAfterFailed) {
		s.rejectPush(w, desk, afterFailed)
		return
	}
	var conflict *ConflictError
	if errors.As(err, &conflict) {
		s.rejectPush(w, desk, conflictRefusal(conflict.ID))
		return
	}
	if errors.Is(err, ErrDiskFull) {
		s.metrics.storeError("push", err)
		s.rejectPush(w, desk, diskFull)
		return
	}
	if err != nil {
		s.internalError(w, "push", err)
		return
	}
	if err := s.eraseAsTold(r.Context(), desk.Property, evs, res.Pending); err != nil {
		s.internalError(w, "push", err)
		return
	}
	if res.Stored > 0 {
		s.hub.notify(desk.Property)
	}
	epoch, err := s.epoch(w, r.Context())
	if err != nil {
		s.internalError(w, "push", err)
		return
	}
	s.metrics.pushed(res, time.Since(start))
	s.log.Debug("push", "desk", desk.ID, "property", desk.Property, "stored", res.Stored, "duplicates", res.Duplicates)
	w.Header().Set(wire.PushAheadHeader, strconv.Itoa(PushAhead))
	writeJSON(w, r, http.StatusOK, wire.PushResponse{Stored: res.Stored, Duplicates: res.Duplicates, LastSeq: res.LastSeq, Epoch: epoch})
}

// checkPush checks a push before it is stored: it waits for the push
// this one follows (wire.FollowsHeader) to reach the server, then checks
// the seals; the followed push, when still in flight, joins those this
// one is stored after, so it is stored only if that one is (even one
// refused before these links were checked, whose missing events would
// otherwise pass for a gap).
func (s *Server) checkPush(r *http.Request, desk string, evs []Pushed) (*pushError, *sealCheck, error) {
	var followed *queuedPush
	if follows := r.Header.Get(wire.FollowsHeader); follows != "" {
		var (
			bad *pushError
			err error
		)
		if followed, bad, err = s.awaitFollowed(r.Context(), desk, follows); bad != nil || err != nil {
			return bad, nil, err
		}
	}
	bad, check, err := s.checkSeals(r.Context(), evs)
	if bad == nil && err == nil && followed != nil {
		check.after = append(check.after, followed)
	}
	return bad, check, err
}

// appendInOrder stores a checked push through its property's append
// queue, behind the pushes in flight that it follows, and remembers its
// tips once stored.
func (s *Server) appendInOrder(ctx context.Context, property string, evs []Pushed, check *sealCheck) (AppendResult, error) {
	p := newQueuedPush(ctx, evs, check.after)
	s.flights.start(p, check.tips, func() { s.queue.enqueue(property, p) })
	res, err := p.wait()
	if err == nil {
		s.tips.remember(check.tips)
	}
	s.flights.end(p, check.tips)
	return res, err
}

// pushError is a push refused before anything was stored.
type pushError struct {
	status int
	body   wire.ErrorBody
}

func (s *Server) rejectPush(w http.ResponseWriter, desk Desk, e *pushError) {
	s.metrics.pushRejected.Add(1)
	s.log.Warn("push refused", "desk", desk.ID, "status", e.status, "field", e.body.Field, "reason", e.body.Message)
	writeError(w, e.status, e.body)
}

func badPush(field, msg string) *pushError {
	return &pushError{http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeInvalidEvent, Field: field, Message: msg}}
}

// diskFull refuses a push the store has no room for: 507, and the desk
// keeps the events and pushes them again later.
var diskFull = &pushError{http.StatusInsufficientStorage, wire.ErrorBody{Code: wire.ErrCodeDiskFull,
	Message: "the server's disk is full: nothing was stored; try again later"}}

func tooLarge(msg string) *pushError {
	return &pushError{http.StatusRequestEntityTooLarge, wire.ErrorBody{Code: wire.ErrCodeTooLarge, Message: msg}}
}

// readPush reads and checks a push body.
func (s *Server) readPush(w http.ResponseWriter, r *http.Request) ([]Pushed, *pushError) {
	body, err := readBody(w, r, s.cfg.MaxBodyBytes)
	if errors.Is(err, errTooLarge) {
		return nil, tooLarge(fmt.Sprintf("push body over %d bytes: send fewer events per batch", s.cfg.MaxBodyBytes))
	}
	if err != nil {
		return nil, &pushError{http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Message: err.Error()}}
	}
	req, err := wire.DecodePushRequest(body)
	if err != nil {
		return nil, &pushError{http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Message: "body is not a JSON push request: " + err.Error()}}
	}
	if len(req.Events) > s.cfg.MaxBatch {
		return nil, tooLarge(fmt.Sprintf("%d events in one push, at most %d allowed", len(req.Events), s.cfg.MaxBatch))
	}
	evs, bad := checkEvents(req.Events)
	if bad == nil {
		bad = checkClocks(evs, s.cfg.Now())
	}
	return evs, bad
}

// checkEvents decodes each event's envelope and keeps its encoding,
// compacted, as the stored form. Unknown types and fields pass unchanged.
func checkEvents(raws []json.RawMessage) ([]Pushed, *pushError) {
	evs := make([]Pushed, 0, len(raws))
	for i, raw := range raws {
		field := "events[" + strconv.Itoa(i) + "]"
		ev, compact, err := wire.DecodeEventCompact(raw)
		if err != nil {
			var env *wire.EnvelopeError
			if errors.As(err, &env) {
				bad := badPush(field+"."+env.Field, fmt.Sprintf("%s: %s %s", field, env.Field, env.Problem))
				return nil, bad.naming(ev.ID)
			}
			return nil, badPush(field, field+": "+err.Error())
		}
		stored := raw
		if !compact {
			if stored, err = compactJSON(raw); err != nil {
				return nil, badPush(field, field+": "+err.Error())
			}
		}
		if bad := checkLimits(field, ev, stored); bad != nil {
			return nil, bad
		}
		evs = append(evs, Pushed{Event: ev, Raw: stored})
	}
	var conflict *ConflictError
	if errors.As(CheckRepeats(evs), &conflict) {
		return nil, conflictRefusal(conflict.ID)
	}
	return evs, nil
}

// compactJSON returns valid JSON without insignificant whitespace: raw
// itself when it has none (as desks send it), else a compacted copy.
func compactJSON(raw []byte) ([]byte, error) {
	if isCompact(raw) {
		return raw, nil
	}
	var buf bytes.Buffer
	err := json.Compact(&buf, raw)
	return buf.Bytes(), err
}

// isCompact reports whether valid JSON b has no whitespace outside strings.
func isCompact(b []byte) bool {
	inString, escaped := false, false
	for _, c := range b {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			return false
		}
	}
	return true
}
