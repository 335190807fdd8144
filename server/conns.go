package server

import (
	"net/http"
	"time"
)

// What a connection may cost the server before anyone on it has shown a
// token: a few seconds and a few kilobytes. A request with a valid desk
// token gets longer deadlines once the token is checked: a push's body may
// come over a slow link, and a pull is held open for its wait.
const (
	// HeaderTimeout bounds the request line and headers, from the first
	// byte (and a TLS handshake).
	HeaderTimeout = 5 * time.Second
	// RequestTimeout bounds a whole request, headers and body, unless a
	// valid desk token extends it: a stranger's, an enrolment's, an
	// administrator's.
	RequestTimeout = 5 * time.Second
	// AnswerTimeout bounds the writing of an answer, from the end of the
	// headers, unless a valid token extends it.
	AnswerTimeout = 10 * time.Second
	// DeskBodyTimeout bounds the body of a push from a desk with a valid
	// token (the desk gives up a push after a minute itself).
	DeskBodyTimeout = time.Minute
	// DeskAnswerTimeout bounds the writing of an answer to a desk with a
	// valid token, after its push was read or its pull's wait ended.
	DeskAnswerTimeout = time.Minute
	// IdleTimeout closes a kept-alive connection with no request.
	IdleTimeout = time.Minute
	// MaxHeaderBytes bounds a request's line and headers.
	MaxHeaderBytes = 64 << 10
	// DefaultMaxConns is how many connections are served at once; more
	// wait to be accepted. A connected desk holds one (two while pushing).
	DefaultMaxConns = 4096
)

// withDeadlines gives a request read and write deadlines read and write
// from now, in place of the server's defaults.
func withDeadlines(read, write time.Duration, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		now := time.Now()
		rc.SetReadDeadline(now.Add(read))
		rc.SetWriteDeadline(now.Add(write))
		next(w, r)
	}
}

// pushDeadlines are the deadlines of a desk's push.
func (s *Server) pushDeadlines(next http.HandlerFunc) http.HandlerFunc {
	return withDeadlines(DeskBodyTimeout, DeskBodyTimeout+DeskAnswerTimeout, next)
}

// pullDeadlines are the deadlines of a desk's pull: the defaults after the
// longest wait.
func (s *Server) pullDeadlines(next http.HandlerFunc) http.HandlerFunc {
	return withDeadlines(s.cfg.LongPoll+RequestTimeout, s.cfg.LongPoll+DeskAnswerTimeout, next)
}

// noWriteDeadline serves an answer that takes as long as it takes: a
// backup, to the administrator on the server's own machine.
func noWriteDeadline(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		http.NewResponseController(w).SetWriteDeadline(time.Time{})
		next(w, r)
	}
}

// hangUpAfter makes the answer the last on its connection and reads none
// of the body left: a stranger's request is answered at once, and whatever
// it still trickles is not waited for.
func hangUpAfter(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Connection", "close")
	if r.ContentLength != 0 {
		http.NewResponseController(w).SetReadDeadline(time.Now())
	}
}
