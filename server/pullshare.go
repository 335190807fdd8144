package server

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"sync"
	"time"
)

// A push wakes every desk of its property at once, and most of them then
// ask for the same thing: the events after the same cursor. The pulls of
// one round (see hub) share one store read and one encoded answer per
// question. That is safe because an answer read earlier in the round is
// still a right answer to the question (the events after the cursor, in
// order, up to the limit), and when the read missed a commit the commit's
// push ends the round and wakes every pull that took the answer.

// shareFor is how long a finished answer stays for the pulls of its round
// that ask after it was read: the woken desks of a property come within a
// few milliseconds. It also bounds how stale an answer can be where other
// servers commit to the same database without ending this server's rounds.
const shareFor = 5 * time.Millisecond

// answerKey is a question pulls of one round can share: the events after
// a cursor, up to a limit, in an epoch.
type answerKey struct {
	epoch string
	after uint64
	limit int
}

// pullCall is one read of the store, in flight or just done.
type pullCall struct {
	done chan struct{} // closed once ans or err is set
	ans  *pullAnswer
	err  error
}

// errReadAbandoned is what the pulls sharing a read get when it panicked.
var errReadAbandoned = errors.New("shared pull read abandoned")

// answer returns the answer to k in round r. It joins a read of the same
// question in the round that is in flight or ended less than shareFor ago,
// or else calls read, which the pulls asking meanwhile then share. The
// read does not stop when ctx does, as it serves other pulls; the wait
// for another pull's read does.
func (r *round) answer(ctx context.Context, k answerKey, read func(context.Context, answerKey) (*pullAnswer, error)) (*pullAnswer, error) {
	r.mu.Lock()
	if c, ok := r.calls[k]; ok {
		r.mu.Unlock()
		select {
		case <-c.done:
			return c.ans, c.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	c := &pullCall{done: make(chan struct{}), err: errReadAbandoned}
	r.calls[k] = c
	r.mu.Unlock()
	defer func() {
		close(c.done)
		if c.err != nil {
			r.forget(k, c)
			return
		}
		time.AfterFunc(shareFor, func() { r.forget(k, c) })
	}()
	c.ans, c.err = read(context.WithoutCancel(ctx), k)
	return c.ans, c.err
}

// forget drops call c to k, so the next pull asking reads again.
func (r *round) forget(k answerKey, c *pullCall) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.calls[k] == c {
		delete(r.calls, k)
	}
}

// pullAnswer is an encoded answer to a pull, which many pulls may send.
// It is not changed once made, but for its gzipped form, made once on
// first use.
type pullAnswer struct {
	events int    // events in body
	body   []byte // the JSON answer

	gzipOnce sync.Once
	gzip     []byte
}

// write sends the answer as writeBody would: gzipped when the desk accepts
// it and the answer is big enough to gain from it.
func (a *pullAnswer) write(w http.ResponseWriter, r *http.Request) {
	if len(a.body) < gzipMinBytes || !acceptsGzip(r) {
		writeBody(w, r, http.StatusOK, a.body)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Add("Vary", "Accept-Encoding")
	h.Set("Content-Encoding", "gzip")
	w.WriteHeader(http.StatusOK)
	w.Write(a.gzipped())
}

func (a *pullAnswer) gzipped() []byte {
	a.gzipOnce.Do(func() {
		// Events gzip to about a quarter of their size: one buffer of a
		// third is seldom grown.
		buf := bytes.NewBuffer(make([]byte, 0, len(a.body)/3+64))
		zw := gzipWriters.get()
		zw.Reset(buf)
		zw.Write(a.body)
		zw.Close()
		gzipWriters.put(zw)
		a.gzip = buf.Bytes()
	})
	return a.gzip
}
