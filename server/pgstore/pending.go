package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"floordesk/server"
)

// AddPendingErasure remembers p for property and forgets the oldest
// beyond max, in one transaction. It holds the property's counter row
// locked, as a push does (events.go), so adders of one property take
// turns (the count holds), and a push either sees the new pending erasure
// in its Append or commits before it is added.
func (s *Store) AddPendingErasure(ctx context.Context, property string, p server.PendingErasure, max int) ([]server.PendingErasure, error) {
	var dropped []server.PendingErasure
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		dropped = nil
		if _, err := tx.Exec(ctx, addSeqSQL, property); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, lockSeqSQL, property); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO fd_pending_erasures (property, target, erasure) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, property, p.Target, p.Erasure)
		if err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `DELETE FROM fd_pending_erasures WHERE n IN (
				SELECT n FROM fd_pending_erasures WHERE property = $1 ORDER BY n DESC OFFSET $2)
			RETURNING target, erasure`, property, max)
		if err != nil {
			return err
		}
		dropped, err = pgx.CollectRows(rows, pgx.RowToStructByPos[server.PendingErasure])
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("add pending erasure of %s: %w", p.Target, err)
	}
	return dropped, nil
}

// PendingErasures returns property's pending erasures of targets, oldest
// first.
func (s *Store) PendingErasures(ctx context.Context, property string, targets []string) ([]server.PendingErasure, error) {
	rows, err := s.pool.Query(ctx, `SELECT target, erasure FROM fd_pending_erasures
		WHERE property = $1 AND target = ANY($2) ORDER BY n`, property, targets)
	if err != nil {
		return nil, fmt.Errorf("pending erasures: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByPos[server.PendingErasure])
	if err != nil {
		return nil, fmt.Errorf("pending erasures: %w", err)
	}
	return out, nil
}

// DropPendingErasure forgets p.
func (s *Store) DropPendingErasure(ctx context.Context, property string, p server.PendingErasure) error {
	err := retry(ctx, func() error {
		_, err := s.pool.Exec(ctx, `DELETE FROM fd_pending_erasures WHERE property = $1 AND target = $2 AND erasure = $3`,
			property, p.Target, p.Erasure)
		return err
	})
	if err != nil {
		return fmt.Errorf("drop pending erasure of %s: %w", p.Target, err)
	}
	return nil
}
