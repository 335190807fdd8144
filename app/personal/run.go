package personal

import (
	"context"
	"log/slog"
	"time"

	"floordesk/app"
)

// HousekeepEvery is how often a running desk purges what its retention
// has passed and erases the keys other desks destroyed. A record is purged
// at most this long after its retention ends; a destroyed key a desk
// pulled stays in its store (unusable: its view has dropped it) at most
// this long.
const HousekeepEvery = 6 * time.Hour

// HousekeepFirst is how long after the desk starts it first housekeeps:
// time to pull the purges other desks made meanwhile (so it does not make
// them again), and, after the upgrade that brings the retention, for a
// supervisor to set it before older records are purged.
const HousekeepFirst = 10 * time.Minute

// Run housekeeps s HousekeepFirst after it is called and then every
// HousekeepEvery until ctx ends, logging what it did; the desk runs it in
// the background.
func Run(ctx context.Context, s *app.Service, log *slog.Logger) {
	select {
	case <-ctx.Done():
		return
	case <-time.After(HousekeepFirst):
	}
	t := time.NewTicker(HousekeepEvery)
	defer t.Stop()
	for {
		n, err := Housekeep(s, s.Now())
		switch {
		case err != nil:
			log.Warn("personal data housekeeping", "err", err)
		case n > 0:
			log.Info("guests' personal data removed after the retention period", "records", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
