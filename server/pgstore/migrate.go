package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// migrations are applied in order, each once, recorded in fd_schema. Only
// ever append to this list.
var migrations = []string{
	`CREATE TABLE fd_meta (
		key   text PRIMARY KEY,
		value text NOT NULL
	);
	CREATE TABLE fd_property_seq (
		property text PRIMARY KEY,
		last_seq bigint NOT NULL
	);
	CREATE TABLE fd_events (
		property  text        NOT NULL,
		seq       bigint      NOT NULL,
		id        text        NOT NULL UNIQUE,
		desk      text        NOT NULL,
		type      text        NOT NULL,
		data      bytea       NOT NULL,
		stored_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (property, seq)
	);
	CREATE TABLE fd_enrolments (
		code_hash text PRIMARY KEY,
		property  text        NOT NULL,
		expires   timestamptz NOT NULL,
		used_at   timestamptz,
		desk      text
	);
	CREATE TABLE fd_desks (
		id         text PRIMARY KEY,
		property   text        NOT NULL,
		token_hash text        NOT NULL,
		enrolled   timestamptz NOT NULL,
		revoked    timestamptz
	);
	CREATE TABLE fd_tokens (
		hash text PRIMARY KEY,
		desk text NOT NULL REFERENCES fd_desks (id)
	);`,
	// The desks' public signing keys (docs/ARCHITECTURE.md, The audit
	// chain); since is the HLC from which the desk seals every event.
	`CREATE TABLE fd_desk_keys (
		desk   text   NOT NULL,
		key_id text   NOT NULL,
		pub    bytea  NOT NULL,
		since  bigint NOT NULL,
		PRIMARY KEY (desk, key_id)
	);`,
	// A group supervisor's grant: the properties its desk may read
	// (server.Desk.Group); NULL for a property's own desk and code.
	`ALTER TABLE fd_enrolments ADD COLUMN grp text[];
	ALTER TABLE fd_desks ADD COLUMN grp text[];`,
}

// migrate brings the schema up to date. Servers starting together take
// turns through a transaction-scoped advisory lock.
func (s *Store) migrate(ctx context.Context) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(846271001)`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS fd_schema (version int NOT NULL)`); err != nil {
			return err
		}
		var version int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM fd_schema`).Scan(&version); err != nil {
			return err
		}
		for i := version; i < len(migrations); i++ {
			if _, err := tx.Exec(ctx, migrations[i]); err != nil {
				return fmt.Errorf("migration %d: %w", i+1, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO fd_schema (version) VALUES ($1)`, i+1); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}
