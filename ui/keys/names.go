package keys

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	appkeys "floordesk/app/keys"
)

// names turns staff IDs into names and back, for lists and pickers.
type names struct {
	svc   *app.Service
	staff []app.Staff
}

func newNames(svc *app.Service) *names {
	n := &names{svc: svc}
	n.load()
	return n
}

// load reads the staff again.
func (n *names) load() {
	if list, err := n.svc.StaffList(true); err == nil {
		n.staff = list
	}
}

// person is a staff member's name, or the ID when unknown.
func (n *names) person(id string) string {
	for _, st := range n.staff {
		if st.ID == id {
			return st.Name
		}
	}
	return id
}

// choices lists the active staff as "S01 Li Na", for a picker.
func (n *names) choices() []string {
	var out []string
	for _, st := range n.staff {
		if !st.Disabled {
			out = append(out, choice(st))
		}
	}
	return out
}

func choice(st app.Staff) string { return st.ID + " " + st.Name }

// idOf is the staff ID of a picker choice, or "".
func (n *names) idOf(c string) string {
	for _, st := range n.staff {
		if choice(st) == c {
			return st.ID
		}
	}
	return ""
}

// choiceOf is the picker choice of a staff ID, or "".
func (n *names) choiceOf(id string) string {
	for _, st := range n.staff {
		if st.ID == id {
			return choice(st)
		}
	}
	return ""
}

// loc is the hotel's time zone.
func (n *names) loc() *time.Location {
	if n.svc.Location != nil {
		return n.svc.Location
	}
	return time.Local
}

// keyType is a key type's translated name.
func keyType(t appkeys.KeyType) string { return lang.L("keys.type." + string(t)) }
