package badgerstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/uuid"
)

// Restored gives the store a fresh epoch, revokes every desk and voids
// every enrolment code not yet used, in one transaction.
func (s *Store) Restored(_ context.Context, now time.Time) (string, error) {
	epoch := uuid.NewString()
	err := s.update(func(txn *badger.Txn) error {
		err := rewrite(txn, deskPrefix, func(rec *deskRec) bool {
			if !rec.Revoked.IsZero() {
				return false
			}
			rec.Revoked = now
			return true
		})
		if err != nil {
			return err
		}
		err = rewrite(txn, codePrefix, func(code *enrolmentRec) bool {
			if code.Used || !now.Before(code.Expires) {
				return false
			}
			code.Expires = now
			return true
		})
		if err != nil {
			return err
		}
		return txn.Set([]byte(epochKey), []byte(epoch))
	})
	s.tokens.forgetAll() // even after an error: nothing is lost by reading again
	if err != nil {
		return "", fmt.Errorf("restored: %w", err)
	}
	s.epoch.Store(&epoch)
	return epoch, nil
}

// rewrite passes each JSON record under prefix to change, and writes back
// those it reports changed.
func rewrite[T any](txn *badger.Txn, prefix string, change func(*T) bool) error {
	type kv struct {
		key []byte
		rec T
	}
	var changed []kv
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix), PrefetchValues: true})
	for it.Rewind(); it.Valid(); it.Next() {
		var rec T
		err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &rec) })
		if err != nil {
			it.Close()
			return err
		}
		if change(&rec) {
			changed = append(changed, kv{it.Item().KeyCopy(nil), rec})
		}
	}
	it.Close()
	for _, c := range changed {
		if err := putJSON(txn, string(c.key), c.rec); err != nil {
			return err
		}
	}
	return nil
}
