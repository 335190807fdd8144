package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/klauspost/compress/gzip"

	"floordesk/data/wire"
)

// joinFromSnapshot loads the server's snapshot into a new desk (no
// events, no cursor) before its first pull, so that a desk joining years
// of history folds each entity once instead of pulling a thousand events
// at a time. A server from before snapshots (404), a desk that is not new
// and a snapshot cut short all leave the rest to the pulls, from the
// cursor the snapshot reached. It holds epochMu: nothing requeues the
// desk while it loads.
func (c *SyncClient) joinFromSnapshot(ctx context.Context) error {
	c.epochMu.Lock()
	defer c.epochMu.Unlock()
	if c.cfg.NoSnapshot || c.store.checkNewDesk("") != nil {
		return nil
	}
	if err := c.store.roomToWrite(); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	url, token := c.endpoint()
	path := wire.SnapshotPath
	if q := c.propertyQuery(); len(q) > 0 {
		path += "?" + q.Encode()
	}
	req, err := newRequest(ctx, http.MethodGet, url+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil // a server from before snapshots
	}
	if resp.StatusCode != http.StatusOK {
		return &ServerError{Status: resp.StatusCode}
	}
	body := newIdleReader(resp.Body, snapshotIdle, cancel)
	defer body.stop()
	zr, err := gzip.NewReader(body)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	res, err := c.store.LoadSnapshot(zr)
	if errors.Is(err, ErrNotNewDesk) {
		return nil
	}
	if err != nil {
		return err
	}
	c.update(func(s *SyncStatus) { s.FromSnapshot = res.Events })
	c.log.Info("joined from the server's snapshot", "events", res.Events, "cursor", res.Upto, "refolded", res.Refolded)
	_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<10))
	return err
}

// snapshotIdle is how long a snapshot may send nothing before the desk
// gives it up (and pulls from where it got to).
var snapshotIdle = time.Minute

// idleReader cancels its request when a read waits longer than idle.
type idleReader struct {
	r     io.Reader
	timer *time.Timer
	idle  time.Duration
}

func newIdleReader(r io.Reader, idle time.Duration, cancel func()) *idleReader {
	return &idleReader{r: r, idle: idle, timer: time.AfterFunc(idle, cancel)}
}

func (ir *idleReader) Read(p []byte) (int, error) {
	n, err := ir.r.Read(p)
	ir.timer.Reset(ir.idle)
	return n, err
}

func (ir *idleReader) stop() { ir.timer.Stop() }
