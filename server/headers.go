package server

import (
	"mime"
	"net/http"

	"floordesk/data/wire"
)

// nosniff marks every answer: a browser must take it for the type it
// says, never guess (an error message echoing a request is not a page).
func nosniff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}

// noStore marks an answer no cache may keep: it carries a token, an
// enrolment code or the administrator's view of the desks.
func noStore(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next(w, r)
	}
}

// jsonOnly refuses with 415, without reading it, a body not declared as
// application/json.
func jsonOnly(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != "application/json" {
			hangUpAfter(w, r)
			writeError(w, http.StatusUnsupportedMediaType, wire.ErrorBody{Code: wire.ErrCodeUnsupported, Field: "Content-Type", Message: "the body must be JSON, sent with Content-Type: application/json"})
			return
		}
		next(w, r)
	}
}
