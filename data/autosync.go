package data

import (
	"context"
	"errors"
)

// RunSyncWhenConfigured runs a sync client for store as soon as the desk
// has a server URL and token, which may be now (the desk enrolled earlier)
// or later (a supervisor enrols it while the app runs). started is called
// with the client when it starts, before it syncs. It returns when ctx is
// done, with nil, or with the client's own error.
func RunSyncWhenConfigured(ctx context.Context, store *Store, cfg SyncConfig, started func(*SyncClient)) error {
	sub := store.Subscribe()
	defer sub.Close()
	for {
		c := NewSyncClient(store, cfg)
		err := c.resolve()
		if err == nil {
			sub.Close()
			if started != nil {
				started(c)
			}
			return c.Run(ctx)
		}
		if !errors.Is(err, ErrSyncNotConfigured) {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case _, ok := <-sub.Ready():
			if !ok {
				return ErrClosed
			}
			sub.Next()
		}
	}
}
