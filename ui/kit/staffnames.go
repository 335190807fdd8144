package kit

import "floordesk/app"

// StaffNames are the hotel's staff, disabled members too, for the rows,
// details and pickers that name who did what. A list screen's Names is
// their Load. Use them on the Fyne goroutine.
type StaffNames struct {
	svc   StaffLister
	staff []app.Staff
}

// StaffLister lists the hotel's staff (the core service does).
type StaffLister interface {
	StaffList(withDisabled bool) ([]app.Staff, error)
}

// NewStaffNames returns the staff of svc, read once.
func NewStaffNames(svc StaffLister) *StaffNames {
	n := &StaffNames{svc: svc}
	n.Load()
	return n
}

// Load reads the staff again; when that fails, the staff read before stay.
func (n *StaffNames) Load() {
	if list, err := n.svc.StaffList(true); err == nil {
		n.staff = list
	}
}

// Name is staff member id's name, or id when there is no such member.
func (n *StaffNames) Name(id string) string {
	for _, st := range n.staff {
		if st.ID == id {
			return st.Name
		}
	}
	return id
}

// Staff is every staff member read, in the service's order.
func (n *StaffNames) Staff() []app.Staff { return n.staff }
