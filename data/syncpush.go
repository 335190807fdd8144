package data

import (
	"context"
	"encoding/json"
	"net/http"

	"floordesk/data/wire"
)

// pushLoop pushes the outbox whenever it has events: at start, after every
// change to the store, when kicked, and after a backoff while offline.
func (c *SyncClient) pushLoop(ctx context.Context, sub *Subscription) {
	b := c.newBackoff()
	for {
		err := c.pushAll(ctx)
		c.refreshPending()
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			c.report(err)
			c.log.Debug("push failed", "err", err)
			if !c.waitPush(ctx, &b, sub) {
				return
			}
			continue
		}
		b.reset()
		select {
		case _, ok := <-sub.Ready():
			if !ok {
				return // the store was closed
			}
			sub.Next()
		case <-c.pushKick:
		case <-ctx.Done():
			return
		}
	}
}

// waitPush sleeps for the next backoff delay, keeping the pending count
// current while the desk works offline. It returns false when ctx is done or
// the store closed.
func (c *SyncClient) waitPush(ctx context.Context, b *backoff, sub *Subscription) bool {
	timer := c.cfg.After(b.next())
	for {
		select {
		case <-timer:
			return true
		case <-c.pushKick:
			b.reset()
			return true
		case _, ok := <-sub.Ready():
			if !ok {
				return false
			}
			sub.Next()
			c.refreshPending()
		case <-ctx.Done():
			return false
		}
	}
}

// pushAll sends the outbox in batches until it is empty. A batch holds at
// most PushBatch events and pushBudget bytes of them; a batch the server
// refuses as too large is sent again in smaller ones.
func (c *SyncClient) pushAll(ctx context.Context) error {
	single := false // one event a push, to find one the server refuses
	for {
		evs, err := c.store.Outbox(c.cfg.PushBatch)
		if err != nil || len(evs) == 0 {
			return err
		}
		if err := c.registerKey(ctx); err != nil {
			return err
		}
		raws, err := encodeAll(evs)
		if err != nil {
			return err
		}
		n := fitPush(raws, c.pushBudget)
		if single {
			n = 1
		}
		err = c.pushBatch(ctx, evs[:n], raws[:n])
		if n > 1 && batchTooLarge(err) {
			c.pushBudget = max(c.pushBudget/2, 1)
			continue
		}
		if id, reason, ok := refusedForGood(err, evs[:n]); ok {
			if err := c.setAside(id, reason); err != nil {
				return err
			}
			single = false
			continue
		}
		if n > 1 && refusedUnnamed(err) {
			single = true
			continue
		}
		if c.restampIfClockRight(err) {
			continue
		}
		if err != nil {
			return err
		}
		c.refreshPending()
	}
}

// pushBatch sends one batch; once the server has it, the batch leaves the
// outbox.
func (c *SyncClient) pushBatch(ctx context.Context, evs []wire.Event, raws []json.RawMessage) error {
	req := wire.PushRequest{Events: raws}
	ids := make([]string, len(evs))
	for i, ev := range evs {
		ids[i] = ev.ID
	}
	body, err := json.Marshal(req)
	if err != nil {
		return err
	}
	var resp wire.PushResponse
	if err := c.call(ctx, http.MethodPost, "/v1/events", body, pushTimeout, &resp); err != nil {
		return err
	}
	c.report(nil)
	if _, err := c.adoptEpoch(resp.Epoch); err != nil {
		return err
	}
	return c.store.Ack(ids)
}
