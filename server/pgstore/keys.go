package pgstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"floordesk/data/wire"
	"floordesk/server"
)

// AddDeskKey records a desk's public key, once.
func (s *Store) AddDeskKey(ctx context.Context, k wire.DeskKey) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO fd_desk_keys (desk, key_id, pub, since) VALUES ($1, $2, $3, $4)
		ON CONFLICT (desk, key_id) DO NOTHING`, k.Desk, wire.KeyID(k.Pub), []byte(k.Pub), int64(k.Since))
	if err != nil {
		return fmt.Errorf("add desk key: %w", diskFull(err))
	}
	return nil
}

// DeskKeys reads every desk's keys.
func (s *Store) DeskKeys(ctx context.Context) (wire.KeyRing, error) {
	rows, err := s.pool.Query(ctx, `SELECT desk, pub, since FROM fd_desk_keys ORDER BY desk, since`)
	if err != nil {
		return nil, fmt.Errorf("desk keys: %w", err)
	}
	ring := wire.KeyRing{}
	var k wire.DeskKey
	var pub []byte
	var since int64
	_, err = pgx.ForEachRow(rows, []any{&k.Desk, &pub, &since}, func() error {
		ring.Add(wire.DeskKey{Desk: k.Desk, Pub: append([]byte(nil), pub...), Since: wire.Timestamp(since)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("desk keys: %w", err)
	}
	return ring, nil
}

// Event reads one stored event by ID.
func (s *Store) Event(ctx context.Context, id string) ([]byte, error) {
	var raw []byte
	err := s.pool.QueryRow(ctx, `SELECT data FROM fd_events WHERE id = $1`, id).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, server.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", id, err)
	}
	return raw, nil
}
