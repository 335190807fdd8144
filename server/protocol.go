package server

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"floordesk/data/wire"
)

// protocol marks every answer with the server's sync protocol level and
// the oldest desk level it serves, and refuses a desk's request (push,
// pull, info, enrolment) from a desk older than that with 426 before the
// handler runs: the desk shows "please update". The admin API serves this
// build's own commands and is not checked.
func (s *Server) protocol(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set(wire.ProtocolHeader, strconv.Itoa(wire.Protocol))
		w.Header().Set(wire.MinProtocolHeader, strconv.Itoa(s.cfg.MinDeskProtocol))
		if !strings.HasPrefix(r.URL.Path, "/v1/") || strings.HasPrefix(r.URL.Path, "/v1/admin/") {
			next.ServeHTTP(w, r)
			return
		}
		level, ok := wire.ParseProtocol(r.Header.Get(wire.ProtocolHeader))
		if !ok {
			hangUpAfter(w, r)
			writeError(w, http.StatusBadRequest, wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: wire.ProtocolHeader,
				Message: fmt.Sprintf("%s must be a protocol level from 1 to %d", wire.ProtocolHeader, wire.MaxProtocol)})
			return
		}
		if level < s.cfg.MinDeskProtocol {
			hangUpAfter(w, r)
			writeError(w, http.StatusUpgradeRequired, wire.ErrorBody{Code: wire.ErrCodeDeskTooOld, Field: wire.ProtocolHeader,
				Message: fmt.Sprintf("this desk speaks sync protocol %d; this server needs %d or newer: update FloorDesk on this PC", level, s.cfg.MinDeskProtocol)})
			return
		}
		next.ServeHTTP(w, r)
	})
}
