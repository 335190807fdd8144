package data

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"floordesk/data/wire"
)

// pullLoop keeps a pull open: the server answers at once when it has
// events for this desk, or holds the request until one arrives.
func (c *SyncClient) pullLoop(ctx context.Context) {
	b := c.newBackoff()
	if err := c.joinFromSnapshot(ctx); err != nil && ctx.Err() == nil {
		c.log.Warn("snapshot not loaded; pulling instead", "err", err)
	}
	for ctx.Err() == nil {
		err := c.pullOnce(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			c.report(err)
			c.log.Debug("pull failed", "err", err)
			if !c.wait(ctx, &b, c.pullKick) {
				return
			}
			continue
		}
		b.reset()
	}
}

// pullOnce asks for the events after the cursor and folds them in, moving
// the cursor in the same transaction.
func (c *SyncClient) pullOnce(ctx context.Context) error {
	if err := c.store.roomToWrite(); err != nil {
		return err // nothing pulled could be saved: ask once there is room
	}
	asked, err := c.store.Epoch()
	if err != nil {
		return err
	}
	cursor, err := c.store.Cursor()
	if err != nil {
		return err
	}
	q := c.propertyQuery()
	q.Set("after", strconv.FormatUint(cursor, 10))
	if asked != "" {
		q.Set("epoch", asked)
	}
	q.Set("limit", strconv.Itoa(c.cfg.PullLimit))
	q.Set("wait", strconv.FormatFloat(c.cfg.PollWait.Seconds(), 'f', -1, 64))
	ctx, cancel := c.abortable(ctx)
	defer cancel()
	var resp wire.PullResponse
	err = c.call(ctx, http.MethodGet, "/v1/events?"+q.Encode(), nil, c.cfg.PollWait+pullMargin, &resp)
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		return nil // cut short by a requeue (or Run ending): ask again
	}
	if err != nil {
		return err
	}
	c.report(nil)
	return c.apply(asked, resp)
}

// abortable gives the pull a context that a requeue can cancel.
func (c *SyncClient) abortable(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	c.mu.Lock()
	c.pullAbort = cancel
	c.mu.Unlock()
	return ctx, func() {
		c.mu.Lock()
		c.pullAbort = nil
		c.mu.Unlock()
		cancel()
	}
}

// apply folds a pull answer in, unless the epoch moved: then the answer
// belongs to another copy of the server's data and is dropped.
func (c *SyncClient) apply(asked string, resp wire.PullResponse) error {
	c.epochMu.Lock()
	defer c.epochMu.Unlock()
	cur, err := c.store.Epoch()
	if err != nil || cur != asked {
		return err // requeued while we asked: ask again
	}
	if resp.Epoch != cur {
		c.log.Info("new server epoch: re-pushing and pulling from the start", "old", cur, "new", resp.Epoch)
		return c.requeue(resp.Epoch)
	}
	if len(resp.Events) == 0 {
		return nil
	}
	evs := make([]wire.Event, len(resp.Events))
	for i, pe := range resp.Events {
		ev, err := wire.DecodeEvent(pe.Event)
		if err != nil {
			return fmt.Errorf("event %d from the server: %w", pe.Seq, err)
		}
		evs[i] = ev
	}
	_, err = c.store.ApplyRemote(evs, resp.Next)
	return err
}

// propertyQuery is the query naming the property the client pulls, when
// its config names one.
func (c *SyncClient) propertyQuery() url.Values {
	q := url.Values{}
	if c.cfg.Property != "" {
		q.Set(wire.PropertyParam, c.cfg.Property)
	}
	return q
}
