package app

import (
	"encoding/json"
	"fmt"
	"strings"
)

// EntityConflict is an open conflict on one entity, for the supervisor's
// conflict list.
type EntityConflict struct {
	Kind     string
	EntityID string
	Conflict // its ID is the conflict's
}

// Message is the conflict in English (the UI translates Code and Params).
func (c EntityConflict) Message() string { return Message(c.Code, c.Params) }

// Conflicts lists every open conflict, by kind, entity and fold order. Every
// desk holding the same events lists the same conflicts.
func (s *Service) Conflicts() ([]EntityConflict, error) {
	var out []EntityConflict
	for _, kind := range RegisteredKinds() {
		err := s.store.Views(kind, func(id string, b []byte) error {
			var v struct {
				Meta Meta `json:"meta"`
			}
			if err := json.Unmarshal(b, &v); err != nil {
				return fmt.Errorf("decode %s/%s: %w", kind, id, err)
			}
			for _, c := range v.Meta.Conflicts {
				out = append(out, EntityConflict{Kind: kind, EntityID: id, Conflict: c})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ResolveConflict closes an open conflict on an entity; supervisors only.
// The note says what was decided (which holder has the key...); any change
// of state the decision needs is made with the register's own commands.
func (s *Service) ResolveConflict(actorID, kind, id, conflictID, note string) error {
	s.Lock()
	defer s.Unlock()
	actor, err := s.Authorize(actorID, RoleSupervisor)
	if err != nil {
		return err
	}
	if err := Required("note", strings.TrimSpace(note)); err != nil {
		return err
	}
	if err := s.checkOpenConflict(kind, id, conflictID); err != nil {
		return err
	}
	_, err = s.Emit(actor, Ref(kind, id), TypeConflictResolved, resolveBody{Conflict: conflictID, Note: note})
	return err
}

func (s *Service) checkOpenConflict(kind, id, conflictID string) error {
	v, err := LoadView[struct {
		Meta Meta `json:"meta"`
	}](s, kind, id)
	if err != nil {
		return err
	}
	for _, c := range v.Meta.Conflicts {
		if c.ID == conflictID {
			return nil
		}
	}
	return NotFound("conflict", conflictID)
}
