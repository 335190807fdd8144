package keys

import (
	"time"

	"floordesk/app"
	"floordesk/data/wire"
)

// ModuleName is the register's app.Module name: its section's key in a
// handover's lists.
const ModuleName = "keys"

func init() {
	app.Register(app.Module{Name: ModuleName, Order: 20, Kinds: []string{KindKey, KindKeyCount, KindDoor},
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
	ev, err := app.NewEvent(actor.ID, app.Ref(KindKeyCount, countID), TypeKeysCounted, count)
	return app.BoardCount{CountID: countID, Expected: count.Expected, Counted: count.Counted,
		Missing: count.Missing, Extra: count.Extra}, []wire.Event{ev}, err
}

// HandoverKey is a work key not on the board.
type HandoverKey struct {
	Tag    string    `json:"tag"`
	Holder string    `json:"holder"`
	Since  time.Time `json:"since"`
	DueAt  time.Time `json:"due_at,omitzero"`
}

// deskKey reports whether key k hangs on desk's board; a key registered
// without a desk hangs on every board.
func deskKey(k *Key, desk string) bool { return k.Desk == desk || k.Desk == "" }

// outAt reports whether the open loan l of key k counts at desk: the key
// hangs on its board, or was signed out there. Every desk count of keys
// out (the dashboard's, the handover's) uses it, so they agree; desk ""
// is the whole hotel.
func outAt(k *Key, l KeyLoan, desk string) bool {
	return desk == "" || deskKey(k, desk) || l.OutDesk == desk
}

// handoverKeys lists the keys of desk's board that are signed out, and
// keys signed out at desk, by tag.
func (s *KeyRegister) handoverKeys(desk string) ([]HandoverKey, error) {
	keys, err := s.Keys()
	var out []HandoverKey
	for i := range keys {
		k := &keys[i]
		for _, l := range k.OpenLoans() {
			if outAt(k, l, desk) {
				out = append(out, HandoverKey{Tag: k.Tag, Holder: s.StaffName(l.Holder), Since: l.Out, DueAt: l.Due})
			}
		}
	}
	return out, err
}
