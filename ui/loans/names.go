package loans

import (
	"slices"

	"floordesk/app"
	"floordesk/ui/kit"
)

// names are the staff's and the item types' names.
type names struct {
	*kit.StaffNames
	svc   Service
	items []app.ItemType
}

func newNames(svc Service) *names {
	n := &names{StaffNames: kit.NewStaffNames(svc), svc: svc}
	n.loadItems()
	return n
}

// load reads the staff and the item types again.
func (n *names) load() {
	n.Load()
	n.loadItems()
}

func (n *names) loadItems() {
	if types, err := n.svc.ItemTypes(); err == nil {
		n.items = types
	}
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

// itemsByCode are the item types' names by code, for the history search.
func (n *names) itemsByCode() map[string]string {
	out := make(map[string]string, len(n.items))
	for _, t := range n.items {
		out[t.Code] = t.Name
	}
	return out
}

// staffByID are the staff's names by ID, for the history search.
func (n *names) staffByID() map[string]string {
	out := map[string]string{}
	for _, st := range n.Staff() {
		out[st.ID] = st.Name
	}
	return out
}
