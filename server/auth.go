package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"

	"floordesk/data/wire"
)

type deskKey struct{}

// deskFrom returns the desk an authenticated request came from.
func deskFrom(ctx context.Context) Desk {
	d, _ := ctx.Value(deskKey{}).(Desk)
	return d
}

// authed admits only requests with a valid, unrevoked bearer token, and
// answers the rest with 401 without reading their body.
func (s *Server) authed(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := bearer(r)
		if !ok {
			s.unauthorized(w, r, "missing bearer token")
			return
		}
		desk, err := s.store.DeskByToken(r.Context(), HashSecret(token))
		switch {
		case errors.Is(err, ErrNotFound):
			s.unauthorized(w, r, "unknown token")
			return
		case errors.Is(err, ErrRevoked):
			s.unauthorized(w, r, "token revoked")
			return
		case err != nil:
			s.internalError(w, "auth", err)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), deskKey{}, desk)))
	})
}

// unauthorized answers 401 at once, without reading the body, and closes
// the connection.
func (s *Server) unauthorized(w http.ResponseWriter, r *http.Request, why string) {
	s.metrics.unauthorized.Add(1)
	hangUpAfter(w, r)
	w.Header().Set("WWW-Authenticate", `Bearer realm="floordesk"`)
	writeError(w, http.StatusUnauthorized, wire.ErrorBody{Code: wire.ErrCodeUnauthorized, Message: why})
}

func bearer(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

// HashSecret is how tokens and enrolment codes are kept: the hex SHA-256 of
// the secret. Both are long random strings, so a plain hash is enough.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// newToken makes a desk token: 256 random bits.
func newToken() string {
	var b [32]byte
	rand.Read(b[:])
	return "fdt_" + base64.RawURLEncoding.EncodeToString(b[:])
}
