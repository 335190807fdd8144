package pgstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"floordesk/server"
)

// AddEnrolment records a one-time enrolment code.
func (s *Store) AddEnrolment(ctx context.Context, e server.Enrolment) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO fd_enrolments (code_hash, property, expires, grp) VALUES ($1, $2, $3, $4)`,
		e.CodeHash, e.Property, e.Expires, e.Group)
	if err != nil {
		return fmt.Errorf("add enrolment: %w", diskFull(err))
	}
	return nil
}

// Enroll uses up an enrolment code and records the desk.
func (s *Store) Enroll(ctx context.Context, codeHash, desk, tokenHash string, now time.Time) (server.Desk, error) {
	var d server.Desk
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		d, err = enrollTx(ctx, tx, codeHash, desk, tokenHash, now)
		if err == nil && s.listener != nil {
			// A re-enrolled desk's old token is no longer valid.
			_, err = tx.Exec(ctx, `SELECT pg_notify($1, $2)`, deskChannel, desk)
		}
		return err
	})
	s.tokens.forget(desk) // even after an error: it may have committed
	if err != nil {
		return server.Desk{}, fmt.Errorf("enroll: %w", err)
	}
	return d, nil
}

func enrollTx(ctx context.Context, tx pgx.Tx, codeHash, desk, tokenHash string, now time.Time) (server.Desk, error) {
	var property string
	var expires time.Time
	var used *time.Time
	var group []string
	err := tx.QueryRow(ctx, `SELECT property, expires, used_at, grp FROM fd_enrolments WHERE code_hash = $1 FOR UPDATE`, codeHash).
		Scan(&property, &expires, &used, &group)
	if errors.Is(err, pgx.ErrNoRows) {
		return server.Desk{}, server.ErrNotFound
	}
	if err != nil {
		return server.Desk{}, err
	}
	if used != nil || !now.Before(expires) {
		return server.Desk{}, server.ErrCodeUsed
	}
	var revoked *time.Time
	err = tx.QueryRow(ctx, `SELECT revoked FROM fd_desks WHERE id = $1 FOR UPDATE`, desk).Scan(&revoked)
	switch {
	case err == nil && revoked == nil:
		return server.Desk{}, server.ErrDeskExists
	case err != nil && !errors.Is(err, pgx.ErrNoRows):
		return server.Desk{}, err
	}
	d := server.Desk{ID: desk, Property: property, TokenHash: tokenHash, Enrolled: now, Group: group}
	return d, writeEnrolment(ctx, tx, d, codeHash)
}

func writeEnrolment(ctx context.Context, tx pgx.Tx, d server.Desk, codeHash string) error {
	if _, err := tx.Exec(ctx, `UPDATE fd_enrolments SET used_at = $2, desk = $3 WHERE code_hash = $1`, codeHash, d.Enrolled, d.ID); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO fd_desks (id, property, token_hash, enrolled, revoked, grp) VALUES ($1, $2, $3, $4, NULL, $5)
		ON CONFLICT (id) DO UPDATE SET property = excluded.property, token_hash = excluded.token_hash,
			enrolled = excluded.enrolled, revoked = NULL, grp = excluded.grp`, d.ID, d.Property, d.TokenHash, d.Enrolled, d.Group)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO fd_tokens (hash, desk) VALUES ($1, $2)`, d.TokenHash, d.ID)
	return err
}

const deskColumns = `d.id, d.property, d.token_hash, d.enrolled, d.revoked, d.grp`

func scanDesk(row pgx.Row) (server.Desk, error) {
	var d server.Desk
	var revoked *time.Time
	if err := row.Scan(&d.ID, &d.Property, &d.TokenHash, &d.Enrolled, &revoked, &d.Group); err != nil {
		return server.Desk{}, err
	}
	if revoked != nil {
		d.Revoked = *revoked
	}
	return d, nil
}

// DeskByToken finds the desk a token belongs to, from memory while the
// listener hears the other servers' changes to desks.
func (s *Store) DeskByToken(ctx context.Context, tokenHash string) (server.Desk, error) {
	d, gen, ok := s.tokens.get(tokenHash)
	if ok {
		return d, nil
	}
	d, err := s.readDeskByToken(ctx, tokenHash)
	if err == nil {
		s.tokens.put(tokenHash, d, gen)
	}
	return d, err
}

func (s *Store) readDeskByToken(ctx context.Context, tokenHash string) (server.Desk, error) {
	d, err := scanDesk(s.pool.QueryRow(ctx, `SELECT `+deskColumns+`
		FROM fd_tokens t JOIN fd_desks d ON d.id = t.desk WHERE t.hash = $1`, tokenHash))
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return server.Desk{}, fmt.Errorf("desk by token: %w", server.ErrNotFound)
	case err != nil:
		return server.Desk{}, fmt.Errorf("desk by token: %w", err)
	case d.TokenHash != tokenHash || !d.Revoked.IsZero():
		return d, fmt.Errorf("desk by token: %w", server.ErrRevoked)
	}
	return d, nil
}

const (
	revokeSQL = `UPDATE fd_desks SET revoked = coalesce(revoked, $2) WHERE id = $1`
	// revokeNotifySQL also notifies the other servers, on commit.
	revokeNotifySQL = `WITH r AS (` + revokeSQL + ` RETURNING id) SELECT pg_notify('` + deskChannel + `', id) FROM r`
)

// Revoke revokes a desk's token, on every server sharing the database.
func (s *Store) Revoke(ctx context.Context, desk string, now time.Time) error {
	sql := revokeNotifySQL
	if s.listener == nil {
		sql = revokeSQL
	}
	tag, err := s.pool.Exec(ctx, sql, desk, now)
	s.tokens.forget(desk) // even after an error: it may have committed
	if err != nil {
		return fmt.Errorf("revoke %s: %w", desk, diskFull(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("revoke %s: %w", desk, server.ErrNotFound)
	}
	return nil
}

// Desks lists every desk ever enrolled.
func (s *Store) Desks(ctx context.Context) ([]server.Desk, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+deskColumns+` FROM fd_desks d ORDER BY d.id`)
	if err != nil {
		return nil, fmt.Errorf("desks: %w", err)
	}
	defer rows.Close()
	var desks []server.Desk
	for rows.Next() {
		d, err := scanDesk(rows)
		if err != nil {
			return nil, fmt.Errorf("desks: %w", err)
		}
		desks = append(desks, d)
	}
	return desks, rows.Err()
}
