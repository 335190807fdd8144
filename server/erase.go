package server

import (
	"context"
	"fmt"

	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// eraseKeys erases, for each pushed event that destroys a guest's
// personal-data key (data/pkey), the body of the stored event that carried
// the key: the server must not keep a key any desk destroyed. It runs
// after the push is stored, for duplicates too, so a push repeated after a
// failure here erases the key then. Only an event of the same key entity
// and property is erased: a destroyed event cannot erase any other.
func (s *Server) eraseKeys(ctx context.Context, property string, evs []Pushed) error {
	for _, p := range evs {
		issued, ok := pkey.DestroyedIssued(p.Event)
		if !ok {
			continue
		}
		key := p.Event.Entity
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
	}
	return nil
}
