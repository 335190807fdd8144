package app

import (
	"encoding/json"
	"floordesk/data/wire"
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
// desk holding the same events lists the same conflicts. It reads only the
// entities the conflict index files, so its cost follows the conflicts,
// not the history.
func (s *Service) Conflicts() ([]EntityConflict, error) {
	var out []EntityConflict
	err := s.store.Indexed(IndexConflicts, func(_ []byte, ref wire.EntityRef, b []byte) error {
		var v struct {
			Meta Meta `json:"meta"`
		}
		if err := json.Unmarshal(b, &v); err != nil {
			return fmt.Errorf("decode %s: %w", ref, err)
		}
		for _, c := range v.Meta.Conflicts {
			out = append(out, EntityConflict{Kind: ref.Kind, EntityID: ref.ID, Conflict: c})
		}
		return nil
	})
	return out, err
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
