package keys

import (
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

func init() {
	app.Register(app.Module{Name: "keys", Order: 20, Kinds: []string{kindKey, kindKeyCount, kindDoor},
		Handover: func(s *app.Service, desk string, _ time.Time) (any, error) { return New(s).handoverKeys(desk) },
		BoardCount: func(s *app.Service, actor app.Staff, in app.BoardInput) (app.BoardCount, []wire.Event, error) {
			return New(s).boardCount(actor, in)
		},
		DemoSetup: demoKeys,
		Demo: []app.DemoGenerator{{Name: "doors", Weight: 1, Make: DemoDoors},
			{Name: "keys", Weight: 4, Make: DemoKeyLoans}},
	})
}

// boardCount counts the key board for a handover: the key count is saved
// as its own event with the handover's.
func (s *KeyRegister) boardCount(actor app.Staff, in app.BoardInput) (app.BoardCount, []wire.Event, error) {
	count, err := s.compareBoard(in.Counted, in.Present)
	if err != nil {
		return app.BoardCount{}, nil, err
	}
	countID := s.NewID()
	ev, err := app.NewEvent(actor.ID, app.Ref(kindKeyCount, countID), TypeKeysCounted, count)
	return app.BoardCount{CountID: countID, Expected: count.Expected, Counted: count.Counted,
		Missing: count.Missing, Extra: count.Extra}, []wire.Event{ev}, err
}
