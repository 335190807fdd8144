// Package pgstore is the server's event store on PostgreSQL, for a hotel
// group running several servers on one database. Sequence numbers are given
// in commit order by a counter row per property, locked inside the push
// transaction, so a pull cursor never skips an event. Valid tokens are
// kept in memory while a connection of the store's own LISTENs for the
// revocations every server NOTIFYs; the same connection hears the pushes
// stored through the other servers, so that each wakes its held pulls
// (see wake.go).
package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"floordesk/server"
)

var (
	_ server.Store        = (*Store)(nil)
	_ server.DeskWatcher  = (*Store)(nil)
	_ server.EventWatcher = (*Store)(nil)
)

// Store keeps events, desks and enrolment codes in PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
	// epoch is read once and kept: it changes only through Restored,
	// after a restore, with every server stopped.
	epoch atomic.Pointer[string]
	// tokens caches valid tokens while listener hears the other servers'
	// changes to desks.
	tokens *tokenCache
	// listener is nil when the engine cannot LISTEN (CockroachDB): then
	// the token cache is off, and changes to desks notify nobody.
	listener *listener
	// instance names this Store in its notifications of stored events.
	instance string
	// events is told of the properties other servers stored events in.
	events atomic.Pointer[func(property string)]
	// poller reads the counters while the listener does not hear.
	poller *poller
}

// Open connects to the database at url, applies the schema migrations and
// starts listening for changes to desks made by other servers, on a
// connection of its own. A url that reaches a database on another machine
// without TLS is refused before connecting (ErrPlainRemote, see CheckTLS).
func Open(ctx context.Context, url string) (*Store, error) {
	return open(ctx, url, quietCheck)
}

// open is Open, with the listener checking its connection after quiet
// without a notification.
func open(ctx context.Context, url string, quiet time.Duration) (*Store, error) {
	if err := CheckTLS(url); err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres url: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect postgres: %w", err)
	}
	s := &Store{pool: pool, tokens: newTokenCache(tokenTTL, time.Now), instance: uuid.NewString()}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	s.listen(ctx, cfg.ConnConfig, quiet)
	s.startPoller(pollEvery)
	return s, nil
}

// Close stops the poller and the listener and closes the connections.
func (s *Store) Close() error {
	s.poller.close()
	if s.listener != nil {
		s.listener.close()
	}
	s.pool.Close()
	return nil
}

// retryable reports errors after which a transaction may simply run again:
// serialization failures (the norm on CockroachDB), deadlocks, and a unique
// violation from the same event pushed to two properties at once.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40001", "40P01", "23505":
		return true
	}
	return false
}

// diskFull marks PostgreSQL's disk_full error (SQLSTATE 53100: a table or
// index could not grow) as server.ErrDiskFull, so the server answers 507.
// The transaction was rolled back; PostgreSQL itself stays up.
func diskFull(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "53100" {
		return fmt.Errorf("%w: %w", server.ErrDiskFull, err)
	}
	return err
}

// inTx runs fn in a transaction, retrying a few times when it fails with a
// retryable error.
func (s *Store) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	return retry(ctx, func() error { return pgx.BeginFunc(ctx, s.pool, fn) })
}

// retry runs fn, and again (up to five times in all) while it fails with a
// retryable error. fn must be atomic: a failed run left nothing behind.
// PostgreSQL's disk-full error comes back as server.ErrDiskFull too.
func retry(ctx context.Context, fn func() error) error {
	var err error
	for attempt := range 5 {
		err = fn()
		if err == nil || !retryable(err) {
			return diskFull(err)
		}
		select {
		case <-time.After(time.Duration(attempt+1) * 5 * time.Millisecond):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return err
}

// Epoch returns the store's epoch, creating one on first use. It is read
// from the database once, then kept in memory: every push and pull asks.
func (s *Store) Epoch(ctx context.Context) (string, error) {
	if e := s.epoch.Load(); e != nil {
		return *e, nil
	}
	epoch, err := s.loadEpoch(ctx)
	if err != nil {
		return "", fmt.Errorf("epoch: %w", err)
	}
	s.epoch.Store(&epoch)
	return epoch, nil
}

func (s *Store) loadEpoch(ctx context.Context) (string, error) {
	var epoch string
	err := s.pool.QueryRow(ctx, `SELECT value FROM fd_meta WHERE key = 'epoch'`).Scan(&epoch)
	if !errors.Is(err, pgx.ErrNoRows) {
		return epoch, err
	}
	_, err = s.pool.Exec(ctx, `INSERT INTO fd_meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO NOTHING`, uuid.NewString())
	if err != nil {
		return "", err
	}
	err = s.pool.QueryRow(ctx, `SELECT value FROM fd_meta WHERE key = 'epoch'`).Scan(&epoch)
	return epoch, err
}

// WatchDesks has fn called with each desk whose token any server sharing
// the database changed (this one included), as the listener hears it.
// Without a listener (an engine without LISTEN) fn is never called.
func (s *Store) WatchDesks(fn func(desk string)) {
	if s.listener != nil {
		s.listener.watch.Store(&fn)
	}
}
