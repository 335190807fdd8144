package server

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"time"

	"floordesk/data/wire"
)

// pullQuery is a parsed GET /v1/events.
type pullQuery struct {
	after uint64
	limit int
	wait  time.Duration
	epoch string // the epoch the desk's cursor belongs to; "" when unknown
}

func (s *Server) parsePull(r *http.Request) (pullQuery, *wire.ErrorBody) {
	q := pullQuery{limit: wire.DefaultPullLimit, wait: s.cfg.LongPoll}
	v := r.URL.Query()
	q.epoch = v.Get("epoch")
	if a := v.Get("after"); a != "" {
		n, err := strconv.ParseUint(a, 10, 64)
		if err != nil {
			return q, &wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: "after", Message: "after must be a sequence number (0 or more)"}
		}
		q.after = n
	}
	if l := v.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > wire.MaxPullLimit {
			return q, &wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: "limit", Message: "limit must be 1 to " + strconv.Itoa(wire.MaxPullLimit)}
		}
		q.limit = n
	}
	if wt := v.Get("wait"); wt != "" {
		n, err := strconv.ParseFloat(wt, 64)
		if err != nil || !(n >= 0) { // NaN too
			return q, &wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: "wait", Message: "wait must be seconds (0 or more)"}
		}
		// Capped before it becomes a Duration: past 292 years (or
		// Inf) the conversion overflows, and the pull was not held at all.
		if n < s.cfg.LongPoll.Seconds() {
			q.wait = time.Duration(n * float64(time.Second))
		}
	}
	return q, nil
}

// handlePull answers with the events after the cursor, holding the request
// open up to the long-poll time while there are none.
func (s *Server) handlePull(w http.ResponseWriter, r *http.Request) {
	desk := deskFrom(r.Context())
	q, bad := s.parsePull(r)
	if bad != nil {
		writeError(w, http.StatusBadRequest, *bad)
		return
	}
	epoch, err := s.epoch(w, r.Context())
	if err != nil {
		s.internalError(w, "pull", err)
		return
	}
	if q.epoch != "" && q.epoch != epoch {
		// The desk's cursor counts in another copy of the data: tell it
		// the new epoch at once rather than hold the pull.
		s.metrics.pulled(0)
		writeBody(w, r, http.StatusOK, encodePull(epoch, nil, q.after, false))
		return
	}
	ans, err := s.waitForEvents(r.Context(), desk.Property, answerKey{epoch: epoch, after: q.after, limit: q.limit}, q.wait)
	if err != nil {
		if r.Context().Err() != nil {
			return // the desk went away
		}
		s.internalError(w, "pull", err)
		return
	}
	s.metrics.pulled(ans.events)
	ans.write(w, r)
}

// waitForEvents answers k: the events after the cursor, up to the limit.
// With none, it waits for a push to the property, the poll interval, the
// end of wait, the desk hanging up or the server closing, and looks again.
// The answer may be shared with other pulls: see round.answer.
func (s *Server) waitForEvents(ctx context.Context, property string, k answerKey, wait time.Duration) (_ *pullAnswer, err error) {
	deadline := time.Now().Add(wait)
	held := false
	var reading time.Duration // the time spent reading, not held
	defer func() {
		if held {
			s.metrics.longPolls.Add(-1)
		}
		if err == nil {
			s.metrics.pullLatency.Observe(reading.Seconds())
		}
	}()
	read := func(ctx context.Context, k answerKey) (*pullAnswer, error) {
		return s.readAnswer(ctx, property, k)
	}
	gatherUntil := time.Now().Add(s.cfg.GatherPulls)
	for {
		if s.gather(ctx, property, gatherUntil) {
			continue
		}
		rnd := s.hub.join(property)
		start := time.Now()
		ans, err := rnd.answer(ctx, k, read)
		reading += time.Since(start)
		if err != nil || ans.events > 0 {
			return ans, err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return ans, nil
		}
		if !held {
			held = true
			s.metrics.longPolls.Add(1)
		}
		if !s.hold(ctx, rnd.woken, left) {
			return ans, nil
		}
		gatherUntil = time.Now().Add(s.cfg.GatherPulls)
	}
}

// GatherPulls is how long a pull waits at most for the pushes being
// stored to its property to land (Config.GatherPulls).
const GatherPulls = 20 * time.Millisecond

// gather waits until the pushes being stored to property, if any, are
// stored, or until, and reports whether it waited (then the caller asks
// again). A desk pushing a backlog is stored a group at a time, every few
// milliseconds; a pull answered between each would carry a few hundred
// events, and the desk pulling would commit each as a transaction of its
// own. Waiting a little gives it the backlog in pages of its pull limit.
// A pull made when nothing is being stored is answered at once.
func (s *Server) gather(ctx context.Context, property string, until time.Time) bool {
	left := time.Until(until)
	idle := s.queue.idle(property)
	if left <= 0 || idle == nil {
		return false
	}
	return s.hold(ctx, idle, left)
}

// readAnswer reads up to limit+1 events, or up to one past the answer's
// byte budget (the extra one tells whether there are more), and encodes
// the answer.
func (s *Server) readAnswer(ctx context.Context, property string, k answerKey) (*pullAnswer, error) {
	budget := eventBudget(k.epoch, k.limit)
	recs, err := s.store.Since(ctx, property, k.after, k.limit+1, budget)
	if err != nil {
		return nil, err
	}
	recs, more := fitAnswer(recs, k.limit, budget)
	return &pullAnswer{events: len(recs), body: encodePull(k.epoch, recs, k.after, more)}, nil
}

// hold waits for a wake-up and reports whether to look again.
func (s *Server) hold(ctx context.Context, woken <-chan struct{}, left time.Duration) bool {
	if s.cfg.PollInterval > 0 {
		left = min(left, s.cfg.PollInterval)
	}
	timer := time.NewTimer(left)
	defer timer.Stop()
	select {
	case <-woken:
		return true
	case <-timer.C:
		return true // the loop checks the deadline
	case <-ctx.Done():
		return false
	case <-s.closing:
		return false
	}
}

// encodePull writes the answer by hand: stored events are already compact
// JSON and go out byte for byte.
func encodePull(epoch string, recs []Record, after uint64, more bool) []byte {
	size := 64 + len(epoch)
	for _, r := range recs {
		size += len(r.Raw) + 32
	}
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(`{"epoch":`)
	b.WriteString(strconv.Quote(epoch))
	b.WriteString(`,"events":[`)
	next := after
	for i, r := range recs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"seq":`)
		b.WriteString(strconv.FormatUint(r.Seq, 10))
		b.WriteString(`,"event":`)
		b.Write(r.Raw)
		b.WriteByte('}')
		next = r.Seq
	}
	b.WriteString(`],"next":`)
	b.WriteString(strconv.FormatUint(next, 10))
	b.WriteString(`,"more":`)
	b.WriteString(strconv.FormatBool(more))
	b.WriteString("}\n")
	return b.Bytes()
}
