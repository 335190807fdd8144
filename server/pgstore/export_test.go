package pgstore

import (
	"context"
	"time"
)

// OpenQuiet is Open with the listener checking its connection after quiet
// without a notification.
func OpenQuiet(ctx context.Context, url string, quiet time.Duration) (*Store, error) {
	return open(ctx, url, quiet)
}

// ListenerPID is the process ID of the backend s listens on while it caches
// tokens, 0 while it does not.
func ListenerPID(s *Store) uint32 {
	if s.listener == nil {
		return 0
	}
	return s.listener.pid.Load()
}

// Cached reports whether s answers tokenHash from memory.
func Cached(s *Store, tokenHash string) bool {
	_, _, ok := s.tokens.get(tokenHash)
	return ok
}

// Hears reports whether s hears other servers' notifications now.
func Hears(s *Store) bool {
	_, hearing := s.hearing()
	return hearing
}

// PollEvery is how often a store that does not hear polls the counters.
const PollEvery = pollEvery
