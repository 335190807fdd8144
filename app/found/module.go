package found

import (
	"time"

	"floordesk/app"
)

// ModuleName is the register's app.Module name: its section's key in a
// handover's lists.
const ModuleName = "found"

func init() {
	app.Register(app.Module{Name: ModuleName, Order: 40, Kinds: []string{KindFound, KindLostReport},
		Handover: func(s *app.Service, desk string, _ time.Time) (any, error) { return New(s).handoverFound(desk) },
		Demo:     []app.DemoGenerator{{Name: "found", Weight: 2, Make: DemoFound}},
	})
}

// HandoverFound is a found item waiting to be claimed.
type HandoverFound struct {
	Tag         string    `json:"tag"`
	Category    string    `json:"category"`
	Description string    `json:"description"`
	FoundAt     time.Time `json:"found_at"`
	Location    string    `json:"location,omitempty"`
}

// handoverFound lists found items logged at desk and still held,
// awaiting claim, oldest first.
func (s *FoundRegister) handoverFound(desk string) ([]HandoverFound, error) {
	items, err := s.heldWith(FoundHeld, heldAt(desk))
	app.SortBy(items, func(f FoundItem) time.Time { return f.FoundAt })
	out := make([]HandoverFound, len(items))
	for i := range items {
		f := &items[i]
		out[i] = HandoverFound{Tag: f.Tag, Category: string(f.Category), Description: f.Description,
			FoundAt: f.FoundAt, Location: f.Location().Location}
	}
	return out, err
}
