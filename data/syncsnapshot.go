package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

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
	url, token := c.endpoint()
	req, err := newRequest(ctx, http.MethodGet, url+wire.SnapshotPath, nil)
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
	zr, err := gzip.NewReader(resp.Body)
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
