package server

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"floordesk/data/wire"
)

// maxKeyRequestBytes bounds a key registration: a key of 43 characters
// and a clock reading fit many times over.
const maxKeyRequestBytes = 1 << 10

// handleKey registers the signing key of the desk that asks (POST
// /v1/key): a desk from before the chain does so on its first sync with
// this build, a desk restored from a backup with its new key. Only the
// desk's own token can add a key to it.
func (s *Server) handleKey(w http.ResponseWriter, r *http.Request) {
	desk := deskFrom(r.Context())
	var req wire.KeyRequest
	r.Body = http.MaxBytesReader(w, r.Body, maxKeyRequestBytes)
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Message: "body must be JSON {public_key, since}"})
		return
	}
	k, bad := s.deskKey(desk.ID, req)
	if bad != nil {
		writeError(w, http.StatusBadRequest, *bad)
		return
	}
	if err := s.addKey(r.Context(), k); err != nil {
		s.internalError(w, "key", err)
		return
	}
	writeJSON(w, r, http.StatusOK, map[string]string{"key": wire.KeyID(k.Pub)})
}

// deskKey checks a key registration. Since may not be later than the
// server's clock allows events to be (a desk cannot claim a window for
// unsealed events in the future).
func (s *Server) deskKey(desk string, req wire.KeyRequest) (wire.DeskKey, *wire.ErrorBody) {
	pub, err := wire.DecodeKey(req.PublicKey)
	if err != nil {
		return wire.DeskKey{}, &wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: "public_key", Message: err.Error()}
	}
	latest := wire.MakeTimestamp(s.cfg.Now().Add(wire.MaxClockAhead).UnixMilli(), 0)
	return wire.DeskKey{Desk: desk, Pub: pub, Since: min(req.Since, latest)}, nil
}

func (s *Server) addKey(ctx context.Context, k wire.DeskKey) error {
	err := s.store.AddDeskKey(ctx, k)
	s.keys.forget()
	if err == nil {
		s.log.Info("desk key registered", "desk", k.Desk, "key", wire.KeyID(k.Pub), "since", k.Since.Time().UTC().Format(time.RFC3339))
	}
	return err
}
