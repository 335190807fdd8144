package pgstore

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// Restored gives the database a fresh epoch, revokes every desk and voids
// every enrolment code not yet used, in one transaction; call it after
// restoring the database with PostgreSQL's tools, every server stopped
// (each reads the epoch once). Servers still running forget the desks'
// tokens when the transaction commits, as after a revoke.
func (s *Store) Restored(ctx context.Context, now time.Time) (string, error) {
	epoch := uuid.NewString()
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO fd_meta (key, value) VALUES ('epoch', $1)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, epoch)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE fd_desks SET revoked = $1 WHERE revoked IS NULL`, now); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE fd_enrolments SET expires = $1 WHERE used_at IS NULL AND expires > $1`, now); err != nil {
			return err
		}
		if s.listener == nil {
			return nil
		}
		_, err = tx.Exec(ctx, `SELECT pg_notify($1, id) FROM fd_desks`, deskChannel)
		return err
	})
	s.tokens.forgetAll() // even after an error: it may have committed
	if err != nil {
		return "", fmt.Errorf("restored: %w", err)
	}
	s.epoch.Store(&epoch)
	return epoch, nil
}
