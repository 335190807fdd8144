package keys

import (
	"fyne.io/fyne/v2/lang"

	"floordesk/app"
	appkeys "floordesk/app/keys"
	"floordesk/ui/kit"
)

// names are the staff by name and by picker choice ("S01 Li Na").
type names struct{ *kit.StaffNames }

func newNames(svc kit.StaffLister) *names { return &names{kit.NewStaffNames(svc)} }

// choices lists the active staff as "S01 Li Na", for a picker.
func (n *names) choices() []string {
	var out []string
	for _, st := range n.Staff() {
		if !st.Disabled {
			out = append(out, choice(st))
		}
	}
	return out
}

func choice(st app.Staff) string { return st.ID + " " + st.Name }

// idOf is the staff ID of a picker choice, or "".
func (n *names) idOf(c string) string {
	for _, st := range n.Staff() {
		if choice(st) == c {
			return st.ID
		}
	}
	return ""
}

// choiceOf is the picker choice of a staff ID, or "".
func (n *names) choiceOf(id string) string {
	for _, st := range n.Staff() {
		if st.ID == id {
			return choice(st)
		}
	}
	return ""
}

// keyType is a key type's translated name.
func keyType(t appkeys.KeyType) string { return lang.L("keys.type." + string(t)) }
