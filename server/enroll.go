package server

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"floordesk/data/wire"
)

// DefaultEnrolmentValidity is how long an enrolment code can be used.
const DefaultEnrolmentValidity = 24 * time.Hour

// MaxEnrolmentValidity is the longest an enrolment code can be made to last:
// a code lying about unused is a way in for whoever finds it.
const MaxEnrolmentValidity = 7 * 24 * time.Hour

// CheckEnrolmentValidity refuses a validity that is not above zero or is
// longer than MaxEnrolmentValidity, saying so in words for the
// administrator.
func CheckEnrolmentValidity(valid time.Duration) error {
	switch {
	case valid <= 0:
		return fmt.Errorf("a code must be valid for some time, such as 24h; %v was asked", valid)
	case valid > MaxEnrolmentValidity:
		return fmt.Errorf("a code can be valid for at most %v (7 days); %v was asked: make a new code when it runs out", MaxEnrolmentValidity, valid)
	}
	return nil
}

// codeAlphabet is Crockford's base32: no I, L, O or U to misread.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// CreateEnrolment makes a one-time enrolment code for property, valid until
// now+valid (at most MaxEnrolmentValidity), and records its hash in store.
// The code is returned this once, for the administrator to give to the
// desk.
func CreateEnrolment(ctx context.Context, store Store, property string, now time.Time, valid time.Duration) (string, error) {
	if !ValidProperty(property) {
		return "", fmt.Errorf("property %q: use 1 to 64 letters, digits, '.', '_' or '-'", property)
	}
	if err := CheckEnrolmentValidity(valid); err != nil {
		return "", err
	}
	code := newCode()
	err := store.AddEnrolment(ctx, Enrolment{CodeHash: HashSecret(normalCode(code)), Property: property, Expires: now.Add(valid)})
	if err != nil {
		return "", err
	}
	return code, nil
}

// newCode makes a code of 16 characters (80 bits) in groups of four.
func newCode() string {
	var b [16]byte
	rand.Read(b[:])
	var sb strings.Builder
	for i, c := range b {
		if i > 0 && i%4 == 0 {
			sb.WriteByte('-')
		}
		sb.WriteByte(codeAlphabet[c%32])
	}
	return sb.String()
}

// normalCode forgives case, spaces and dashes, and the usual misreadings.
func normalCode(code string) string {
	r := strings.NewReplacer("-", "", " ", "", "I", "1", "L", "1", "O", "0")
	return r.Replace(strings.ToUpper(strings.TrimSpace(code)))
}

func (s *Server) handleEnroll(w http.ResponseWriter, r *http.Request) {
	var req wire.EnrollRequest
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Message: "body must be JSON {code, desk}"})
		return
	}
	if !ValidDesk(req.Desk) {
		writeError(w, http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: "desk", Message: "desk must be 1 to 64 letters, digits, '.', '_' or '-'"})
		return
	}
	var key wire.DeskKey
	if req.Key != nil {
		var bad *wire.ErrorBody
		if key, bad = s.deskKey(req.Desk, *req.Key); bad != nil {
			writeError(w, http.StatusBadRequest, *bad)
			return
		}
	}
	token := newToken()
	desk, err := s.store.Enroll(r.Context(), HashSecret(normalCode(req.Code)), req.Desk, HashSecret(token), s.cfg.Now())
	if err != nil {
		s.enrollError(w, req.Desk, err)
		return
	}
	s.log.Info("desk enrolled", "desk", desk.ID, "property", desk.Property, "group", desk.Group)
	if key.Pub != nil {
		if err := s.addKey(r.Context(), key); err != nil { // the desk registers it again at its next sync
			s.log.Error("enroll: desk key not registered", "desk", desk.ID, "err", err)
		}
	}
	writeJSON(w, r, http.StatusOK, wire.EnrollResponse{Token: token, Property: desk.Property, Desk: desk.ID, Group: desk.Group})
}

func (s *Server) enrollError(w http.ResponseWriter, desk string, err error) {
	switch {
	case errors.Is(err, ErrNotFound), errors.Is(err, ErrCodeUsed):
		s.log.Warn("enrolment refused", "desk", desk, "err", err)
		writeError(w, http.StatusForbidden, wire.ErrorBody{Code: wire.ErrCodeBadCode, Field: "code", Message: "the enrolment code is unknown, already used or expired"})
	case errors.Is(err, ErrDeskExists):
		writeError(w, http.StatusConflict, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: "desk", Message: "a desk with this ID is already enrolled; revoke it first"})
	default:
		s.internalError(w, "enroll", err)
	}
}
