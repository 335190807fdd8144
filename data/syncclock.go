package data

import (
	"errors"
	"time"

	"floordesk/data/wire"
)

// clockRight is how close this PC's clock must be to the server's for the
// desk to take it as right again after the server refused its events as
// ahead. The events ahead of it by more than this are stamped again
// (Store.Restamp): every event the server refused is among them, as the
// server refuses only events more than wire.MaxClockAhead ahead of it.
const clockRight = wire.MaxClockAhead / 2

// restampIfClockRight handles a push refused for events ahead of the
// server's clock: when this PC's clock now agrees with the server's (the
// date was set right), the events made while it was wrong get readings of
// the right time and the push goes again at once (true). While the
// clock is still wrong it does nothing: the events wait in the outbox and
// the status says to set the clock, with the server's time.
func (c *SyncClient) restampIfClockRight(err error) bool {
	server := serverTimeIn(err)
	if server.IsZero() {
		return false
	}
	if off := c.store.opts.Wall().Sub(server); off > clockRight || off < -clockRight {
		return false
	}
	n, err := c.store.Restamp(clockRight)
	if err != nil {
		c.log.Warn("cannot stamp again the events made while the clock was ahead", "err", err)
		return false
	}
	return n > 0
}

// serverTimeIn is the server's time in a refusal of events ahead of its
// clock, or zero for any other error.
func serverTimeIn(err error) time.Time {
	var se *ServerError
	if errors.As(err, &se) && se.Body.Code == wire.ErrCodeClockAhead {
		return se.Body.ServerTime
	}
	return time.Time{}
}

// ClockWarn is how far this PC's clock may be from the server's before the
// desk says so: past it, records get wrong times (a wake-up call due
// "tomorrow" on a PC a year behind) even where sync still works.
const ClockWarn = 5 * time.Minute

// noteServerClock records how far this PC's clock is from the server's,
// from the time the server answered (its Date header, to the second).
func (c *SyncClient) noteServerClock(server time.Time) {
	off := c.store.opts.Wall().Sub(server).Truncate(time.Second)
	c.update(func(s *SyncStatus) { s.ClockOffset = off })
}
