package keys

import (
	"slices"
	"time"

	"floordesk/app"
)

// Key is a work key's view.
type Key struct {
	app.Meta `json:"meta"`
	Tag      string   `json:"tag"`
	Type     KeyType  `json:"type"`
	Areas    []string `json:"areas"`
	Desk     string   `json:"desk,omitempty"` // the board it hangs on
	// Loans holds the open loans: one while the key is out, two after it
	// was signed out at two desks at once. The whole history is in the
	// key's event stream, read by KeyHistory and the reports; a view that
	// kept closed loans would be rewritten with them on every sign-out.
	Loans []KeyLoan `json:"loans,omitempty"`
	// Lost is set by a loss report; Rekey flags the locks it opens for
	// re-keying until a supervisor clears it.
	Lost     bool      `json:"lost,omitempty"`
	LostAt   time.Time `json:"lost_at,omitzero"`
	LostBy   string    `json:"lost_by,omitempty"`
	LostNote string    `json:"lost_note,omitempty"`
	Rekey    bool      `json:"rekey,omitempty"`
}

// Keys lists the register by tag.
func (s *KeyRegister) Keys() ([]Key, error) { return app.ListViews[Key](s.Service, KindKey, nil) }

// KeyOut is a key that is out, with its loan.
type KeyOut struct {
	Tag  string
	Type KeyType
	KeyLoan
	Overdue bool
}

// KeysOut lists every open loan, by tag.
func (s *KeyRegister) KeysOut() ([]KeyOut, error) { return s.KeysOutAt("") }

// KeysOutAt lists the open loans that count at desk (see outAt): those of
// its board's keys and those signed out there, by tag; desk "" is the
// whole hotel. The handover's keys out are the same.
func (s *KeyRegister) KeysOutAt(desk string) ([]KeyOut, error) {
	keys, err := s.Keys()
	if err != nil {
		return nil, err
	}
	now := s.Now()
	var out []KeyOut
	for i := range keys {
		k := &keys[i]
		for _, l := range k.OpenLoans() {
			if outAt(k, l, desk) {
				out = append(out, KeyOut{Tag: k.Tag, Type: k.Type, KeyLoan: l, Overdue: l.LateAt(now)})
			}
		}
	}
	return out, nil
}

// OverdueKeys lists keys not back by their due time, most overdue first.
func (s *KeyRegister) OverdueKeys() ([]KeyOut, error) {
	out, err := s.KeysOut()
	if err != nil {
		return nil, err
	}
	out = slices.DeleteFunc(out, func(k KeyOut) bool { return !k.Overdue })
	slices.SortStableFunc(out, func(a, b KeyOut) int { return a.Due.Compare(b.Due) })
	return out, nil
}

// KeysForRekey lists lost keys whose locks wait for re-keying.
func (s *KeyRegister) KeysForRekey() ([]Key, error) {
	return app.ListViews(s.Service, KindKey, func(k *Key) bool { return k.Rekey })
}

// KeyHolderAt answers "who held key X at time T": the loans covering t
// (two only after a conflict). ErrNotFound for an unknown key; an empty
// list when the key was on the board.
func (s *KeyRegister) KeyHolderAt(tag string, t time.Time) ([]KeyLoan, error) {
	loans, err := s.KeyHistory(tag)
	if err != nil {
		return nil, err
	}
	var out []KeyLoan
	for _, l := range loans {
		if l.Held(t) {
			out = append(out, l)
		}
	}
	return out, nil
}
