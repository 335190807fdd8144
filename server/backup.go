package server

import (
	"io"
	"net/http"

	"floordesk/data/wire"
)

// Backuper is a store that can write a consistent backup of itself while
// it serves (the embedded store does; PostgreSQL is backed up with its own
// tools).
type Backuper interface {
	// Backup writes a full backup to w. An error may come after part of
	// the backup was written.
	Backup(w io.Writer) error
}

// BackupTrailer is the trailer that ends a complete backup answer. A
// backup that failed midway, after the status was sent, lacks it.
const BackupTrailer = "FloorDesk-Backup"

// handleAdminBackup streams a backup of the store as the answer.
func (s *Server) handleAdminBackup(w http.ResponseWriter, r *http.Request) {
	b, ok := s.store.(Backuper)
	if !ok {
		writeError(w, http.StatusNotImplemented, wire.ErrorBody{Code: wire.ErrCodeUnsupported, Message: "this store cannot be backed up through the server: back up the database with its own tools"})
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Trailer", BackupTrailer)
	w.WriteHeader(http.StatusOK)
	if err := b.Backup(w); err != nil {
		s.log.Error("backup failed", "err", err)
		return
	}
	w.Header().Set(BackupTrailer, "complete")
	s.log.Info("backup sent")
}
