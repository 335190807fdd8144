package badgerstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"floordesk/server"
)

const (
	codePrefix  = "c/" // c/CODE-HASH → enrolment JSON
	tokenPrefix = "t/" // t/TOKEN-HASH → desk ID
	deskPrefix  = "d/" // d/DESK → desk JSON
)

type enrolmentRec struct {
	Property string    `json:"property"`
	Expires  time.Time `json:"expires"`
	Used     bool      `json:"used,omitempty"`
	Desk     string    `json:"desk,omitempty"`
	Group    []string  `json:"group,omitempty"`
}

type deskRec struct {
	Property  string    `json:"property"`
	TokenHash string    `json:"token_hash"`
	Enrolled  time.Time `json:"enrolled"`
	Revoked   time.Time `json:"revoked,omitzero"`
	Group     []string  `json:"group,omitempty"`
}

// AddEnrolment records a one-time enrolment code.
func (s *Store) AddEnrolment(_ context.Context, e server.Enrolment) error {
	err := s.update(func(txn *badger.Txn) error {
		return putJSON(txn, codePrefix+e.CodeHash, enrolmentRec{Property: e.Property, Expires: e.Expires, Group: e.Group})
	})
	if err != nil {
		return fmt.Errorf("add enrolment: %w", err)
	}
	return nil
}

// Enroll uses up an enrolment code and records the desk.
func (s *Store) Enroll(_ context.Context, codeHash, desk, tokenHash string, now time.Time) (server.Desk, error) {
	var d server.Desk
	err := s.update(func(txn *badger.Txn) error {
		var code enrolmentRec
		if err := getJSON(txn, codePrefix+codeHash, &code); err != nil {
			return err
		}
		if code.Used || !now.Before(code.Expires) {
			return server.ErrCodeUsed
		}
		var old deskRec
		err := getJSON(txn, deskPrefix+desk, &old)
		if err == nil && old.Revoked.IsZero() {
			return server.ErrDeskExists
		}
		if err != nil && !errors.Is(err, server.ErrNotFound) {
			return err
		}
		code.Used, code.Desk = true, desk
		rec := deskRec{Property: code.Property, TokenHash: tokenHash, Enrolled: now, Group: code.Group}
		d = rec.desk(desk)
		return putAll(txn, code, rec, codeHash, desk, tokenHash)
	})
	if err != nil {
		return server.Desk{}, fmt.Errorf("enroll: %w", err)
	}
	return d, nil
}

func putAll(txn *badger.Txn, code enrolmentRec, rec deskRec, codeHash, desk, tokenHash string) error {
	if err := putJSON(txn, codePrefix+codeHash, code); err != nil {
		return err
	}
	if err := putJSON(txn, deskPrefix+desk, rec); err != nil {
		return err
	}
	return txn.Set([]byte(tokenPrefix+tokenHash), []byte(desk))
}

// DeskByToken finds the desk a token belongs to, from memory once it was
// found valid.
func (s *Store) DeskByToken(_ context.Context, tokenHash string) (server.Desk, error) {
	d, gen, ok := s.tokens.get(tokenHash)
	if ok {
		return d, nil
	}
	d, err := s.readDeskByToken(tokenHash)
	if err == nil {
		s.tokens.put(tokenHash, d, gen)
	}
	return d, err
}

func (s *Store) readDeskByToken(tokenHash string) (server.Desk, error) {
	var d server.Desk
	err := s.db.View(func(txn *badger.Txn) error {
		desk, err := getString(txn, tokenPrefix+tokenHash)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return server.ErrNotFound
		}
		if err != nil {
			return err
		}
		var rec deskRec
		if err := getJSON(txn, deskPrefix+desk, &rec); err != nil {
			return err
		}
		d = rec.desk(desk)
		if rec.TokenHash != tokenHash || !rec.Revoked.IsZero() {
			return server.ErrRevoked
		}
		return nil
	})
	if err != nil {
		return server.Desk{}, fmt.Errorf("desk by token: %w", err)
	}
	return d, nil
}

// Revoke revokes a desk's token.
func (s *Store) Revoke(_ context.Context, desk string, now time.Time) error {
	err := s.update(func(txn *badger.Txn) error {
		var rec deskRec
		if err := getJSON(txn, deskPrefix+desk, &rec); err != nil {
			return err
		}
		if !rec.Revoked.IsZero() {
			return nil
		}
		rec.Revoked = now
		return putJSON(txn, deskPrefix+desk, rec)
	})
	if err != nil {
		return fmt.Errorf("revoke %s: %w", desk, err)
	}
	s.tokens.forget(desk)
	return nil
}

// Desks lists every desk ever enrolled.
func (s *Store) Desks(context.Context) ([]server.Desk, error) {
	var desks []server.Desk
	err := s.db.View(func(txn *badger.Txn) error {
		prefix := []byte(deskPrefix)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var rec deskRec
			err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &rec) })
			if err != nil {
				return err
			}
			desks = append(desks, rec.desk(string(it.Item().Key()[len(prefix):])))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("desks: %w", err)
	}
	return desks, nil
}

func (r deskRec) desk(id string) server.Desk {
	return server.Desk{ID: id, Property: r.Property, TokenHash: r.TokenHash, Enrolled: r.Enrolled, Revoked: r.Revoked, Group: r.Group}
}

func getJSON(txn *badger.Txn, key string, v any) error {
	item, err := txn.Get([]byte(key))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return server.ErrNotFound
	}
	if err != nil {
		return err
	}
	return item.Value(func(b []byte) error { return json.Unmarshal(b, v) })
}

func putJSON(txn *badger.Txn, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return txn.Set([]byte(key), b)
}
