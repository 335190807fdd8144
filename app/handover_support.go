package app

import "time"

// Where the handover reads the key and lost-and-found registers.

// deskKey reports whether key k hangs on desk's board; a key registered
// without a desk hangs on every board.
func deskKey(k *Key, desk string) bool { return k.Desk == desk || k.Desk == "" }

// handoverKeys lists the keys of desk's board that are signed out, and
// keys signed out at desk, by tag.
func (s *Service) handoverKeys(desk string) ([]HandoverKey, error) {
	keys, err := s.Keys()
	var out []HandoverKey
	for i := range keys {
		k := &keys[i]
		for _, l := range k.OpenLoans() {
			if deskKey(k, desk) || l.OutDesk == desk {
				out = append(out, HandoverKey{Tag: k.Tag, Holder: s.StaffName(l.Holder), Since: l.Out, DueAt: l.Due})
			}
		}
	}
	return out, err
}

// handoverFound lists found items logged at desk and still held,
// awaiting claim, oldest first.
func (s *Service) handoverFound(desk string) ([]HandoverFound, error) {
	items, err := ListViews(s, kindFound, func(f *FoundItem) bool { return f.Status == FoundHeld && f.Desk == desk })
	SortBy(items, func(f FoundItem) time.Time { return f.FoundAt })
	out := make([]HandoverFound, len(items))
	for i := range items {
		f := &items[i]
		out[i] = HandoverFound{Tag: f.Tag, Category: string(f.Category), Description: f.Description,
			FoundAt: f.FoundAt, Location: f.Location().Location}
	}
	return out, err
}
