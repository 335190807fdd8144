package pgstore

import (
	"context"
	"strings"
	"time"
)

// Several servers on one database: a push stored through one server wakes
// the pulls held open on every other. The push's transaction notifies
// eventsChannel (property and the storing server's instance in the
// payload) when it stored anything, so the notification goes out on
// commit; each server's listener hears it and tells the server, which
// wakes the pulls it holds for that property. A server skips its own
// notifications: it woke its pulls when the push returned.
//
// While a server does not hear notifications (an engine without LISTEN,
// such as CockroachDB, or its listening connection lost and not yet back)
// it polls instead: every pollEvery it reads every property's counter and
// wakes the properties whose counter moved. An event stored elsewhere then
// wakes this server's pulls within pollEvery plus a query.

// eventsChannel carries "<property> <instance>" for each push that stored
// events.
const eventsChannel = "fd_events_stored"

// pollEvery is how often a server that does not hear notifications reads
// the properties' counters.
const pollEvery = 200 * time.Millisecond

// eventsPayload is the notification of a push to property through s.
func (s *Store) eventsPayload(property string) string {
	return property + " " + s.instance
}

// fromOther returns the property of an eventsChannel payload, and false
// for s's own notifications and malformed ones.
func (s *Store) fromOther(payload string) (string, bool) {
	property, instance, ok := strings.Cut(payload, " ")
	if !ok || property == "" || instance == s.instance {
		return "", false
	}
	return property, true
}

// WatchEvents has fn called with the property of each push that stored
// events through another server sharing the database: at once while the
// listener hears notifications, else after the next poll of the counters.
// fn must not block.
func (s *Store) WatchEvents(fn func(property string)) {
	s.events.Store(&fn)
}

// wakeOthers calls the events watcher, if any, for property.
func (s *Store) wakeOthers(property string) {
	if fn := s.events.Load(); fn != nil {
		(*fn)(property)
	}
}

// poller reads the counters while the store does not hear notifications.
type poller struct {
	store *Store
	every time.Duration
	last  map[string]int64 // the counters at the last poll; nil: none since hearing
	// caughtUp is the listener's hearing round (see listener.rounds) whose
	// start was covered by a poll.
	caughtUp uint64
	stop     context.CancelFunc
	done     chan struct{}
}

// startPoller starts s's poller, stopped by Close.
func (s *Store) startPoller(every time.Duration) {
	ctx, stop := context.WithCancel(context.Background())
	p := &poller{store: s, every: every, stop: stop, done: make(chan struct{})}
	s.poller = p
	go p.run(ctx)
}

func (p *poller) close() {
	p.stop()
	<-p.done
}

func (p *poller) run(ctx context.Context) {
	defer close(p.done)
	tick := time.NewTicker(p.every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		p.tick(ctx)
	}
}

// tick polls unless the listener hears notifications and a poll already
// covered the moment it started to: the poll then catches what committed
// between the last poll and the LISTEN.
func (p *poller) tick(ctx context.Context) {
	if p.store.events.Load() == nil {
		return
	}
	round, hearing := p.store.hearing()
	if hearing && round == p.caughtUp {
		p.last = nil // when hearing stops, the first poll wakes every property
		return
	}
	if p.poll(ctx) == nil && hearing {
		p.caughtUp = round
	}
}

// poll reads every property's counter and wakes those that moved since the
// last poll: all of them on a first poll, since what happened before it is
// not known.
func (p *poller) poll(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	rows, err := p.store.pool.Query(ctx, `SELECT property, last_seq FROM fd_property_seq`)
	if err != nil {
		return err
	}
	now := map[string]int64{}
	for rows.Next() {
		var property string
		var last int64
		if err := rows.Scan(&property, &last); err != nil {
			rows.Close()
			return err
		}
		now[property] = last
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for property, last := range now {
		if seen, ok := p.last[property]; !ok || seen != last {
			p.store.wakeOthers(property)
		}
	}
	p.last = now
	return nil
}

// hearing reports whether the listener hears notifications now, and the
// round of hearing it is in (counting the times it began to).
func (s *Store) hearing() (uint64, bool) {
	if s.listener == nil {
		return 0, false
	}
	// pid before rounds: the listener counts the round before it sets pid.
	hearing := s.listener.pid.Load() != 0
	return s.listener.rounds.Load(), hearing
}
