package server

import (
	"context"
	"fmt"
	"net/http"
	"slices"

	"floordesk/data/wire"
)

// verifyPage is how many events Verify reads at a time.
const verifyPage = 1000

// Verify checks every event the store holds against its desk's chain and
// key (wire.Audit): gaps, events changed after they were sealed, forks,
// signatures that are not the desk's, seals removed. It reads each
// property in sequence order, in which each desk's events were stored.
// An error means the store could not be read; the report says what it
// found.
func Verify(ctx context.Context, st Store) (wire.AuditReport, error) {
	ring, err := st.DeskKeys(ctx)
	if err != nil {
		return wire.AuditReport{}, fmt.Errorf("verify: %w", err)
	}
	props, err := properties(ctx, st)
	if err != nil {
		return wire.AuditReport{}, fmt.Errorf("verify: %w", err)
	}
	audit := wire.NewAudit(ring)
	for _, p := range props {
		if err := auditProperty(ctx, st, p, audit); err != nil {
			return wire.AuditReport{}, fmt.Errorf("verify %s: %w", p, err)
		}
	}
	return audit.Report(), nil
}

// properties lists the properties desks were ever enrolled in.
func properties(ctx context.Context, st Store) ([]string, error) {
	desks, err := st.Desks(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, d := range desks {
		if !slices.Contains(out, d.Property) {
			out = append(out, d.Property)
		}
	}
	slices.Sort(out)
	return out, nil
}

func auditProperty(ctx context.Context, st Store, property string, audit *wire.Audit) error {
	for after := uint64(0); ; {
		recs, err := st.Since(ctx, property, after, verifyPage, wire.MaxAnswerBytes)
		if err != nil || len(recs) == 0 {
			return err
		}
		for _, r := range recs {
			ev, err := wire.DecodeEvent(r.Raw)
			if err != nil {
				audit.Undecodable(fmt.Sprintf("%s #%d", property, r.Seq), err)
				continue
			}
			audit.Add(ev)
		}
		after = recs[len(recs)-1].Seq
	}
}

// AdminVerifyResponse answers POST /v1/admin/verify: the report as text,
// and whether every chain was whole.
type AdminVerifyResponse struct {
	OK       bool   `json:"ok"`
	Problems int    `json:"problems"`
	Report   string `json:"report"`
}

func (s *Server) handleAdminVerify(w http.ResponseWriter, r *http.Request) {
	rep, err := Verify(r.Context(), s.store)
	if err != nil {
		s.internalError(w, "admin verify", err)
		return
	}
	writeJSON(w, r, http.StatusOK, AdminVerifyResponse{OK: rep.OK(), Problems: len(rep.Problems), Report: rep.String()})
}
