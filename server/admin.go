package server

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"time"

	"floordesk/data/wire"
)

// The admin API (/v1/admin/…) lets floordesk-server's own commands work on
// a running server whose store they cannot open (the embedded store is
// single-process). It needs the admin token and answers only requests from
// this machine. /metrics needs the admin token too.

// AdminEnrollRequest is the body of POST /v1/admin/enroll.
type AdminEnrollRequest struct {
	Property string   `json:"property,omitempty"`
	Group    []string `json:"group,omitempty"` // a group grant's properties (CheckGroup), instead of Property
	Valid    string   `json:"valid,omitempty"` // a Go duration up to MaxEnrolmentValidity; "": DefaultEnrolmentValidity
}

// AdminEnrollResponse carries a new one-time enrolment code.
type AdminEnrollResponse struct {
	Code     string    `json:"code"`
	Property string    `json:"property,omitempty"`
	Group    []string  `json:"group,omitempty"`
	Expires  time.Time `json:"expires"`
}

// AdminRevokeRequest is the body of POST /v1/admin/revoke.
type AdminRevokeRequest struct {
	Desk string `json:"desk"`
}

// AdminDesk is one desk in the answer to GET /v1/admin/desks.
type AdminDesk struct {
	ID       string     `json:"id"`
	Property string     `json:"property"`
	Enrolled time.Time  `json:"enrolled"`
	Revoked  *time.Time `json:"revoked,omitempty"`
	Group    []string   `json:"group,omitempty"`
}

// AdminDesksResponse answers GET /v1/admin/desks.
type AdminDesksResponse struct {
	Desks []AdminDesk `json:"desks"`
}

// NewAdminToken makes an admin token: 256 random bits.
func NewAdminToken() string {
	var b [32]byte
	rand.Read(b[:])
	return "fda_" + base64.RawURLEncoding.EncodeToString(b[:])
}

// isAdmin reports whether r carries the admin token.
func (s *Server) isAdmin(r *http.Request) bool {
	token, ok := bearer(r)
	if !ok || s.cfg.AdminToken == "" {
		return false
	}
	got, want := sha256.Sum256([]byte(token)), sha256.Sum256([]byte(s.cfg.AdminToken))
	return subtle.ConstantTimeCompare(got[:], want[:]) == 1
}

// adminToken admits only requests with the admin token.
func (s *Server) adminToken(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.isAdmin(r) {
			s.unauthorized(w, r, "admin token required")
			return
		}
		next(w, r)
	})
}

// adminLocal admits only requests with the admin token from this machine.
func (s *Server) adminLocal(next http.HandlerFunc) http.Handler {
	return s.adminToken(func(w http.ResponseWriter, r *http.Request) {
		if !fromThisHost(r) {
			writeError(w, http.StatusForbidden, wire.ErrorBody{Code: wire.ErrCodeForbidden, Message: "the admin API answers only on the server's own machine"})
			return
		}
		next(w, r)
	})
}

// fromThisHost reports whether the request came from a loopback address or
// from the very address it reached (another process on this machine).
func fromThisHost(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	remote := net.ParseIP(host)
	if remote == nil {
		return false
	}
	if remote.IsLoopback() {
		return true
	}
	local, ok := r.Context().Value(http.LocalAddrContextKey).(*net.TCPAddr)
	return ok && local.IP.Equal(remote)
}

func (s *Server) handleAdminEnroll(w http.ResponseWriter, r *http.Request) {
	var req AdminEnrollRequest
	if !readAdminJSON(w, r, &req) {
		return
	}
	valid := DefaultEnrolmentValidity
	if req.Valid != "" {
		d, err := time.ParseDuration(req.Valid)
		if err != nil {
			writeError(w, http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: "valid", Message: "valid must be a duration such as 24h"})
			return
		}
		valid = d
	}
	if err := CheckEnrolmentValidity(valid); err != nil {
		writeError(w, http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: "valid", Message: err.Error()})
		return
	}
	if req.Group != nil && req.Property != "" {
		writeError(w, http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: "group", Message: "give a property or a group, not both"})
		return
	}
	if req.Group != nil {
		s.adminEnrollGroup(w, r, req.Group, valid)
		return
	}
	if !ValidProperty(req.Property) {
		writeError(w, http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: "property", Message: "property must be 1 to 64 letters, digits, '.', '_' or '-'"})
		return
	}
	now := s.cfg.Now()
	code, err := CreateEnrolment(r.Context(), s.store, req.Property, now, valid)
	if err != nil {
		s.internalError(w, "admin enroll", err)
		return
	}
	s.log.Info("enrolment code created", "property", req.Property)
	writeJSON(w, r, http.StatusOK, AdminEnrollResponse{Code: code, Property: req.Property, Expires: now.Add(valid)})
}

// adminEnrollGroup answers POST /v1/admin/enroll for a group grant.
func (s *Server) adminEnrollGroup(w http.ResponseWriter, r *http.Request, group []string, valid time.Duration) {
	now := s.cfg.Now()
	code, err := CreateGroupEnrolment(r.Context(), s.store, group, now, valid)
	var bad *GroupError
	if errors.As(err, &bad) {
		writeError(w, http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: "group", Message: bad.Reason})
		return
	}
	if err != nil {
		s.internalError(w, "admin enroll", err)
		return
	}
	s.log.Info("group enrolment code created", "group", group)
	writeJSON(w, r, http.StatusOK, AdminEnrollResponse{Code: code, Group: group, Expires: now.Add(valid)})
}

func (s *Server) handleAdminRevoke(w http.ResponseWriter, r *http.Request) {
	var req AdminRevokeRequest
	if !readAdminJSON(w, r, &req) {
		return
	}
	err := s.store.Revoke(r.Context(), req.Desk, s.cfg.Now())
	if errors.Is(err, ErrNotFound) {
		writeError(w, http.StatusNotFound, wire.ErrorBody{Code: wire.ErrCodeNotFound, Field: "desk", Message: "no desk " + req.Desk})
		return
	}
	if err != nil {
		s.internalError(w, "admin revoke", err)
		return
	}
	s.deskChanged(req.Desk)
	s.log.Info("desk revoked", "desk", req.Desk)
	writeJSON(w, r, http.StatusOK, AdminRevokeRequest{Desk: req.Desk})
}

func (s *Server) handleAdminDesks(w http.ResponseWriter, r *http.Request) {
	list, err := s.store.Desks(r.Context())
	if err != nil {
		s.internalError(w, "admin desks", err)
		return
	}
	out := AdminDesksResponse{Desks: make([]AdminDesk, 0, len(list))}
	for _, d := range list {
		ad := AdminDesk{ID: d.ID, Property: d.Property, Enrolled: d.Enrolled, Group: d.Group}
		if !d.Revoked.IsZero() {
			ad.Revoked = &d.Revoked
		}
		out.Desks = append(out.Desks, ad)
	}
	writeJSON(w, r, http.StatusOK, out)
}

// readAdminJSON decodes a small admin request body, answering 400 when it
// is not the JSON expected.
func readAdminJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Message: "body is not the JSON expected: " + err.Error()})
		return false
	}
	return true
}
