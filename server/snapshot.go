package server

import (
	"net/http"

	"github.com/klauspost/compress/gzip"

	"floordesk/data/wire"
)

// snapshotPage is how many events the snapshot reads from the store at a
// time, and snapshotPageBytes about how many bytes.
const (
	snapshotPage      = 5000
	snapshotPageBytes = 8 << 20
)

// handleSnapshot answers GET /v1/snapshot: every event of the desk's
// property up to its latest sequence, as stored (keys a purge destroyed
// are erased in the store), in one gzipped stream (wire.SnapshotPath). A
// new desk loads it instead of pulling years of history a thousand events
// at a time, then pulls from its Upto.
func (s *Server) handleSnapshot(w http.ResponseWriter, r *http.Request) {
	desk := deskFrom(r.Context())
	ctx := r.Context()
	epoch, err := s.epoch(w, ctx)
	if err != nil {
		s.internalError(w, "snapshot", err)
		return
	}
	upto, err := s.store.LastSeq(ctx, desk.Property)
	if err != nil {
		s.internalError(w, "snapshot", err)
		return
	}
	w.Header().Set("Content-Type", wire.SnapshotType)
	w.WriteHeader(http.StatusOK)
	gz, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	sw, err := wire.NewSnapshotWriter(gz, wire.SnapshotHeader{Epoch: epoch, Upto: upto})
	if err != nil {
		return // the desk went away
	}
	if err := s.streamEvents(r, desk.Property, upto, sw); err != nil {
		s.log.Warn("snapshot cut short", "desk", desk.ID, "err", err)
		return // the desk sees no last line and pulls instead
	}
	if sw.Close() == nil {
		gz.Close()
	}
}

// streamEvents writes the property's events from the first to upto.
func (s *Server) streamEvents(r *http.Request, property string, upto uint64, sw *wire.SnapshotWriter) error {
	for after := uint64(0); after < upto; {
		recs, err := s.store.Since(r.Context(), property, after, snapshotPage, snapshotPageBytes)
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return nil
		}
		for _, rec := range recs {
			if rec.Seq > upto {
				return nil
			}
			if err := sw.Event(rec.Seq, rec.Raw); err != nil {
				return err
			}
			after = rec.Seq
		}
	}
	return nil
}
