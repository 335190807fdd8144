package app

import (
	"floordesk/data/wire"
	"time"
)

func init() {
	Register(Module{Name: "keys", Order: 20, Kinds: []string{kindKey, kindKeyCount, kindDoor},
		Handover: func(s *Service, desk string, _ time.Time) (any, error) { return s.handoverKeys(desk) },
		BoardCount: func(s *Service, actor Staff, in BoardInput) (BoardCount, []wire.Event, error) {
			return s.boardCount(actor, in)
		},
		DemoSetup: demoKeys,
		Demo: []DemoGenerator{{Name: "doors", Weight: 1, Make: DemoDoors},
			{Name: "keys", Weight: 4, Make: DemoKeyLoans}},
	})
}

// boardCount counts the key board for a handover: the key count is saved
// as its own event with the handover's.
func (s *Service) boardCount(actor Staff, in BoardInput) (BoardCount, []wire.Event, error) {
	count, err := s.compareBoard(in.Counted, in.Present)
	if err != nil {
		return BoardCount{}, nil, err
	}
	countID := s.NewID()
	ev, err := NewEvent(actor.ID, Ref(kindKeyCount, countID), TypeKeysCounted, count)
	return BoardCount{CountID: countID, Expected: count.Expected, Counted: count.Counted,
		Missing: count.Missing, Extra: count.Extra}, []wire.Event{ev}, err
}
