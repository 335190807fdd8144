package data

import (
	"context"
	"errors"
	"sync"
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
		if err == nil && GroupOf(store) != nil && cfg.Property == "" {
			err = ErrSyncNotConfigured // a group desk's own store syncs nothing: its properties' stores do
		}
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

// enrolWatchers are the running sync clients of a store, woken when the
// desk is enrolled (again), so that a new token is used at once rather
// than after the client's backoff.
type enrolWatchers struct {
	mu   sync.Mutex
	next int
	fns  map[int]func()
}

func (w *enrolWatchers) add(fn func()) (remove func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.fns == nil {
		w.fns = map[int]func(){}
	}
	id := w.next
	w.next++
	w.fns[id] = fn
	return func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		delete(w.fns, id)
	}
}

func (w *enrolWatchers) notify() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, fn := range w.fns {
		fn()
	}
}
