package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// deskChannel carries the ID of a desk whose token changed (revoked, or
// replaced by a new enrolment). The server that changed it sends the
// notification in the same transaction, so it goes out on commit.
const deskChannel = "fd_desk_changed"

const (
	tokenTTL     = 30 * time.Second // longest a token stays cached, notified or not
	firstRetry   = 100 * time.Millisecond
	lastRetry    = 5 * time.Second
	dialTimeout  = 5 * time.Second // connect, LISTEN and send the probe
	probeTimeout = 2 * time.Second // for the probe to come back
	quietCheck   = 10 * time.Second
	checkTimeout = 5 * time.Second
)

// listener keeps a connection of its own, outside the pool, LISTENing on
// deskChannel and eventsChannel (see wake.go), and keeps the token cache
// on while it does. All its methods but close run on its goroutine.
type listener struct {
	cfg    *pgx.ConnConfig
	pool   *pgxpool.Pool // sends the probe that shows notifications arrive
	tokens *tokenCache
	quiet  time.Duration                     // after this long without a notification, check the connection
	watch  atomic.Pointer[func(desk string)] // told of each desk changed, once set

	pid    atomic.Uint32        // the listening backend's process ID while the cache is on, else 0
	rounds atomic.Uint64        // times the listener began to hear (counted before pid is set)
	events func(payload string) // told of each eventsChannel notification
	stop   context.CancelFunc
	done   chan struct{}
}

// listen starts s's listener. When the engine has no LISTEN or pg_notify,
// it leaves s.listener nil: the token cache stays off and nothing notifies.
func (s *Store) listen(ctx context.Context, cfg *pgx.ConnConfig, quiet time.Duration) {
	l := &listener{cfg: cfg, pool: s.pool, tokens: s.tokens, quiet: quiet, done: make(chan struct{}),
		events: func(payload string) {
			if property, ok := s.fromOther(payload); ok {
				s.wakeOthers(property)
			}
		}}
	conn, err := l.dial(ctx)
	if errors.Is(err, errNoListen) {
		return
	}
	running, stop := context.WithCancel(context.Background())
	l.stop = stop
	s.listener = l
	go l.run(running, conn)
}

// errNoListen: the engine refused LISTEN or pg_notify, as CockroachDB does
// (feature not supported, unknown function), and YugabyteDB without
// ysql_yb_enable_listen_notify.
var errNoListen = errors.New("engine cannot LISTEN/NOTIFY")

// refused tells the engine refusing a statement from a passing failure:
// a lost connection, a server shutting down or out of resources, a
// transaction to retry. When in doubt it says refused: the cost is this
// server not caching tokens, where the opposite would be every revocation
// failing.
func refused(err error) bool {
	var ce *pgconn.ConnectError
	var pe *pgconn.PgError
	if errors.As(err, &ce) || !errors.As(err, &pe) {
		return false
	}
	switch pe.Code[:min(len(pe.Code), 2)] {
	case "08", "40", "53", "57", "58":
		return false
	}
	return true
}

// close stops the listener and waits for its goroutine to end.
func (l *listener) close() {
	l.stop()
	<-l.done
}

// run serves conn (nil when the first dial failed), and dials again after
// each failure, waiting 100 ms at first and doubling up to 5 s, until ctx
// ends.
func (l *listener) run(ctx context.Context, conn *pgx.Conn) {
	defer close(l.done)
	wait := firstRetry
	for {
		if conn != nil && l.serve(ctx, conn) {
			wait = firstRetry
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, lastRetry)
		conn, _ = l.dial(ctx)
	}
}

// dial connects, LISTENs, and sends a notification through the pool for
// serve to wait for.
func (l *listener) dial(ctx context.Context) (*pgx.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, dialTimeout)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, l.cfg)
	if err != nil {
		return nil, err
	}
	if err = listenAll(ctx, conn); err == nil {
		_, err = l.pool.Exec(ctx, `SELECT pg_notify($1, '')`, deskChannel)
	}
	if err != nil {
		closeConn(conn)
		if refused(err) {
			err = fmt.Errorf("%w: %w", errNoListen, err)
		}
		return nil, err
	}
	return conn, nil
}

// serve waits for a notification to come back on conn (a connection
// pooler or proxy may accept LISTEN and deliver nothing), then keeps the
// cache on while conn hears notifications. It closes conn and reports
// whether the cache was on.
func (l *listener) serve(ctx context.Context, conn *pgx.Conn) bool {
	defer closeConn(conn)
	probe, cancel := context.WithTimeout(ctx, probeTimeout)
	_, err := conn.WaitForNotification(probe)
	cancel()
	if err != nil {
		return false
	}
	l.tokens.start()
	l.rounds.Add(1)
	l.pid.Store(conn.PgConn().PID())
	defer func() {
		l.tokens.stop()
		l.pid.Store(0)
	}()
	for l.hear(ctx, conn) {
	}
	return true
}

// hear waits for the next notification and forgets its desk's tokens;
// after a quiet spell it checks the connection instead. It reports false
// once conn failed or ctx ended.
func (l *listener) hear(ctx context.Context, conn *pgx.Conn) bool {
	wait, cancel := context.WithTimeout(ctx, l.quiet)
	n, err := conn.WaitForNotification(wait)
	cancel()
	switch {
	case err == nil && n.Channel == eventsChannel:
		l.events(n.Payload)
		return true
	case err == nil:
		l.tokens.forget(n.Payload)
		if fn := l.watch.Load(); fn != nil && n.Payload != "" {
			(*fn)(n.Payload)
		}
		return true
	case ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded):
		// A dead network can leave a read waiting for ever; LISTEN again
		// (a no-op) to find out.
		check, cancel := context.WithTimeout(ctx, checkTimeout)
		defer cancel()
		return listenAll(check, conn) == nil
	}
	return false
}

// listenAll LISTENs on conn to the desks' and the events' channels (again
// is a no-op).
func listenAll(ctx context.Context, conn *pgx.Conn) error {
	for _, ch := range []string{deskChannel, eventsChannel} {
		if _, err := conn.Exec(ctx, "LISTEN "+ch); err != nil {
			return err
		}
	}
	return nil
}

func closeConn(conn *pgx.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	conn.Close(ctx)
}
