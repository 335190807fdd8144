package loans

import (
	"slices"
	"time"

	"floordesk/app"
)

// names turns staff IDs and item type codes into the names people read.
type names struct {
	svc   *app.Service
	staff map[string]string
	items []app.ItemType
}

func newNames(svc *app.Service) *names {
	n := &names{svc: svc}
	n.load()
	return n
}

// load reads the staff and the item types again.
func (n *names) load() {
	n.staff = map[string]string{}
	if list, err := n.svc.StaffList(true); err == nil {
		for _, st := range list {
			n.staff[st.ID] = st.Name
		}
	}
	if types, err := n.svc.ItemTypes(); err == nil {
		n.items = types
	}
}

// person is a staff member's name, or the ID when unknown.
func (n *names) person(id string) string {
	if name, ok := n.staff[id]; ok {
		return name
	}
	return id
}

// item is an item type's name, or its code when unknown.
func (n *names) item(code string) string {
	if t, ok := n.itemType(code); ok {
		return t.Name
	}
	return code
}

func (n *names) itemType(code string) (app.ItemType, bool) {
	i := slices.IndexFunc(n.items, func(t app.ItemType) bool { return t.Code == code })
	if i < 0 {
		return app.ItemType{}, false
	}
	return n.items[i], true
}

// byName finds an item type by its shown name.
func (n *names) byName(name string) (app.ItemType, bool) {
	i := slices.IndexFunc(n.items, func(t app.ItemType) bool { return t.Name == name })
	if i < 0 {
		return app.ItemType{}, false
	}
	return n.items[i], true
}

// itemNames lists the item types' names, for a picker.
func (n *names) itemNames() []string {
	out := make([]string, len(n.items))
	for i, t := range n.items {
		out[i] = t.Name
	}
	return out
}

// tagOwner is the item type with asset tag at any desk.
func (n *names) tagOwner(tag string) (app.ItemType, bool) {
	for _, t := range n.items {
		for _, tags := range t.Tags {
			if slices.Contains(tags, tag) {
				return t, true
			}
		}
	}
	return app.ItemType{}, false
}

// loc is the hotel's time zone.
func (n *names) loc() *time.Location {
	if n.svc.Location != nil {
		return n.svc.Location
	}
	return time.Local
}
