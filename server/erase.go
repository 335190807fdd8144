package server

import (
	"context"
	"fmt"

	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// eraseAsTold erases what the pushed events tell every store to erase
// (data/pkey): for an event that destroys a guest's personal-data key, the
// body of the stored event that carried the key, so the server keeps no
// key any desk destroyed; for an event that erases a record's plain
// personal fields, those fields of the record's events it names. It runs
// after the push is stored, for duplicates too, so a push repeated after a
// failure here erases then. Only events of the same entity are touched: a
// destroyed key erases its own issue, a record's erasure its own events.
func (s *Server) eraseAsTold(ctx context.Context, property string, evs []Pushed) error {
	for _, p := range evs {
		if issued, ok := pkey.DestroyedIssued(p.Event); ok {
			if err := s.eraseKey(ctx, property, p.Event.Entity, issued); err != nil {
				return err
			}
		}
		if targets, ok := pkey.ErasesFields(p.Event); ok {
			if err := s.eraseFields(ctx, property, p.Event.Entity, targets); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Server) eraseKey(ctx context.Context, property string, key wire.EntityRef, issued string) error {
	err := s.store.Erase(ctx, property, issued, func(raw []byte) ([]byte, error) {
		ev, err := wire.DecodeEvent(raw)
		if err != nil {
			return nil, err
		}
		if ev.Entity != key || ev.Type != pkey.TypeIssued {
			return raw, nil
		}
		return pkey.Erase(ev).Encode()
	})
	if err != nil {
		return fmt.Errorf("erase key %s: %w", key.ID, err)
	}
	return nil
}

func (s *Server) eraseFields(ctx context.Context, property string, record wire.EntityRef, targets []pkey.ErasedEvent) error {
	for _, t := range targets {
		err := s.store.Erase(ctx, property, t.ID, func(raw []byte) ([]byte, error) {
			ev, err := wire.DecodeEvent(raw)
			if err != nil {
				return nil, err
			}
			out, ok := pkey.EraseFields(ev, raw, t.Fields)
			if ev.Entity != record || !ok {
				return raw, nil
			}
			return out.Encode()
		})
		if err != nil {
			return fmt.Errorf("erase fields of %s: %w", t.ID, err)
		}
	}
	return nil
}
