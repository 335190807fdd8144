package handover

import (
	"cmp"
	"floordesk/app"
	"slices"
)

// Handover returns one handover; ErrNotFound when unknown.
func (s *HandoverRegister) Handover(id string) (Handover, error) {
	return app.LoadView[Handover](s.Service, KindHandover, id)
}

// Handovers lists a desk's handovers ("" = every desk), newest first.
func (s *HandoverRegister) Handovers(desk string) ([]Handover, error) {
	hs, err := app.ListViews(s.Service, KindHandover, func(h *Handover) bool { return desk == "" || h.Desk == desk })
	slices.SortFunc(hs, func(a, b Handover) int {
		return cmp.Or(b.DraftedAt.Compare(a.DraftedAt), cmp.Compare(a.ID, b.ID))
	})
	return hs, err
}
