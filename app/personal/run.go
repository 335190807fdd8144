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

// Run housekeeps s at once and then every HousekeepEvery until ctx ends,
// logging what it did; the desk runs it in the background.
func Run(ctx context.Context, s *app.Service, log *slog.Logger) {
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
