package handover

import (
	"cmp"
	"slices"

	"floordesk/app"
)

// Handover returns one handover; ErrNotFound when unknown.
func (s *HandoverRegister) Handover(id string) (Handover, error) {
	return app.LoadView[Handover](s.Service, KindHandover, id)
}

// Handovers lists a desk's handovers ("" = every desk), newest first:
// those drafted in the last listDays days, and any older one not yet
// signed by both attendants. An older signed one is found by its ID.
func (s *HandoverRegister) Handovers(desk string) ([]Handover, error) {
	now := s.Now()
	keep := func(h *Handover) bool { return desk == "" || h.Desk == desk }
	hs, err := app.TimeViews(s.Service, draftedIndex, now.AddDate(0, 0, -listDays), now.AddDate(1, 0, 0), keep)
	if err != nil {
		return nil, err
	}
	unsigned, err := app.IndexedViews(s.Service, unsignedIndex, nil, keep)
	for _, h := range unsigned {
		if !slices.ContainsFunc(hs, func(r Handover) bool { return r.ID == h.ID }) {
			hs = append(hs, h)
		}
	}
	slices.SortFunc(hs, func(a, b Handover) int {
		return cmp.Or(b.DraftedAt.Compare(a.DraftedAt), cmp.Compare(a.ID, b.ID))
	})
	return hs, err
}
