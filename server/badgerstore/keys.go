package badgerstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
	"floordesk/server"
)

// keyPrefix files desks' public keys: k/DESK/KEY-ID → key JSON.
const keyPrefix = "k/"

type keyRec struct {
	Pub   []byte         `json:"pub"`
	Since wire.Timestamp `json:"since"`
}

// AddDeskKey records a desk's public key, once.
func (s *Store) AddDeskKey(_ context.Context, k wire.DeskKey) error {
	key := keyPrefix + k.Desk + "/" + wire.KeyID(k.Pub)
	err := s.update(func(txn *badger.Txn) error {
		var have keyRec
		err := getJSON(txn, key, &have)
		if err == nil {
			return nil
		}
		if !errors.Is(err, server.ErrNotFound) {
			return err
		}
		return putJSON(txn, key, keyRec{Pub: k.Pub, Since: k.Since})
	})
	if err != nil {
		return fmt.Errorf("add desk key: %w", err)
	}
	return nil
}

// DeskKeys reads every desk's keys.
func (s *Store) DeskKeys(_ context.Context) (wire.KeyRing, error) {
	ring := wire.KeyRing{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(keyPrefix), PrefetchValues: true, PrefetchSize: 16})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			rest := strings.TrimPrefix(string(it.Item().Key()), keyPrefix)
			desk, _, _ := strings.Cut(rest, "/")
			var rec keyRec
			if err := getJSON(txn, string(it.Item().Key()), &rec); err != nil {
				return err
			}
			ring.Add(wire.DeskKey{Desk: desk, Pub: rec.Pub, Since: rec.Since})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("desk keys: %w", err)
	}
	return ring, nil
}

// Event reads one stored event by ID.
func (s *Store) Event(_ context.Context, id string) ([]byte, error) {
	var raw []byte
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(idKey(id))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return server.ErrNotFound
		}
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		property, seq, ok := splitIDValue(v)
		if !ok {
			return server.ErrNotFound // an index entry from before it kept sequences (upgraded at open)
		}
		stored, err := txn.Get(eventKey(property, seq))
		if err != nil {
			return err
		}
		raw, err = stored.ValueCopy(nil)
		return err
	})
	if err != nil && !errors.Is(err, server.ErrNotFound) {
		return nil, fmt.Errorf("event %s: %w", id, err)
	}
	return raw, err
}
