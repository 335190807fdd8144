package data

import (
	"context"
	"encoding/json"
	"errors"
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
		batch, err := c.pushRun(ctx, single)
		n := len(batch)
		switch {
		case err == nil || n == 0: // done, or the desk's own error
			return err
		case errors.Is(err, errRequeued):
			continue
		case n > 1 && batchTooLarge(err):
			c.pushBudget = max(c.pushBudget/2, 1)
			continue
		}
		if id, reason, ok := refusedForGood(err, batch); ok {
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
		return err
	}
}

// maxPushAhead bounds the pushes a desk has unanswered at once, whatever
// the server allows: with the pull, they use the connections the client's
// transport keeps (SyncConfig).
const maxPushAhead = 3

// errRequeued ends a run of pushes whose answer brought a new server
// epoch: the outbox was filled again, and pushing starts over.
var errRequeued = errors.New("new server epoch: the outbox was filled again")

// sentPush is a push on its way: its events, their encodings, and its
// outcome once answered.
type sentPush struct {
	evs  []wire.Event
	raws []json.RawMessage
	done chan error
}

// pushRun pushes the outbox until it is empty or a push fails. Each push
// goes before those before it are answered, up to as many unanswered as
// the server allows (one when single, or until the server said), each
// naming the last event of the one before it (wire.FollowsHeader): the
// server stores them in that order, and none after one it did not store.
// Answers are taken in order, and each answered batch leaves the outbox.
// A failed batch comes back with its error once every push sent is
// answered; an error of the desk's own comes back with no batch.
func (c *SyncClient) pushRun(ctx context.Context, single bool) ([]wire.Event, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var window []*sentPush
	sending := 0 // events in the window, at the head of the outbox
	var failed []wire.Event
	var failure error
	for {
		if failure == nil && len(window) < c.ahead(single) {
			p, err := c.nextPush(ctx, sending, single)
			if err != nil {
				failure = err
				cancel()
				continue
			}
			if p != nil {
				follows := ""
				if len(window) > 0 {
					last := window[len(window)-1]
					follows = last.evs[len(last.evs)-1].ID
				}
				go func() { p.done <- c.sendPush(ctx, p.raws, follows) }()
				window = append(window, p)
				sending += len(p.evs)
				continue
			}
		}
		if len(window) == 0 {
			return failed, failure
		}
		p := window[0]
		window = window[1:]
		sending -= len(p.evs)
		err := <-p.done
		if failure != nil {
			continue // after a failure: only waiting for the answers
		}
		if err == nil {
			err = c.store.Ack(eventIDs(p.evs))
		}
		if err != nil {
			failed, failure = p.evs, err
			cancel()
			continue
		}
		c.refreshPending()
	}
}

// ahead is how many pushes may be unanswered at once.
func (c *SyncClient) ahead(single bool) int {
	if single {
		return 1
	}
	return min(max(int(c.pushAhead.Load()), 1), maxPushAhead)
}

// nextPush reads the next batch from the outbox, after the skip events
// already on their way; nil when there is none.
func (c *SyncClient) nextPush(ctx context.Context, skip int, single bool) (*sentPush, error) {
	evs, err := c.store.Outbox(skip + c.cfg.PushBatch)
	if err != nil || len(evs) <= skip {
		return nil, err
	}
	evs = evs[skip:]
	if err := c.registerKey(ctx); err != nil {
		return nil, err
	}
	raws, err := encodeAll(evs)
	if err != nil {
		return nil, err
	}
	n := fitPush(raws, c.pushBudget)
	if single {
		n = 1
	}
	return &sentPush{evs: evs[:n], raws: raws[:n], done: make(chan error, 1)}, nil
}

// sendPush sends one batch, naming the unanswered push it follows ("" when
// none), and notes how many pushes the server takes at once.
func (c *SyncClient) sendPush(ctx context.Context, raws []json.RawMessage, follows string) error {
	body, err := json.Marshal(wire.PushRequest{Events: raws})
	if err != nil {
		return err
	}
	var hdr http.Header
	if follows != "" {
		hdr = http.Header{wire.FollowsHeader: {follows}}
	}
	var resp wire.PushResponse
	ans, err := c.exchange(ctx, http.MethodPost, "/v1/events", body, hdr, pushTimeout, &resp)
	if err != nil {
		return err
	}
	c.pushAhead.Store(int32(ans.pushAhead))
	c.report(nil)
	requeued, err := c.adoptEpoch(resp.Epoch)
	if err == nil && requeued {
		err = errRequeued
	}
	return err
}

func eventIDs(evs []wire.Event) []string {
	ids := make([]string, len(evs))
	for i, ev := range evs {
		ids[i] = ev.ID
	}
	return ids
}
