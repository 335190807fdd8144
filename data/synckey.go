package data

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"floordesk/data/wire"
)

// keyTimeout bounds a key registration, a small exchange.
const keyTimeout = 30 * time.Second

// keyRequest is the desk's current key as it registers it.
func (s *Store) keyRequest() wire.KeyRequest {
	k := s.SigningKey()
	return wire.KeyRequest{PublicKey: wire.EncodeKey(k.Pub), Since: k.Since}
}

// registerKey registers the desk's signing key with the server before its
// first push (POST /v1/key), once for each token and key: a desk enrolled
// before the chain, or restored from a backup with a new key, is known by
// its key from then on. The server keeps every key, so asking again is
// harmless. A server from before the chain (404) takes the seals as
// envelope fields it forwards, so the push goes on.
func (c *SyncClient) registerKey(ctx context.Context) error {
	req := c.store.keyRequest()
	_, token := c.endpoint()
	done := token + " " + req.PublicKey
	c.mu.Lock()
	sent := c.keySent == done
	c.mu.Unlock()
	if sent {
		return nil
	}
	body, err := json.Marshal(req)
	if err != nil {
		return err
	}
	err = c.call(ctx, http.MethodPost, "/v1/key", body, keyTimeout, &json.RawMessage{})
	var se *ServerError
	if errors.As(err, &se) && se.Status == http.StatusNotFound {
		c.log.Info("the server does not keep desks' keys yet: events are sent sealed all the same")
		err = nil
	}
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.keySent = done
	c.mu.Unlock()
	return nil
}
