package pgstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"floordesk/server"
)

// Erase rewrites property's event id as erase makes it, in place
// (server.ErrNotFound when property does not hold it). The
// row's old version stays in the table's files until VACUUM reclaims it,
// and in the write-ahead log and base backups the database keeps
// (docs/data-protection.md).
func (s *Store) Erase(ctx context.Context, property, id string, erase func([]byte) ([]byte, error)) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var raw []byte
		err := tx.QueryRow(ctx, `SELECT data FROM fd_events WHERE id = $1 AND property = $2 FOR UPDATE`, id, property).Scan(&raw)
		if errors.Is(err, pgx.ErrNoRows) {
			return server.ErrNotFound
		}
		if err != nil {
			return err
		}
		out, err := erase(raw)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE fd_events SET data = $1 WHERE id = $2 AND property = $3`, out, id, property)
		return err
	})
	if err != nil {
		return fmt.Errorf("erase %s: %w", id, err)
	}
	return nil
}
